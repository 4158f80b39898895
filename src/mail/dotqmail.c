/* dotqmail.c: splitting and classifying the lines of a .qmail file; see
   dotqmail.h. */
#include "byte.h"
#include "dotqmail.h"

int dotqmail_line(const char *text, size_t n, size_t *pos, const char **line, size_t *len)
{
  size_t k;
  if (*pos >= n) return 0;
  k = byte_chr(text + *pos, n - *pos, '\n');
  *line = text + *pos;
  *pos += k + 1;
  while (k && ((*line)[k - 1] == ' ' || (*line)[k - 1] == '\t')) --k;
  *len = k;
  return 1;
}

int dotqmail_kind(const char *s, size_t len, size_t *skip)
{
  *skip = 0;
  if (s[0] == '#' || s[0] == '+') return DOTQMAIL_COMMENT;
  if (s[0] == '|') { *skip = 1; return DOTQMAIL_PROGRAM; }
  if (s[0] == '/' || s[0] == '.') return s[len - 1] == '/' ? DOTQMAIL_MAILDIR : DOTQMAIL_MBOX;
  if (s[0] == '&') *skip = 1;
  return DOTQMAIL_FORWARD;
}

int dotqmail_validate(const char *text, size_t n, int flagfo)
{
  size_t pos = 0, len, skip;
  const char *s;
  int first = 1;
  while (dotqmail_line(text, n, &pos, &s, &len)) {
    if (first && !len) return DOTQMAIL_BLANK;
    first = 0;
    if (!len) continue;
    switch (dotqmail_kind(s, len, &skip)) {
      case DOTQMAIL_COMMENT: if (len == 5 && byte_equal(s, 5, "+list")) flagfo = 1; break;
      case DOTQMAIL_PROGRAM: if (flagfo) return DOTQMAIL_XPROG; break;
      case DOTQMAIL_MBOX: case DOTQMAIL_MAILDIR: if (flagfo) return DOTQMAIL_XFILE; break;
      default: if (len == skip) return DOTQMAIL_EMPTYFWD;
    }
  }
  return 0;
}
