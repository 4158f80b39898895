/* t_fmt: decimal, hex, octal, padded and signed formatting against
   snprintf for hostile values (0, 1, INT_MAX, UINT32_MAX, ULONG_MAX,
   LONG_MIN), counting with a null pointer, and no byte written past the
   returned length; fmt_str/fmt_strn. */
#include <limits.h>
#include <stdint.h>
#include "fmt.h"
#include "t.h"

static const unsigned long vals[] = { 0, 1, 9, 10, 99, 100, 255, 256, INT_MAX, (unsigned long)INT_MAX + 1,
  UINT32_MAX, (unsigned long)UINT32_MAX + 1, ULONG_MAX - 1, ULONG_MAX };

int main(void)
{
  char s[FMT_ULONG + 8], want[64];
  size_t i, n;

  for (i = 0; i < sizeof vals / sizeof vals[0]; ++i) {
    unsigned long u = vals[i];
    t_name = "fmt_ulong";
    memset(s, 'Z', sizeof s);
    n = fmt_ulong(s, u);
    snprintf(want, sizeof want, "%lu", u);
    CHECK(n == strlen(want) && !memcmp(s, want, n) && s[n] == 'Z');
    CHECK(fmt_ulong(FMT_LEN, u) == n && n < FMT_ULONG);
    t_name = "fmt_xlong";
    n = fmt_xlong(s, u);
    snprintf(want, sizeof want, "%lx", u);
    CHECK(n == strlen(want) && !memcmp(s, want, n) && fmt_xlong(0, u) == n);
    t_name = "fmt_8long";
    n = fmt_8long(s, u);
    snprintf(want, sizeof want, "%lo", u);
    CHECK(n == strlen(want) && !memcmp(s, want, n) && fmt_8long(0, u) == n && n < FMT_ULONG);
    t_name = "fmt_long";
    n = fmt_long(s, (long)u);
    snprintf(want, sizeof want, "%ld", (long)u);
    CHECK(n == strlen(want) && !memcmp(s, want, n) && fmt_long(0, (long)u) == n);
    t_name = "fmt_long negative";
    n = fmt_long(s, -(long)(u & LONG_MAX));
    snprintf(want, sizeof want, "%ld", -(long)(u & LONG_MAX));
    CHECK(n == strlen(want) && !memcmp(s, want, n));
    t_name = "fmt_ulong0";
    memset(s, 'Z', sizeof s);
    n = fmt_ulong0(s, u, 12);
    snprintf(want, sizeof want, "%012lu", u);
    CHECK(n == strlen(want) && !memcmp(s, want, n) && s[n] == 'Z' && fmt_ulong0(0, u, 12) == n);
  }
  t_name = "LONG_MIN";
  n = fmt_long(s, LONG_MIN);
  snprintf(want, sizeof want, "%ld", LONG_MIN);
  CHECK(n == strlen(want) && !memcmp(s, want, n));
  t_name = "width 0 and 1";
  CHECK(fmt_ulong0(s, 0, 0) == 1 && s[0] == '0');
  CHECK(fmt_ulong0(s, 5, 1) == 1 && s[0] == '5');
  CHECK(fmt_ulong0(s, 5, 3) == 3 && !memcmp(s, "005", 3));
  t_name = "fmt_str";
  memset(s, 'Z', sizeof s);
  CHECK(fmt_str(s, "abc") == 3 && !memcmp(s, "abcZ", 4));
  CHECK(fmt_str(0, "abcd") == 4);
  CHECK(fmt_str(s, "") == 0);
  CHECK(fmt_strn(s, "abcdef", 2) == 2 && !memcmp(s, "ab", 2));
  CHECK(fmt_strn(s, "ab", 10) == 2);
  CHECK(fmt_strn(0, "abc", 0) == 0);
  return t_done();
}
