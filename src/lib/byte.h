/* byte: operations on counted byte ranges.  byte_chr/byte_rchr return the
   index of the first/last match, or n when there is none. */
#ifndef BYTE_H
#define BYTE_H
#include <stddef.h>
#include <string.h>
extern size_t byte_chr(const char *s, size_t n, int c);
extern size_t byte_rchr(const char *s, size_t n, int c);
#define byte_copy(to, n, from) memmove((to), (from), (n))
#define byte_zero(s, n) memset((s), 0, (n))
#define byte_diff(a, n, b) memcmp((a), (b), (n))
#define byte_equal(a, n, b) (!memcmp((a), (b), (n)))
#endif
