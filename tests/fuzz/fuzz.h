/* fuzz.h: helpers shared by the libFuzzer targets: a buffer that reads
   from a byte range (no fd), and a temporary file holding the input. */
#ifndef FUZZ_H
#define FUZZ_H
#include <stddef.h>
#include <stdint.h>
#include "buffer.h"
/* bind b to read data[0..n) through a memory op; returns b */
extern buffer *fuzz_membuffer(buffer *b, const uint8_t *data, size_t n);
/* write data to a memfd (or temp file) and return its fd at offset 0 */
extern int fuzz_memfd(const uint8_t *data, size_t n);
#endif
