/* pop3cmd.c: one POP3 command line, split into verb and argument. */
#include <errno.h>
#include "byte.h"
#include "getln.h"
#include "pop3cmd.h"

int pop3cmd_get(buffer *in, stralloc *line, size_t max, char **arg)
{
  size_t len, i;
  int match;
  if (getln_max(in, line, &match, '\n', max) == -1) return -1;
  if (!match) return 0;
  len = line->len - 1;
  if (len && line->s[len - 1] == '\r') --len;
  if (byte_chr(line->s, len, 0) < len) { errno = EINVAL; return -1; }
  line->len = len;
  if (!stralloc_0(line)) return -1;
  i = byte_chr(line->s, len, ' ');
  if (i < len) line->s[i++] = 0;
  while (i < len && line->s[i] == ' ') ++i;
  *arg = line->s + i;
  return 1;
}
