/* t_str: str_chr/str_rchr (length when absent, never past the NUL),
   str_start, and the comparison macros. */
#include "str.h"
#include "t.h"

struct c { const char *label, *s; int ch; size_t first, last; };
static const struct c cases[] = {
  { "empty", "", 'a', 0, 0 },
  { "absent", "abc", 'x', 3, 3 },
  { "repeat", "abca", 'a', 0, 3 },
  { "NUL finds the end", "abc", 0, 3, 3 },
  { "high byte", "a\377b\377", 0377, 1, 3 },
  { "high byte as negative int", "a\377b\377", -1, 1, 3 },
};

int main(void)
{
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(str_chr(cases[i].s, cases[i].ch) == cases[i].first);
    CHECK(str_rchr(cases[i].s, cases[i].ch) == cases[i].last);
  }
  t_name = "str_start";
  CHECK(str_start("hello", "he"));
  CHECK(str_start("hello", ""));
  CHECK(str_start("hello", "hello"));
  CHECK(!str_start("hello", "hello!"));
  CHECK(!str_start("", "a"));
  CHECK(!str_start("Hello", "he"));
  t_name = "macros";
  CHECK(str_len("") == 0 && str_len("abc") == 3);
  CHECK(str_equal("a", "a") && !str_equal("a", "A"));
  CHECK(str_diff("a", "b") < 0);
  CHECK(str_diffn("abcx", "abcy", 3) == 0);
  return t_done();
}
