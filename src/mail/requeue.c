/* requeue.c: copy fd into qmail-queue; a read error aborts the queueing
   (qmail-queue sees no envelope end and keeps nothing). */
#include <errno.h>
#include <unistd.h>
#include "qmail.h"
#include "requeue.h"

int requeue_fd(const char **qqx, unsigned long *qp, int fd, const char *head,
               const char *sender, char *const *rcpts)
{
  struct qmail qq;
  char buf[8192];
  ssize_t r;
  int e;

  if (qmail_open(&qq) == -1) return 0;
  *qp = qmail_qp(&qq);
  qmail_puts(&qq, head);
  for (;;) {
    r = read(fd, buf, sizeof buf);
    if (r == 0) break;
    if (r == -1) {
      if (errno == EINTR) continue;
      e = errno;
      qmail_fail(&qq);
      qmail_close(&qq);
      errno = e;
      return 0;
    }
    qmail_put(&qq, buf, (size_t)r);
  }
  qmail_from(&qq, sender);
  for (; *rcpts; ++rcpts) qmail_to(&qq, *rcpts);
  *qqx = qmail_close(&qq);
  return 1;
}
