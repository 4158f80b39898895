/* scan.c: overflow-checked number parsing. */
#include <limits.h>
#include "scan.h"

static int digit(char c, unsigned int base)
{
  unsigned int d;
  if (c >= '0' && c <= '9') d = (unsigned int)(c - '0');
  else if (c >= 'a' && c <= 'f') d = (unsigned int)(c - 'a' + 10);
  else if (c >= 'A' && c <= 'F') d = (unsigned int)(c - 'A' + 10);
  else return -1;
  return d < base ? (int)d : -1;
}

static size_t scan_base(const char *s, size_t n, unsigned long *u, unsigned int base)
{
  unsigned long r = 0;
  size_t i = 0;
  int d;
  while (i < n && (d = digit(s[i], base)) >= 0) {
    if (r > (ULONG_MAX - (unsigned long)d) / base) return 0;
    r = r * base + (unsigned long)d;
    ++i;
  }
  if (i) *u = r;
  return i;
}

size_t scan_ulong(const char *s, unsigned long *u) { return scan_base(s, (size_t)-1, u, 10); }
size_t scan_ulongn(const char *s, size_t n, unsigned long *u) { return scan_base(s, n, u, 10); }
size_t scan_xlong(const char *s, unsigned long *u) { return scan_base(s, (size_t)-1, u, 16); }
size_t scan_8long(const char *s, unsigned long *u) { return scan_base(s, (size_t)-1, u, 8); }

size_t scan_uint(const char *s, unsigned int *u)
{
  unsigned long l;
  size_t n = scan_ulong(s, &l);
  if (!n || l > UINT_MAX) return 0;
  *u = (unsigned int)l;
  return n;
}

size_t scan_long(const char *s, long *l)
{
  unsigned long u;
  size_t n, sign = 0;
  int neg = 0;
  if (*s == '-' || *s == '+') { neg = (*s == '-'); sign = 1; }
  n = scan_ulong(s + sign, &u);
  if (!n) return 0;
  if (neg) {
    if (u > (unsigned long)LONG_MAX + 1) return 0;
    *l = u == (unsigned long)LONG_MAX + 1 ? LONG_MIN : -(long)u;
  } else {
    if (u > (unsigned long)LONG_MAX) return 0;
    *l = (long)u;
  }
  return n + sign;
}
