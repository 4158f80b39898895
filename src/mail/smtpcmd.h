/* smtpcmd: reading and splitting qmail-smtpd's command lines.
   smtpcmd_get(in, line, max) reads one line of at most max bytes (LF
   included) into line: 1 a whole line, 0 EOF (a partial last line is
   dropped), -1 error with errno: E2BIG the line is longer than max (max
   bytes of it were consumed: the caller replies, then smtpcmd_skip), or
   the read or memory error.
   smtpcmd_skip(in, line, max) drops the rest of an overlong line, through
   its LF, reading at most max bytes at a time into line: 1 done, 0 EOF
   before the LF, -1 read or memory error.
   smtpcmd_split(c, s, len) splits the line s[0..len) in place: it strips
   the LF and a CR before it, turns each NUL into LF (so the line holds no
   NUL and an address with one is refused later as a control byte), and
   sets c->verb (up to the first space) and c->arg (after the spaces that
   follow the verb; possibly empty), both inside s, not NUL-terminated.
   smtpcmd_is(c, verb) is 1 when c's verb is verb ASCII case-insensitively
   (verb lowercase), else 0.
   SMTPCMD_MAX is qmail-smtpd's cap on a command line. */
#ifndef SMTPCMD_H
#define SMTPCMD_H
#include <stddef.h>
#include "buffer.h"
#include "stralloc.h"
#define SMTPCMD_MAX 4096
struct smtpcmd {
  const char *verb;
  size_t verblen;
  const char *arg;
  size_t arglen;
};
extern int smtpcmd_get(buffer *in, stralloc *line, size_t max);
extern int smtpcmd_skip(buffer *in, stralloc *line, size_t max);
extern void smtpcmd_split(struct smtpcmd *c, char *s, size_t len);
extern int smtpcmd_is(const struct smtpcmd *c, const char *verb);
#endif
