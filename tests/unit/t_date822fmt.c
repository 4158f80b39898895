/* t_date822fmt: fixed times: the epoch, a leap day, both sides of the
   2038 32-bit rollover, 2100 and 9999, one second before the epoch; the
   day has no leading zero; counting with a null pointer; a time gmtime
   cannot represent still gives bounded text. */
#include <limits.h>
#include <stdint.h>
#include "date822fmt.h"
#include "t.h"

struct c { const char *label; long long t; const char *out; };
static const struct c cases[] = {
  { "epoch", 0, "1 Jan 1970 00:00:00 -0000" },
  { "one", 1, "1 Jan 1970 00:00:01 -0000" },
  { "1995", 811831614, "23 Sep 1995 04:46:54 -0000" },
  { "leap day", 951782400, "29 Feb 2000 00:00:00 -0000" },
  { "INT32_MAX", 2147483647, "19 Jan 2038 03:14:07 -0000" },
  { "2038 rollover", 2147483648LL, "19 Jan 2038 03:14:08 -0000" },
  { "UINT32_MAX", 4294967295LL, "7 Feb 2106 06:28:15 -0000" },
  { "2100", 4102444800LL, "1 Jan 2100 00:00:00 -0000" },
  { "9999", 253402300799LL, "31 Dec 9999 23:59:59 -0000" },
  { "before the epoch", -1, "31 Dec 1969 23:59:59 -0000" },
};

int main(void)
{
  char s[DATE822FMT + 1];
  size_t i, n;
  CHECK(sizeof(time_t) >= 8);
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    memset(s, 'Z', sizeof s);
    n = date822fmt(s, (time_t)cases[i].t);
    CHECK(n == strlen(cases[i].out) && !memcmp(s, cases[i].out, n) && s[n] == 'Z');
    if (n < sizeof s) { s[n] = 0; if (strcmp(s, cases[i].out)) fprintf(stderr, "  got %s\n", s); }
    CHECK(date822fmt(0, (time_t)cases[i].t) == n);
  }
  t_name = "unrepresentable";
  n = date822fmt(s, (time_t)INT64_MAX);
  CHECK(n > 0 && n < DATE822FMT);
  n = date822fmt(s, (time_t)INT64_MIN);
  CHECK(n > 0 && n < DATE822FMT);
  return t_done();
}
