/* netio.c: timeoutread/timeoutwrite bounded by the session deadline. */
#include <errno.h>
#include "netio.h"
#include "timeoutio.h"

long netio_timeout = 1200;
time_t netio_deadline = 0;
buffer *netio_out = 0;

void netio_init(long timeout, unsigned long session)
{
  netio_timeout = timeout <= 0 ? 1 : timeout;
  netio_deadline = time(0) + (time_t)session;
}

static long allowed(void)
{
  time_t now = time(0);
  long t = netio_timeout;
  if (now >= netio_deadline) return 0;
  if (netio_deadline - now < t) t = (long)(netio_deadline - now);
  return t;
}

static ssize_t finish(ssize_t r)
{
  if (r == -1 && errno == ETIMEDOUT && time(0) >= netio_deadline) errno = ETIME;
  return r;
}

ssize_t netio_read(int fd, char *buf, size_t len)
{
  long t;
  if (netio_out && buffer_flush(netio_out) == -1) return -1;
  t = allowed();
  if (!t) { errno = ETIME; return -1; }
  return finish(timeoutread(t, fd, buf, len));
}

/* a write waits netio_timeout even past the deadline, so the reply that
   announces the deadline still goes out */
ssize_t netio_write(int fd, char *buf, size_t len)
{
  return timeoutwrite(netio_timeout, fd, buf, len);
}
