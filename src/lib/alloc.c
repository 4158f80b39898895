/* alloc.c: malloc with errno discipline and a fault hook for the unit tests. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"

static long failafter = -1;

void alloc_failafter(long k) { failafter = k; }

void *alloc(size_t n)
{
  void *x;
  if (failafter == 0) { errno = ENOMEM; return 0; }
  if (failafter > 0) --failafter;
  if (!n) n = 1;
  x = malloc(n);
  if (!x) errno = ENOMEM;
  return x;
}

void alloc_free(void *x) { free(x); }

int alloc_re(void *x, size_t m, size_t n)
{
  char **p = x;
  char *y = alloc(n);
  if (!y) return 0;
  if (*p) memcpy(y, *p, m < n ? m : n);
  alloc_free(*p);
  *p = y;
  return 1;
}
