/* t_spawncmd: delivery commands fed whole, byte by byte and two in one
   read; the caps (a field of exactly SPAWN_FIELDMAX bytes passes, one
   more is refused and the stream stays in step); every refusal of
   spawncmd_check and its order; the last '@' of the recipient. */
#include <stdlib.h>
#include <string.h>
#include "spawncmd.h"
#include "t.h"

static const struct { const char *messid, *recip, *want; size_t at; } checks[] = {
  { "3/123", "a@b", 0, 1 },
  { "3/123", "a@b@c", 0, 3 },
  { "3/123", "@", 0, 0 },
  { "0", "x@", 0, 1 },
  { "", "a@b", "DInternal error: messid too short. (#5.3.5)", 0 },
  { "/3", "a@b", "DInternal error: messid has nonnumerics. (#5.3.5)", 0 },
  { "3/../x", "a@b", "DInternal error: messid has nonnumerics. (#5.3.5)", 0 },
  { "3/12a", "a@b", "DInternal error: messid has nonnumerics. (#5.3.5)", 0 },
  { "3/1", "ab", "DSorry, address must include host name. (#5.1.3)", 0 },
  { "x", "ab", "DInternal error: messid has nonnumerics. (#5.3.5)", 0 },
  { "3/1", "", "DSorry, address must include host name. (#5.1.3)", 0 },
};

static int fill(stralloc *sa, char ch, size_t k)
{
  while (k--) if (!stralloc_append(sa, ch)) return 0;
  return 1;
}

/* feed a whole stream in steps of step bytes; count the commands */
static int feedall(struct spawncmd *c, const char *s, size_t n, size_t step, struct spawncmd *last)
{
  size_t i = 0, used, k;
  int cmds = 0;
  while (i < n) {
    k = n - i < step ? n - i : step;
    while (k) {
      int done = spawncmd_feed(c, s + i, k, &used);
      i += used; k -= used;
      if (done) { ++cmds; if (last) *last = *c; }
    }
  }
  return cmds;
}

int main(void)
{
  static const char two[] = "\0073/123\0a@b\0c@d\0\0010/1\0\0x@y\0";
  struct spawncmd c = SPAWNCMD_ZERO, last;
  stralloc big = STRALLOC_ZERO;
  size_t used, at, i, step;
  const char *r;

  t_name = "two commands in one read";
  CHECK(spawncmd_feed(&c, two, sizeof two - 1, &used) == 1);
  CHECK(used == 15 && c.slot == 7);
  CHECKMEM(c.field[0].s, 5, "3/123");
  CHECK(c.field[0].len == 5 && c.field[1].len == 3 && c.field[2].len == 3);
  CHECKMEM(c.field[2].s, 3, "c@d");
  CHECK(spawncmd_overflow(&c) == 0 && spawncmd_check(&c, &at) == 0 && at == 1);
  CHECK(spawncmd_feed(&c, two + used, sizeof two - 1 - used, &used) == 1);
  CHECK(used == 10 && c.slot == 1 && c.field[1].len == 0 && c.field[2].len == 3);
  CHECK(spawncmd_feed(&c, "", 0, &used) == 0 && used == 0);

  t_name = "any step";
  for (step = 1; step <= sizeof two; ++step) {
    CHECK(feedall(&c, two, sizeof two - 1, step, &last) == 2);
    CHECK(c.stage == 0 && last.slot == 1 && last.field[0].len == 3);
  }

  t_name = "a partial command waits";
  CHECK(spawncmd_feed(&c, "\0023/1\0a@b", 8, &used) == 0 && used == 8 && c.stage == 2);
  CHECK(spawncmd_feed(&c, "\0", 1, &used) == 0 && c.stage == 3);
  CHECK(spawncmd_feed(&c, "r@h\0\005", 5, &used) == 1 && used == 4 && c.slot == 2);
  CHECK(spawncmd_feed(&c, "", 0, &used) == 0 && c.stage == 0);

  t_name = "refusals";
  for (i = 0; i < sizeof checks / sizeof checks[0]; ++i) {
    CHECK(stralloc_copys(&c.field[0], checks[i].messid) && stralloc_copys(&c.field[2], checks[i].recip));
    r = spawncmd_check(&c, &at);
    if (checks[i].want) CHECKSTR(r, checks[i].want);
    else CHECK(r == 0 && at == checks[i].at);
  }

  t_name = "messid cap";
  CHECK(stralloc_copys(&c.field[2], "a@b"));
  c.field[0].len = 0;
  CHECK(fill(&c.field[0], '1', SPAWN_MESSIDMAX));
  CHECK(spawncmd_check(&c, &at) == 0);
  CHECK(stralloc_append(&c.field[0], '1'));
  CHECKSTR(spawncmd_check(&c, &at), "DInternal error: messid too long. (#5.3.5)");

  t_name = "field caps";
  for (i = 0; i < 3; ++i) {
    size_t f;
    big.len = 0;
    CHECK(stralloc_append(&big, 9));
    for (f = 0; f < 3; ++f) {
      if (f == i) CHECK(fill(&big, 'x', SPAWN_FIELDMAX));
      else CHECK(stralloc_cats(&big, "1@2"));
      CHECK(stralloc_append(&big, 0));
    }
    CHECK(feedall(&c, big.s, big.len, 4096, 0) == 1);
    CHECK(c.field[i].len == SPAWN_FIELDMAX && spawncmd_overflow(&c) == 0);
    /* one byte more in field i */
    big.len = 0;
    CHECK(stralloc_append(&big, 9));
    for (f = 0; f < 3; ++f) {
      if (f == i) CHECK(fill(&big, 'y', SPAWN_FIELDMAX + 1));
      else CHECK(stralloc_cats(&big, "1@2"));
      CHECK(stralloc_append(&big, 0));
    }
    CHECK(stralloc_catb(&big, "\0043/1\0\0a@b\0", 10));
    CHECK(feedall(&c, big.s, big.len, 1000, &last) == 2);
    CHECK(c.slot == 4 && spawncmd_overflow(&c) == 0 && spawncmd_check(&c, &at) == 0);
    CHECK(feedall(&c, big.s, big.len - 10, 1000, &last) == 1);
    CHECK(last.slot == 9 && last.field[i].len == SPAWN_FIELDMAX);
    CHECKSTR(spawncmd_overflow(&last), "DSorry, address too long. (#5.1.3)");
  }
  t_name = "overflow texts";
  last.flagtoolong = 2;
  CHECKSTR(spawncmd_overflow(&last), "Zqmail-spawn out of memory. (#4.3.0)");
  spawncmd_free(&c);
  stralloc_free(&big);
  return t_done();
}
