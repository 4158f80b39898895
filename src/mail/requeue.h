/* requeue: queue a copy of a message that is being delivered, as forward,
   condredirect and qmail-local's forwards do.  requeue_fd writes head (a
   header line such as $DTLINE; may be empty) and then everything read
   from fd, with envelope sender sender, to each recipient of the
   null-terminated list rcpts, through qmail_open (so $QMAILQUEUE is
   honoured).  *qp is set to the qp as soon as qmail-queue has started.
   Returns 1 when qmail-queue ran: *qqx is then qmail_close's result
   ("" queued, else 'D' or 'Z' text); or 0 with errno when it could not be
   started or fd could not be read (nothing was queued then).  Callers
   ignore SIGPIPE. */
#ifndef REQUEUE_H
#define REQUEUE_H
extern int requeue_fd(const char **qqx, unsigned long *qp, int fd, const char *head,
                      const char *sender, char *const *rcpts);
#endif
