/* case.c: ASCII-only folding so that results never depend on the locale. */
#include "case.h"

static unsigned char lower(unsigned char c)
{
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c + 32) : c;
}

int case_diffb(const char *a, size_t n, const char *b)
{
  while (n--) {
    unsigned char x = lower((unsigned char)*a++), y = lower((unsigned char)*b++);
    if (x != y) return (int)x - (int)y;
  }
  return 0;
}

int case_diffs(const char *a, const char *b)
{
  for (;;) {
    unsigned char x = lower((unsigned char)*a++), y = lower((unsigned char)*b++);
    if (x != y) return (int)x - (int)y;
    if (!x) return 0;
  }
}

int case_starts(const char *s, const char *prefix)
{
  while (*prefix) {
    if (lower((unsigned char)*s) != lower((unsigned char)*prefix)) return 0;
    ++s; ++prefix;
  }
  return 1;
}

void case_lowerb(char *s, size_t n)
{
  while (n--) { *s = (char)lower((unsigned char)*s); ++s; }
}

void case_lowers(char *s)
{
  for (; *s; ++s) *s = (char)lower((unsigned char)*s);
}
