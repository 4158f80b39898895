/* received: the Received line that qmail-smtpd, qmail-qmtpd and
   qmail-qmqpd put on top of a message, in qmail's format:
     Received: from HOST (HELO helo) (info@ip)
       by LOCAL with PROTO; 26 Sep 1995 04:46:54 -0000
   "(HELO ...)" only when helo is given and differs (ignoring case) from
   HOST; "info@" only when info is given.  In every field a byte outside
   A-Z a-z 0-9 . @ % + / = : - [ ] becomes '?', so a client cannot add
   lines or fields.  A null host, ip or local prints as "unknown".
   received_fmt appends the line (ending in LF) to sa: 1, or 0 with errno.
   received_env fills r from TCPREMOTEIP, TCPREMOTEHOST, TCPREMOTEINFO and
   TCPLOCALHOST (else TCPLOCALIP), as tcpserver and tcp-env set them. */
#ifndef RECEIVED_H
#define RECEIVED_H
#include <time.h>
#include "stralloc.h"
struct received {
  const char *proto;   /* "SMTP", "QMTP", "QMQP" */
  const char *local;   /* TCPLOCALHOST, else TCPLOCALIP */
  const char *ip;      /* TCPREMOTEIP */
  const char *host;    /* TCPREMOTEHOST */
  const char *info;    /* TCPREMOTEINFO, or 0 */
  const char *helo;    /* HELO/EHLO argument, or 0 */
};
extern int received_fmt(stralloc *sa, const struct received *r, time_t when);
extern void received_env(struct received *r, const char *proto);
#endif
