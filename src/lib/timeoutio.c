/* timeoutio.c: poll, then one read or write.  The deadline is per call. */
#include <errno.h>
#include <poll.h>
#include <unistd.h>
#include "timeoutio.h"

static int waitfor(long t, int fd, short ev)
{
  struct pollfd p;
  int r, ms = t <= 0 ? 1000 : (t > 2000000 ? 2000000000 : (int)(t * 1000));
  p.fd = fd; p.events = ev; p.revents = 0;
  do r = poll(&p, 1, ms); while (r == -1 && errno == EINTR);
  if (r == -1) return -1;
  if (r == 0) { errno = ETIMEDOUT; return -1; }
  return 0;
}

ssize_t timeoutread(long t, int fd, char *buf, size_t len)
{
  ssize_t r;
  if (waitfor(t, fd, POLLIN) == -1) return -1;
  do r = read(fd, buf, len); while (r == -1 && errno == EINTR);
  return r;
}

ssize_t timeoutwrite(long t, int fd, const char *buf, size_t len)
{
  ssize_t r;
  if (waitfor(t, fd, POLLOUT) == -1) return -1;
  do r = write(fd, buf, len); while (r == -1 && errno == EINTR);
  return r;
}
