/* byte.c: searches in counted byte ranges. */
#include "byte.h"

size_t byte_chr(const char *s, size_t n, int c)
{
  const char *t = memchr(s, c, n);
  return t ? (size_t)(t - s) : n;
}

size_t byte_rchr(const char *s, size_t n, int c)
{
  size_t i = n;
  while (i) if (s[--i] == (char)c) return i;
  return n;
}
