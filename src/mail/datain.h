/* datain: the body of an SMTP DATA command as a server reads it.
   datain_get reads b up to and including CR LF . CR LF (a "." line right
   at the start counts too) and nothing else: a line's leading dot is
   removed, CR LF becomes LF, a CR not followed by LF is kept.  The bytes
   go to d->put in pieces.  A LF without a CR before it (a bare LF) stops
   everything, so no LF . LF or CR LF . LF variant can end the data early
   (SMTP smuggling).  It counts the header lines (before the first empty
   line) whose first 8 or 9 bytes are "received" or "delivered" in any
   case into d->hops, and passes on at most d->max bytes: past that it sets
   d->toobig and keeps reading to the end.  d->bytes is what was passed on.
   datain_get returns 1 at the end of the data (b holds what follows it),
   0 for a bare LF (errno EPROTO; the rest stays unread), -1 on a read
   error or end of file (errno; EPIPE for end of file). */
#ifndef DATAIN_H
#define DATAIN_H
#include <stddef.h>
#include "buffer.h"
struct datain {
  unsigned long max, bytes, hops;
  int toobig;
  void (*put)(void *arg, const char *s, size_t len);
  void *arg;
  int state, inheader, maybe;   /* private */
  size_t pos, olen;
  char obuf[4096];
};
extern void datain_init(struct datain *d, unsigned long max, void (*put)(void *, const char *, size_t), void *arg);
extern int datain_get(struct datain *d, buffer *b);
#endif
