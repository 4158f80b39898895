/* qrec.c: the caller fills q->fn (fmtqfn) before qrec_create. */
#include <unistd.h>
#include "open.h"
#include "qrec.h"
#include "syncdir.h"

int qrec_create(struct qrec *q, int mode)
{
  q->fd = open_excl(q->fn, mode);
  if (q->fd == -1) return 0;
  buffer_init(&q->b, buffer_unixwrite, q->fd, q->buf, sizeof q->buf);
  return 1;
}

int qrec_put(struct qrec *q, char type, const char *s, size_t len)
{
  return buffer_put(&q->b, &type, 1) == 0 && buffer_put(&q->b, s, len) == 0
    && buffer_put(&q->b, "", 1) == 0;
}

int qrec_sync(struct qrec *q)
{
  return buffer_flush(&q->b) == 0 && fsync_fd(q->fd) == 0;
}

void qrec_close(struct qrec *q)
{
  if (q->fd != -1) close(q->fd);
  q->fd = -1;
}
