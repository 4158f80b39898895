/* fuzz_spawnproto: qmail-send's reader of the spawn reports (slot byte,
   status byte, text, NUL) from qmail-lspawn/qmail-rspawn, fed in chunks
   whose seams fall anywhere.  The input is a list of reports "slot status
   text" separated by NULs (status K, Z or D); they are written out in the
   protocol, read back and must come out equal (text cut at
   SPAWNPROTO_TEXTMAX); the raw input, read as a report stream, must also
   be taken whole without a report text over the cap.  Also checks that
   spawnproto_cmd writes exactly slot, path, NUL, sender, NUL, recipient,
   NUL. */
#include <stdlib.h>
#include <string.h>
#include "byte.h"
#include "fuzz.h"
#include "spawnproto.h"

static int feedall(struct spawnproto_rep *r, const char *s, size_t n, size_t step,
                   void (*got)(struct spawnproto_rep *, void *), void *arg)
{
  size_t i = 0, used, k;
  int reps = 0;
  while (i < n) {
    k = n - i < step ? n - i : step;
    while (k) {
      int done = spawnproto_feed(r, s + i, k, &used);
      if (used > k || (!done && used != k) || (done && !used)) abort();
      if (r->text.len > SPAWNPROTO_TEXTMAX) abort();
      i += used; k -= used;
      if (done) { ++reps; if (got) got(r, arg); }
    }
  }
  return reps;
}

struct want { const uint8_t *d; size_t n, pos; int seen; };

static void check(struct spawnproto_rep *r, void *arg)
{
  struct want *w = arg;
  size_t z, tl;
  /* the next expected report starts at w->pos: slot, status, text up to NUL */
  z = w->pos + 2 + byte_chr((const char *)w->d + w->pos + 2, w->n - w->pos - 2, 0);
  tl = z - w->pos - 2;
  if (r->slot != w->d[w->pos] || r->status != w->d[w->pos + 1]) abort();
  if (r->text.len != (tl > SPAWNPROTO_TEXTMAX ? SPAWNPROTO_TEXTMAX : tl)) abort();
  if (r->text.len && memcmp(r->text.s, w->d + w->pos + 2, r->text.len)) abort();
  w->pos = z + 1;
  ++w->seen;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  struct spawnproto_rep r = SPAWNPROTO_REP_ZERO;
  stralloc wire = STRALLOC_ZERO, cmd = STRALLOC_ZERO;
  struct want w;
  size_t i, z, step;
  int expect = 0;
  if (!n) return 0;
  step = 1 + data[0] % 13;
  /* the raw stream */
  feedall(&r, (const char *)data + 1, n - 1, step, 0, 0);
  /* reports built from the input, each with a NUL-free text */
  for (i = 1; i + 2 <= n; i = z + 1) {
    z = i + 2 + byte_chr((const char *)data + i + 2, n - i - 2, 0);
    if (z >= n) break;
    if (!stralloc_append(&wire, (char)data[i])) abort();
    if (!stralloc_append(&wire, "KZD"[data[i + 1] % 3])) abort();
    if (!stralloc_catb(&wire, (const char *)data + i + 2, z - i - 2) || !stralloc_append(&wire, 0)) abort();
    ++expect;
  }
  if (expect) {
    struct spawnproto_rep r2 = SPAWNPROTO_REP_ZERO;
    w.d = (const uint8_t *)wire.s; w.n = wire.len; w.pos = 0; w.seen = 0;
    if (feedall(&r2, wire.s, wire.len, step, check, &w) != expect || w.seen != expect) abort();
    if (r2.state != 0) abort();
    stralloc_free(&r2.text);
  }
  /* a delivery command */
  z = byte_chr((const char *)data, n, 0);
  if (spawnproto_cmd(&cmd, data[0], "3/12345", (const char *)data, z, (const char *)data, n) == 1) {
    if (cmd.len != 1 + 8 + z + 1 + n + 1 || (unsigned char)cmd.s[0] != data[0]) abort();
    if (memcmp(cmd.s + 1, "3/12345", 8) || memcmp(cmd.s + 9, data, z) || cmd.s[9 + z]) abort();
    if (memcmp(cmd.s + 10 + z, data, n) || cmd.s[cmd.len - 1]) abort();
  }
  stralloc_free(&r.text); stralloc_free(&wire); stralloc_free(&cmd);
  return 0;
}
