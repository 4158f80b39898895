/* spawncmd.c: parsing the delivery commands of the spawn protocol; see
   spawncmd.h. */
#include "byte.h"
#include "spawncmd.h"

int spawncmd_feed(struct spawncmd *c, const char *buf, size_t len, size_t *used)
{
  size_t i;
  stralloc *f;
  for (i = 0; i < len; ++i) {
    if (c->stage == 0) {
      c->slot = (unsigned char)buf[i];
      c->stage = 1;
      c->flagtoolong = 0;
      c->field[0].len = c->field[1].len = c->field[2].len = 0;
      continue;
    }
    f = &c->field[c->stage - 1];
    if (buf[i]) {
      if (f->len >= SPAWN_FIELDMAX) c->flagtoolong = 1;
      else if (!stralloc_append(f, buf[i])) c->flagtoolong = 2;
      continue;
    }
    if (++c->stage < 4) continue;
    c->stage = 0;
    *used = i + 1;
    return 1;
  }
  *used = len;
  return 0;
}

const char *spawncmd_overflow(const struct spawncmd *c)
{
  if (c->flagtoolong == 2) return "Zqmail-spawn out of memory. (#4.3.0)";
  if (c->flagtoolong) return "DSorry, address too long. (#5.1.3)";
  return 0;
}

const char *spawncmd_check(const struct spawncmd *c, size_t *at)
{
  const stralloc *m = &c->field[0], *r = &c->field[2];
  size_t i;
  if (m->len == 0) return "DInternal error: messid too short. (#5.3.5)";
  if (m->len > SPAWN_MESSIDMAX) return "DInternal error: messid too long. (#5.3.5)";
  for (i = 0; i < m->len; ++i)
    if ((m->s[i] < '0' || m->s[i] > '9') && (m->s[i] != '/' || i == 0))
      return "DInternal error: messid has nonnumerics. (#5.3.5)";
  *at = byte_rchr(r->s, r->len, '@');
  if (*at == r->len) return "DSorry, address must include host name. (#5.1.3)";
  return 0;
}

void spawncmd_free(struct spawncmd *c)
{
  int i;
  for (i = 0; i < 3; ++i) stralloc_free(&c->field[i]);
}
