/* rcvlimits: the size and time caps shared by qmail-smtpd, qmail-qmtpd and
   qmail-qmqpd.  rcvlimits_databytes reads control/databytes, which the
   DATABYTES variable overrides; 0 or unset gives def (quail's finite
   default; qmail had "no limit").  1, or -1 on a read error.
   rcvlimits_session gives SESSIONTIMEOUT when it is 1..604800, else def. */
#ifndef RCVLIMITS_H
#define RCVLIMITS_H
extern int rcvlimits_databytes(unsigned long *databytes, unsigned long def);
extern unsigned long rcvlimits_session(unsigned long def);
#endif
