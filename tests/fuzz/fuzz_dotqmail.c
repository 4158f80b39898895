/* fuzz_dotqmail: qmail-local's reading of a .qmail file (the user's
   bytes).  The first input byte picks the forward-only flag; the rest is
   the file.  Every line dotqmail_line gives must lie inside the input,
   end before a '\n' or the end, have no trailing blank, and the lines
   must tile the input in order; every kind must agree with the line's
   first and last bytes; dotqmail_validate must equal a plain recount of
   its rules. */
#include <stdlib.h>
#include <string.h>
#include "dotqmail.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  const char *t, *line;
  size_t pos = 0, len, skip, start, end, i;
  int flagfo, fo, want = 0, first = 1, kind;
  if (!n) return 0;
  flagfo = data[0] & 1;
  t = (const char *)data + 1;
  --n;
  fo = flagfo;
  while (start = pos, dotqmail_line(t, n, &pos, &line, &len)) {
    /* the line is t[start..end) with its trailing blanks cut, end at a '\n' or n */
    if (line != t + start || start >= n || pos <= start || pos - 1 > n) abort();
    end = pos - 1;
    if (len > end - start || (end < n && t[end] != '\n') || memchr(line, '\n', end - start)) abort();
    for (i = start + len; i < end; ++i) if (t[i] != ' ' && t[i] != '\t') abort();
    if (len && (line[len - 1] == ' ' || line[len - 1] == '\t')) abort();
    if (!want && first && !len) want = DOTQMAIL_BLANK;
    first = 0;
    if (!len) continue;
    kind = dotqmail_kind(line, len, &skip);
    if (skip > len) abort();
    switch (line[0]) {
      case '#': case '+': if (kind != DOTQMAIL_COMMENT || skip) abort(); break;
      case '|': if (kind != DOTQMAIL_PROGRAM || skip != 1) abort(); break;
      case '/': case '.':
        if (kind != (line[len - 1] == '/' ? DOTQMAIL_MAILDIR : DOTQMAIL_MBOX) || skip) abort();
        break;
      default: if (kind != DOTQMAIL_FORWARD || skip != (line[0] == '&')) abort();
    }
    if (want) continue;
    if (len == 5 && !memcmp(line, "+list", 5)) fo = 1;
    else if (kind == DOTQMAIL_PROGRAM && fo) want = DOTQMAIL_XPROG;
    else if ((kind == DOTQMAIL_MBOX || kind == DOTQMAIL_MAILDIR) && fo) want = DOTQMAIL_XFILE;
    else if (kind == DOTQMAIL_FORWARD && len == 1 && line[0] == '&') want = DOTQMAIL_EMPTYFWD;
  }
  if (pos < n) abort();
  if (dotqmail_validate(t, n, flagfo) != want) abort();
  return 0;
}
