/* getln.c: lines from a buffer, with an optional cap on their length. */
#include <errno.h>
#include <stdint.h>
#include "byte.h"
#include "getln.h"

int getln_max(buffer *b, stralloc *sa, int *match, int sep, size_t max)
{
  if (!stralloc_ready(sa, 0)) return -1;
  sa->len = 0;
  for (;;) {
    ssize_t r = buffer_feed(b);
    char *x;
    size_t n, i;
    if (r < 0) return -1;
    if (r == 0) { *match = 0; return 0; }
    x = buffer_peek(b);
    n = (size_t)r;
    i = byte_chr(x, n, sep);
    if (i < n) n = i + 1;
    if (n > max - sa->len) {
      n = max - sa->len;
      if (!stralloc_catb(sa, x, n)) return -1;
      buffer_seek(b, n);
      errno = E2BIG;
      return -1;
    }
    if (!stralloc_catb(sa, x, n)) return -1;
    buffer_seek(b, n);
    if (i < (size_t)r) { *match = 1; return 0; }
  }
}

int getln(buffer *b, stralloc *sa, int *match, int sep)
{
  return getln_max(b, sa, match, sep, SIZE_MAX - 1);
}
