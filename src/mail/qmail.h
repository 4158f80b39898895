/* qmail: hand one message to qmail-queue (or to $QMAILQUEUE, as netqmail
   does) the way every quail program that queues must.
   qmail_open returns 0, or -1 with errno; qq->pid is the "qp".
   qmail_put/puts/from/to never fail at once: a write error is remembered
   and reported by qmail_close.  Callers ignore SIGPIPE: qmail-queue may
   exit before reading everything.  A set-id caller's $QMAILQUEUE is
   ignored.
   qmail_close returns "" when the message was queued, otherwise a string
   whose first byte is 'D' (permanent) or 'Z' (temporary), followed by text
   that ends in an enhanced status code, as in qmail-queue(8). */
#ifndef QMAIL_H
#define QMAIL_H
#include <sys/types.h>
#include "buffer.h"

struct qmail {
  int flagerr;
  pid_t pid;
  int fdm;  /* message pipe */
  int fde;  /* envelope pipe */
  buffer ss;
  char buf[8192];
};

extern int qmail_open(struct qmail *qq);
extern void qmail_put(struct qmail *qq, const char *s, size_t len);
extern void qmail_puts(struct qmail *qq, const char *s);
extern void qmail_from(struct qmail *qq, const char *s);
extern void qmail_to(struct qmail *qq, const char *s);
extern void qmail_fail(struct qmail *qq);
extern const char *qmail_close(struct qmail *qq);
extern unsigned long qmail_qp(struct qmail *qq);
#endif
