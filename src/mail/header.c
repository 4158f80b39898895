/* header.c: the header reader behind qmail-inject; see header.h. */
#include <errno.h>
#include <stdint.h>
#include "alloc.h"
#include "getln.h"
#include "header.h"
#include "hfield.h"
#include "str.h"

static int addfield(struct header *h, size_t maxfields)
{
  if (h->nfields >= maxfields) { errno = E2BIG; return 0; }
  if (h->nfields + 1 >= h->aoff) {
    size_t na = h->aoff ? h->aoff * 2 : 64;
    if (na > SIZE_MAX / sizeof(size_t)) { errno = EOVERFLOW; return -1; }
    if (!h->off) { h->off = alloc(na * sizeof(size_t)); if (!h->off) return -1; }
    else if (!alloc_re(&h->off, h->aoff * sizeof(size_t), na * sizeof(size_t))) return -1;
    h->aoff = na;
  }
  h->off[h->nfields++] = h->text.len;
  return 1;
}

static int blankline(const stralloc *l)
{
  return (l->len == 1 && l->s[0] == '\n') || (l->len == 2 && l->s[0] == '\r' && l->s[1] == '\n');
}

int header_read(struct header *h, buffer *b, size_t maxbytes, size_t maxfields)
{
  stralloc line = STRALLOC_ZERO;
  int match, r = -1, first = 1;

  h->text.len = 0; h->nfields = 0; h->body.len = 0; h->end = HEADER_EOF;
  if (!stralloc_ready(&h->text, 0)) return -1;
  for (;;) {
    size_t room = maxbytes - h->text.len;
    if (getln_max(b, &line, &match, '\n', room + 1) == -1) {
      /* an overlong line may still be the first line of the body */
      if (errno != E2BIG) goto done;
      if ((line.s[0] == ' ' || line.s[0] == '\t') && h->nfields) { r = 0; goto done; }
      if (hfield_valid(line.s, line.len)) { errno = E2BIG; r = 0; goto done; }
      match = 0;
      if (!stralloc_copy(&h->body, &line)) goto done;
      h->end = HEADER_BODY;
      break;
    }
    if (!line.len) break;
    if (blankline(&line)) { h->end = HEADER_BLANK; break; }
    if (first && line.len >= 5 && str_start(line.s, "From ") && !hfield_valid(line.s, line.len)) {
      r = addfield(h, maxfields);
      if (r != 1) goto done;
      r = -1;
      if (!stralloc_cats(&h->text, "MBOX-Line: ")) goto done;
    } else if ((line.s[0] == ' ' || line.s[0] == '\t') && h->nfields) {
      /* continuation */
    } else if (hfield_valid(line.s, line.len)) {
      r = addfield(h, maxfields);
      if (r != 1) goto done;
      r = -1;
    } else {
      if (!stralloc_copy(&h->body, &line)) goto done;
      h->end = HEADER_BODY;
      break;
    }
    first = 0;
    if (line.len >= 2 && line.s[line.len - 2] == '\r' && line.s[line.len - 1] == '\n') {
      line.s[line.len - 2] = '\n';
      --line.len;
    }
    if (line.len > maxbytes - h->text.len) { errno = E2BIG; r = 0; goto done; }
    if (!stralloc_cat(&h->text, &line)) goto done;
    if (!match) { if (!stralloc_append(&h->text, '\n')) goto done; break; }
  }
  if (h->nfields) h->off[h->nfields] = h->text.len; /* addfield left room */
  r = 1;
done:
  stralloc_free(&line);
  return r;
}

void header_free(struct header *h)
{
  stralloc_free(&h->text);
  stralloc_free(&h->body);
  if (h->off) alloc_free(h->off);
  h->off = 0; h->nfields = h->aoff = 0;
}
