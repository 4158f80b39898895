/* spawncmd: qmail-lspawn's and qmail-rspawn's reader of the delivery
   commands qmail-send writes (reference 5.2): slot byte, message path
   "S/N" NUL, sender NUL, recipient NUL.
   spawncmd_feed(c, buf, len, used) takes bytes of the command stream:
   it returns 1 when a command is complete (*used bytes taken, at least
   1), 0 when all len bytes were taken without completing one.  A field
   keeps at most SPAWN_FIELDMAX bytes (never a NUL); the bytes past the
   cap are dropped and the command marked too long.  Start from
   SPAWNCMD_ZERO; after a complete command, slot and field[] (messid,
   sender, recipient) hold it until the next byte is fed.
   spawncmd_overflow(c): the report (status letter, text) for a complete
   command whose field went over the cap ("D...") or could not be stored
   ("Z..."), or 0.
   spawncmd_check(c, at): the report refusing a bad message path (empty,
   over SPAWN_MESSIDMAX, anything but digits and '/' after the first
   byte) or a recipient without '@', or 0 with *at the index of the
   recipient's last '@'.
   spawncmd_free(c) releases the fields. */
#ifndef SPAWNCMD_H
#define SPAWNCMD_H
#include <stddef.h>
#include "stralloc.h"

#define SPAWN_FIELDMAX 65536 /* longest sender or recipient accepted */
#define SPAWN_MESSIDMAX 100  /* longest message path accepted */

struct spawncmd {
  int stage;        /* 0 slot byte, 1 messid, 2 sender, 3 recipient */
  int flagtoolong;  /* 1 over the cap, 2 out of memory */
  unsigned char slot;
  stralloc field[3];
};
#define SPAWNCMD_ZERO { 0, 0, 0, { STRALLOC_ZERO, STRALLOC_ZERO, STRALLOC_ZERO } }

extern int spawncmd_feed(struct spawncmd *c, const char *buf, size_t len, size_t *used);
extern const char *spawncmd_overflow(const struct spawncmd *c);
extern const char *spawncmd_check(const struct spawncmd *c, size_t *at);
extern void spawncmd_free(struct spawncmd *c);
#endif
