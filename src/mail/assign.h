/* assign: one line of users/assign (reference 7.2), without its LF:
     =local:user:uid:gid:home:dash:ext:   (an exact address)
     +prefix:user:uid:gid:home:dash:ext:  (every address starting so)
   assign_parse(a, line, len) returns 1 and fills a, or 0 for a bad
   format: shorter than 2 bytes, a first byte other than = or +, a NUL
   anywhere, no ':' after the local part, or fewer than six ':'-ended
   fields after it.  Bytes after the sixth field's ':' are ignored.
   a's pointers point into line (no allocation); the local part and the
   fields never contain ':' or NUL, and the fields may be empty.
   So the line starts with exactly
     kind local ':' field[0] ':' ... field[5] ':'
   and that prefix is assign_len(a) bytes long. */
#ifndef ASSIGN_H
#define ASSIGN_H
#include <stddef.h>

#define ASSIGN_FIELDS 6

struct assign {
  char kind;                            /* '=' or '+' */
  const char *local;                    /* the address or the prefix */
  size_t locallen;
  const char *field[ASSIGN_FIELDS];     /* user uid gid home dash ext */
  size_t fieldlen[ASSIGN_FIELDS];
};

extern int assign_parse(struct assign *a, const char *line, size_t len);
extern size_t assign_len(const struct assign *a);
#endif
