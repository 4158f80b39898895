/* spawnproto.c: the report parser is a three-state machine (slot, status,
   text); a text byte that does not fit is dropped, the NUL still ends it. */
#include "spawnproto.h"
#include "str.h"

int spawnproto_cmd(stralloc *out, unsigned char slot, const char *path,
                   const char *sender, size_t slen, const char *recip, size_t rlen)
{
  size_t old = out->len;
  if (stralloc_append(out, (char)slot) && stralloc_catb(out, path, str_len(path) + 1)
      && stralloc_catb(out, sender, slen) && stralloc_0(out)
      && stralloc_catb(out, recip, rlen) && stralloc_0(out)) return 1;
  out->len = old;
  return 0;
}

int spawnproto_feed(struct spawnproto_rep *r, const char *buf, size_t len, size_t *used)
{
  size_t i;
  for (i = 0; i < len; ++i) {
    unsigned char b = (unsigned char)buf[i];
    switch (r->state) {
      case 0: r->slot = b; r->state = 1; break;
      case 1:
        r->status = b; r->text.len = 0; r->state = 2;
        if (!b) { r->state = 0; *used = i + 1; return 1; }
        break;
      default:
        if (!b) { r->state = 0; *used = i + 1; return 1; }
        if (r->text.len < SPAWNPROTO_TEXTMAX) if (!stralloc_append(&r->text, (char)b)) { /* cut short */ }
    }
  }
  *used = len;
  return 0;
}
