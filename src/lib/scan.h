/* scan: text to numbers.  Each returns the number of characters consumed,
   0 when there is no number or when the value would overflow (in which case
   *u is left unchanged). */
#ifndef SCAN_H
#define SCAN_H
#include <stddef.h>
extern size_t scan_ulong(const char *s, unsigned long *u);
extern size_t scan_ulongn(const char *s, size_t n, unsigned long *u);
extern size_t scan_uint(const char *s, unsigned int *u);
extern size_t scan_long(const char *s, long *l);
extern size_t scan_xlong(const char *s, unsigned long *u);
extern size_t scan_8long(const char *s, unsigned long *u);
#endif
