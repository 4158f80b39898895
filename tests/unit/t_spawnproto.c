/* t_spawnproto: delivery commands as bytes; reports fed whole, byte by
   byte and several in one read; an empty status; a text longer than the
   cap is cut and the stream stays in step. */
#include <string.h>
#include "spawnproto.h"
#include "t.h"

int main(void)
{
  stralloc out = STRALLOC_ZERO, big = STRALLOC_ZERO;
  struct spawnproto_rep r = SPAWNPROTO_REP_ZERO;
  static const char two[] = "\003Kdid 1\0\007Dno\nway\0";
  size_t used, i, n;

  t_name = "command";
  CHECK(spawnproto_cmd(&out, 7, "3/123", "a@b", 3, "c@d", 3));
  CHECK(out.len == 1 + 6 + 4 + 4);
  CHECKMEM(out.s, out.len, "\0073/123\0a@b\0c@d");
  CHECK(spawnproto_cmd(&out, 0, "0/1", "", 0, "x@y", 3));
  CHECKMEM(out.s + 15, 10, "\0000/1\0\0x@y");

  t_name = "two reports in one read";
  CHECK(spawnproto_feed(&r, two, sizeof two - 1, &used) == 1);
  CHECK(used == 8 && r.slot == 3 && r.status == 'K' && r.text.len == 5 && !memcmp(r.text.s, "did 1", 5));
  CHECK(spawnproto_feed(&r, two + used, sizeof two - 1 - used, &used) == 1);
  CHECK(r.slot == 7 && r.status == 'D' && r.text.len == 6);

  t_name = "byte by byte";
  for (i = n = 0; i < sizeof two - 1; ++i) {
    n += (size_t)spawnproto_feed(&r, two + i, 1, &used);
    CHECK(used == 1);
  }
  CHECK(n == 2 && r.slot == 7);

  t_name = "empty status";
  CHECK(spawnproto_feed(&r, "\001\0", 2, &used) == 1 && used == 2 && r.status == 0 && r.text.len == 0);

  t_name = "partial";
  CHECK(spawnproto_feed(&r, "\002Zwait", 6, &used) == 0 && used == 6);
  CHECK(spawnproto_feed(&r, "ing\0", 4, &used) == 1 && r.text.len == 7);

  t_name = "cut at the cap";
  CHECK(stralloc_copyb(&big, "\005K", 2));
  for (i = 0; i < SPAWNPROTO_TEXTMAX + 5000; ++i) CHECK(stralloc_append(&big, 'x') || 1);
  CHECK(stralloc_0(&big) && stralloc_catb(&big, "\006Kok\0", 5));
  CHECK(spawnproto_feed(&r, big.s, big.len, &used) == 1 && r.text.len == SPAWNPROTO_TEXTMAX && r.slot == 5);
  CHECK(spawnproto_feed(&r, big.s + used, big.len - used, &used) == 1 && r.slot == 6 && r.text.len == 2);
  stralloc_free(&out); stralloc_free(&big); stralloc_free(&r.text);
  return t_done();
}
