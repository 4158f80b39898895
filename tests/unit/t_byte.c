/* t_byte: byte_chr/byte_rchr (first/last match, n when absent, NUL and
   high bytes), and the copy/zero/diff/equal macros on counted ranges. */
#include "byte.h"
#include "t.h"

struct c { const char *label; const char *s; size_t n; int ch; size_t first, last; };
static const struct c cases[] = {
  { "empty", "", 0, 'a', 0, 0 },
  { "absent", "abc", 3, 'x', 3, 3 },
  { "first", "abca", 4, 'a', 0, 3 },
  { "middle", "xbx", 3, 'b', 1, 1 },
  { "NUL counted", "a\0b\0", 4, 0, 1, 3 },
  { "high byte", "a\377b", 3, 0377, 1, 1 },
  { "high byte as negative int", "a\377b", 3, -1, 1, 1 },
  { "beyond n not seen", "abcx", 3, 'x', 3, 3 },
};

int main(void)
{
  size_t i;
  char buf[8];
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(byte_chr(cases[i].s, cases[i].n, cases[i].ch) == cases[i].first);
    CHECK(byte_rchr(cases[i].s, cases[i].n, cases[i].ch) == cases[i].last);
  }
  t_name = "macros";
  memcpy(buf, "abcdefg", 8);
  byte_copy(buf + 1, 3, buf); /* overlapping */
  CHECKMEM(buf, 7, "aabcefg");
  byte_zero(buf, 2);
  CHECK(buf[0] == 0 && buf[1] == 0 && buf[2] == 'b');
  CHECK(byte_equal("abc", 3, "abd") == 0);
  CHECK(byte_equal("abc", 2, "abd") == 1);
  CHECK(byte_equal("", 0, "x") == 1);
  CHECK(byte_diff("abc", 3, "abd") < 0);
  CHECK(byte_diff("\377", 1, "\001") > 0); /* unsigned comparison */
  return t_done();
}
