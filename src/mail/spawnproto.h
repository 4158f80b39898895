/* spawnproto: qmail-send's side of the spawn protocol (qmail-lspawn(8),
   reference 5.2).  spawnproto_cmd appends one delivery command to out:
   slot byte, message path "S/N" NUL, sender NUL, recipient NUL (sender
   and recipient given with their lengths, NULs added here): 1, or 0 with
   errno (out unchanged).
   A report is slot byte, status byte (K, Z or D), text, NUL.
   spawnproto_feed takes bytes of the report stream: it returns 1 when a
   report is complete (slot, status and text are set; text keeps at most
   SPAWNPROTO_TEXTMAX bytes), 0 when all len bytes were taken without
   completing one; *used says how many bytes it took.  Start from
   SPAWNPROTO_REP_ZERO. */
#ifndef SPAWNPROTO_H
#define SPAWNPROTO_H
#include <stddef.h>
#include "stralloc.h"

#define SPAWNPROTO_TEXTMAX 10000

struct spawnproto_rep {
  int state;
  unsigned char slot, status;
  stralloc text;
};
#define SPAWNPROTO_REP_ZERO { 0, 0, 0, STRALLOC_ZERO }

extern int spawnproto_cmd(stralloc *out, unsigned char slot, const char *path,
                          const char *sender, size_t slen, const char *recip, size_t rlen);
extern int spawnproto_feed(struct spawnproto_rep *r, const char *buf, size_t len, size_t *used);
#endif
