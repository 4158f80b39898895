/* smtpcmd.c: qmail-smtpd's command lines (smtpcmd.h). */
#include <errno.h>
#include "byte.h"
#include "case.h"
#include "getln.h"
#include "smtpcmd.h"
#include "str.h"

int smtpcmd_get(buffer *in, stralloc *line, size_t max)
{
  int match;
  if (getln_max(in, line, &match, '\n', max) == -1) return -1;
  return match;
}

int smtpcmd_skip(buffer *in, stralloc *line, size_t max)
{
  int match;
  for (;;) {
    if (getln_max(in, line, &match, '\n', max) == -1) {
      if (errno == E2BIG) continue;
      return -1;
    }
    return match;
  }
}

void smtpcmd_split(struct smtpcmd *c, char *s, size_t len)
{
  size_t i, vlen;
  if (len && s[len - 1] == '\n') --len;
  if (len && s[len - 1] == '\r') --len;
  for (i = 0; i < len; ++i) if (!s[i]) s[i] = '\n';
  vlen = byte_chr(s, len, ' ');
  i = vlen;
  while (i < len && s[i] == ' ') ++i;
  c->verb = s; c->verblen = vlen;
  c->arg = s + i; c->arglen = len - i;
}

int smtpcmd_is(const struct smtpcmd *c, const char *verb)
{
  return str_len(verb) == c->verblen && !case_diffb(c->verb, c->verblen, verb);
}
