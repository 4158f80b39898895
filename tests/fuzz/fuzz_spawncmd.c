/* fuzz_spawncmd: qmail-lspawn's and qmail-rspawn's reader of delivery
   commands from qmail-send, fed in chunks whose seams fall anywhere (the
   first byte picks the step).  Every command taken must come out equal
   to a plain re-split of the stream (slot byte, three NUL-ended fields),
   its fields within SPAWN_FIELDMAX and free of NULs, flagged too long
   exactly when a field went over; spawncmd_check must agree with its
   rules (message path length and characters, an '@' in the recipient,
   *at its last one). */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "spawncmd.h"

static void checkcmd(const struct spawncmd *c, const char *s, size_t n, size_t *pos)
{
  size_t f, z, i, at = 0, want;
  int toolong = 0;
  const char *r, *m;
  if (*pos >= n || c->slot != (unsigned char)s[*pos]) abort();
  ++*pos;
  for (f = 0; f < 3; ++f) {
    const stralloc *fl = &c->field[f];
    z = *pos + strnlen(s + *pos, n - *pos);
    if (z >= n) abort();   /* a command completed without its NUL */
    if (fl->len > SPAWN_FIELDMAX || (fl->len && memchr(fl->s, 0, fl->len))) abort();
    want = z - *pos > SPAWN_FIELDMAX ? SPAWN_FIELDMAX : z - *pos;
    if (z - *pos > SPAWN_FIELDMAX) toolong = 1;
    if (fl->len != want || (want && memcmp(fl->s, s + *pos, want))) abort();
    *pos = z + 1;
  }
  r = spawncmd_overflow(c);
  if (toolong != (r != 0) || (r && strcmp(r, "DSorry, address too long. (#5.1.3)"))) abort();
  r = spawncmd_check(c, &at);
  m = c->field[0].s;
  if (!c->field[0].len) { if (!r || !strstr(r, "too short")) abort(); return; }
  if (c->field[0].len > SPAWN_MESSIDMAX) { if (!r || !strstr(r, "too long")) abort(); return; }
  for (i = 0; i < c->field[0].len; ++i)
    if (!(m[i] >= '0' && m[i] <= '9') && !(m[i] == '/' && i)) break;
  if (i < c->field[0].len) { if (!r || !strstr(r, "nonnumerics")) abort(); return; }
  if (!c->field[2].len || !memchr(c->field[2].s, '@', c->field[2].len)) { if (!r || r[0] != 'D') abort(); return; }
  if (r || at >= c->field[2].len || c->field[2].s[at] != '@') abort();
  if (memchr(c->field[2].s + at + 1, '@', c->field[2].len - at - 1)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  struct spawncmd c = SPAWNCMD_ZERO;
  const char *s;
  size_t i = 0, k, used, step, pos = 0;
  if (!n) return 0;
  step = 1 + data[0] % 17;
  s = (const char *)data + 1;
  --n;
  while (i < n) {
    k = n - i < step ? n - i : step;
    while (k) {
      int done = spawncmd_feed(&c, s + i, k, &used);
      if (used > k || (!done && used != k) || (done && !used)) abort();
      i += used; k -= used;
      if (done) {
        checkcmd(&c, s, n, &pos);
        if (pos != i) abort();
      }
    }
  }
  spawncmd_free(&c);
  return 0;
}
