/* str.c: searches in C strings. */
#include "str.h"

size_t str_chr(const char *s, int c)
{
  const char *t = strchr(s, c);
  if (!c) return strlen(s);
  return t ? (size_t)(t - s) : strlen(s);
}

size_t str_rchr(const char *s, int c)
{
  const char *t = strrchr(s, c);
  if (!c) return strlen(s);
  return t ? (size_t)(t - s) : strlen(s);
}

int str_start(const char *s, const char *prefix)
{
  while (*prefix) if (*s++ != *prefix++) return 0;
  return 1;
}
