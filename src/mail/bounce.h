/* bounce: qmail-send's failure notices in QSBMF (qmail-send(8), reference
   5.8).  bounce_para appends to out the paragraph bounce/N gets for one
   failed recipient: "<recip>:\n" + text (empty lines become "/", a final
   newline is added when missing) + "\n"; newlines in recip become '_'.
   Returns 1, or 0 with errno.
   bounce_kind tells from the original envelope sender what to send:
   BOUNCE_SINGLE (to the sender, or to pre@host for a VERP sender
   pre@host-@[]), BOUNCE_DOUBLE (the message was a bounce: from #@[] to
   doublebounceto@doublebouncehost) or BOUNCE_NONE (it was a double bounce).
   bounce_inject queues the notice through qmail_open (so QMAILQUEUE
   applies) with the paragraphs read from fdbounce and the original
   message from fdmess (at most maxbytes of it when maxbytes > 0).  It
   returns "" when queued, qmail_close's D/Z text when qmail-queue refused,
   or 0 with errno when it could not start qmail-queue or read a file;
   *qp is the qmail-queue pid.
   Crash safety of bounce/N: bounce_append appends a paragraph to fn and
   fsyncs it (and its directory when the file is new), cutting the file
   back on failure: 1, or 0 with errno.  bounce_seenload collects the
   first lines of the paragraphs already in fn (none if fn is missing) into
   seen: 1, or 0 with errno.  bounce_seen says whether the first line of
   para is among them, so a paragraph written before a crash is not
   written twice. */
#ifndef BOUNCE_H
#define BOUNCE_H
#include <stddef.h>
#include <time.h>
#include "stralloc.h"

#define BOUNCE_NONE 0
#define BOUNCE_SINGLE 1
#define BOUNCE_DOUBLE 2

struct bounce_msg {
  const char *sender;           /* the original envelope sender */
  const char *bouncefrom, *bouncehost, *dbto, *dbhost;
  unsigned long maxbytes;       /* 0: the whole message */
  time_t now;
  int fdbounce, fdmess;
};

extern int bounce_para(stralloc *out, const char *recip, size_t rlen, const char *text, size_t tlen);
extern int bounce_kind(const char *sender);
extern const char *bounce_inject(const struct bounce_msg *bm, unsigned long *qp);
extern int bounce_append(const char *fn, const stralloc *para);
extern int bounce_seenload(stralloc *seen, const char *fn);
extern int bounce_seen(const stralloc *seen, const stralloc *para);
#endif
