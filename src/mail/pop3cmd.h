/* pop3cmd: read one POP3 command line (RFC 1939) from the client.
   pop3cmd_get(in, line, max, &arg) reads a line of at most max bytes, LF
   included; it strips the LF and a CR before it, ends the verb at the
   first space with a NUL and sets arg to what follows the spaces after it
   (NUL-terminated, possibly empty): line->s is then the verb.
   Returns 1 for a command, 0 at EOF (a partial last line is dropped), -1
   on error with errno: E2BIG the line is longer than max (max bytes were
   consumed), EINVAL it holds a NUL byte (the whole line was consumed),
   or the read or memory error. */
#ifndef POP3CMD_H
#define POP3CMD_H
#include <stddef.h>
#include "buffer.h"
#include "stralloc.h"
extern int pop3cmd_get(buffer *in, stralloc *line, size_t max, char **arg);
#endif
