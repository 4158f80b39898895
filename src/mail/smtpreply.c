/* smtpreply.c: strict SMTP reply reader (smtpreply.h). */
#include <errno.h>
#include "getln.h"
#include "smtpreply.h"

static int keep(stralloc *text, const stralloc *line)
{
  size_t i;
  for (i = 0; i < line->len && text->len < SMTPREPLY_KEEP; ++i) {
    unsigned char c = (unsigned char)line->s[i];
    if (c < 32 || c >= 127) c = '?';
    if (!stralloc_append(text, (char)c)) return -1;
  }
  if (text->len < SMTPREPLY_KEEP && !stralloc_append(text, '\n')) return -1;
  return 0;
}

int smtpreply_get(buffer *b, stralloc *text)
{
  stralloc line = STRALLOC_ZERO;
  int match, code = -1, lines, r = 0;
  if (!stralloc_copys(text, "")) return -1;
  for (lines = 0; lines < SMTPREPLY_LINES; ++lines) {
    int c;
    if (getln_max(b, &line, &match, '\n', SMTPREPLY_LINEMAX) == -1) {
      r = errno == E2BIG ? 0 : -1;
      goto done;
    }
    if (!match) { errno = EPIPE; r = -1; goto done; }
    --line.len;
    if (line.len && line.s[line.len - 1] == '\r') --line.len;
    if (line.len < 3 || line.s[0] < '2' || line.s[0] > '5' || line.s[1] < '0' || line.s[1] > '9'
        || line.s[2] < '0' || line.s[2] > '9') { r = 0; goto done; }
    if (line.len > 3 && line.s[3] != ' ' && line.s[3] != '-') { r = 0; goto done; }
    c = (line.s[0] - '0') * 100 + (line.s[1] - '0') * 10 + (line.s[2] - '0');
    if (code != -1 && c != code) { r = 0; goto done; }
    code = c;
    if (keep(text, &line) == -1) { r = -1; goto done; }
    if (line.len <= 3 || line.s[3] == ' ') { r = code; goto done; }
  }
  r = 0;
done:
  { int e = errno; stralloc_free(&line); errno = e; }
  return r;
}
