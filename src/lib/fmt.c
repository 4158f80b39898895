/* fmt.c: decimal, hex and octal formatting, two-pass friendly. */
#include "fmt.h"

static size_t fmt_base(char *s, unsigned long u, unsigned int base)
{
  static const char digits[] = "0123456789abcdef";
  size_t len = 1;
  unsigned long q = u;
  while (q >= base) { ++len; q /= base; }
  if (s) {
    s += len;
    do { *--s = digits[u % base]; u /= base; } while (u);
  }
  return len;
}

size_t fmt_ulong(char *s, unsigned long u) { return fmt_base(s, u, 10); }
size_t fmt_xlong(char *s, unsigned long u) { return fmt_base(s, u, 16); }
size_t fmt_8long(char *s, unsigned long u) { return fmt_base(s, u, 8); }

size_t fmt_ulong0(char *s, unsigned long u, size_t width)
{
  size_t len = fmt_ulong(FMT_LEN, u), i;
  if (len >= width) return fmt_ulong(s, u);
  if (s) {
    for (i = 0; i < width - len; ++i) s[i] = '0';
    fmt_ulong(s + width - len, u);
  }
  return width;
}

size_t fmt_long(char *s, long l)
{
  unsigned long u;
  if (l >= 0) return fmt_ulong(s, (unsigned long)l);
  u = (unsigned long)0 - (unsigned long)l;
  if (s) { *s++ = '-'; }
  return fmt_ulong(s, u) + 1;
}

size_t fmt_str(char *s, const char *t)
{
  size_t len = 0;
  while (t[len]) { if (s) s[len] = t[len]; ++len; }
  return len;
}

size_t fmt_strn(char *s, const char *t, size_t n)
{
  size_t len = 0;
  while (len < n && t[len]) { if (s) s[len] = t[len]; ++len; }
  return len;
}
