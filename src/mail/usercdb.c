/* usercdb.c: the users/cdb lookup; keys are at most one byte longer than
   the local part plus "!", so their size is checked once. */
#include <errno.h>
#include <stdint.h>
#include "byte.h"
#include "case.h"
#include "usercdb.h"

static int getdata(struct cdb *c, stralloc *out)
{
  uint32_t dlen = cdb_datalen(c);
  size_t i, n = 0;
  if (!stralloc_ready(out, (size_t)dlen + 1)) return -1;
  if (cdb_read(c, out->s, dlen, cdb_datapos(c)) == -1) return -1;
  out->len = dlen;
  if (!stralloc_0(out)) return -1;
  for (i = 0; i < out->len; ++i) if (!out->s[i]) ++n;
  if (n != 6) { errno = EPROTO; return -1; }
  return 1;
}

int usercdb_find(struct cdb *c, const char *local, size_t len, stralloc *out)
{
  stralloc key = STRALLOC_ZERO, wild = STRALLOC_ZERO;
  size_t i;
  int r;

  r = cdb_find(c, "", 0);
  if (r == 0) { errno = EPROTO; r = -1; }
  if (r == -1) goto done;
  r = -1;
  if (!stralloc_ready(&wild, cdb_datalen(c))) goto done;
  if (cdb_read(c, wild.s, cdb_datalen(c), cdb_datapos(c)) == -1) goto done;
  wild.len = cdb_datalen(c);
  if (!stralloc_copys(&key, "!") || !stralloc_catb(&key, local, len) || !stralloc_0(&key)) goto done;
  case_lowerb(key.s, key.len);
  r = cdb_find(c, key.s, key.len);
  if (r == 1) r = getdata(c, out);
  if (r) goto done;
  for (i = len + 1; i-- > 0;) {
    if (i > 0 && byte_chr(wild.s, wild.len, key.s[i]) == wild.len) continue;
    r = cdb_find(c, key.s, i + 1);
    if (r == -1) goto done;
    if (r == 0) continue;
    r = getdata(c, out);
    if (r != 1) goto done;
    --out->len; /* the ext field's NUL: append the rest of local */
    if (!stralloc_catb(out, local + i, len - i) || !stralloc_0(out)) r = -1;
    goto done;
  }
  r = 0;
done:
  stralloc_free(&key);
  stralloc_free(&wild);
  return r;
}
