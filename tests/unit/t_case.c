/* t_case: ASCII-only folding: letters fold, everything else (digits,
   '@'/'['/'`'/'{' next to the letters, 8-bit bytes) compares as bytes. */
#include "case.h"
#include "t.h"

struct c { const char *label, *a, *b; int sign; };
static const struct c cases[] = {
  { "equal", "abc", "abc", 0 },
  { "fold", "ABC", "abc", 0 },
  { "mixed", "ExAmPlE.CoM", "example.com", 0 },
  { "less", "abc", "abd", -1 },
  { "greater after fold", "ABD", "abc", 1 },
  { "prefix shorter", "ab", "abc", -1 },
  { "@ is not `", "@", "`", -1 },
  { "[ is not {", "[", "{", -1 },
  { "8-bit not folded", "\311", "\351", -1 },
  { "8-bit above ASCII", "\200", "z", 1 },
  { "empty", "", "", 0 },
};

static int sign(int x) { return x < 0 ? -1 : x > 0; }

int main(void)
{
  size_t i;
  char s[32];
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    size_t n = strlen(cases[i].a) < strlen(cases[i].b) ? strlen(cases[i].a) + 1 : strlen(cases[i].b) + 1;
    t_name = cases[i].label;
    CHECK(sign(case_diffs(cases[i].a, cases[i].b)) == cases[i].sign);
    CHECK(sign(case_diffs(cases[i].b, cases[i].a)) == -cases[i].sign);
    CHECK(sign(case_diffb(cases[i].a, n, cases[i].b)) == cases[i].sign);
    CHECK(case_equals(cases[i].a, cases[i].b) == !cases[i].sign);
  }
  t_name = "counted";
  CHECK(case_diffb("ABCx", 3, "abcy") == 0);
  CHECK(case_diffb("x", 0, "y") == 0);
  CHECK(case_diffb("a\0B", 3, "A\0b") == 0); /* NUL is just a byte */
  t_name = "starts";
  CHECK(case_starts("Received: x", "RECEIVED:"));
  CHECK(case_starts("abc", ""));
  CHECK(!case_starts("ab", "abc"));
  CHECK(!case_starts("abd", "abc"));
  t_name = "lower";
  strcpy(s, "MiXeD @[`{ \311Z");
  case_lowers(s);
  CHECKSTR(s, "mixed @[`{ \311z");
  strcpy(s, "ABCDEF");
  case_lowerb(s, 3);
  CHECKSTR(s, "abcDEF");
  return t_done();
}
