/* timeoutio.c: poll until the descriptor is ready or the deadline (per
   call) passes, then one transfer that cannot block: sockets are read and
   written with MSG_DONTWAIT (a blocking write to a socket otherwise waits
   until all len bytes fit in the peer's window, past any deadline); for
   other descriptors a write is capped at PIPE_BUF, for which a pipe that
   polls writable has room.  A readiness that vanished is waited for again. */
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "timeoutio.h"

static long long now_ms(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* 0 when fd is ready, -1 with errno (ETIMEDOUT) */
static int waitfor(long long deadline, int fd, short ev)
{
  struct pollfd p;
  int r;
  for (;;) {
    long long left = deadline - now_ms();
    if (left <= 0) { errno = ETIMEDOUT; return -1; }
    p.fd = fd; p.events = ev; p.revents = 0;
    r = poll(&p, 1, left > 2000000000 ? 2000000000 : (int)left);
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    if (r == 0) { errno = ETIMEDOUT; return -1; }
    return 0;
  }
}

static long long deadline_of(long t)
{
  if (t <= 0) t = 1;
  if (t > 1000000000L) t = 1000000000L;
  return now_ms() + (long long)t * 1000;
}

ssize_t timeoutread(long t, int fd, char *buf, size_t len)
{
  long long deadline = deadline_of(t);
  ssize_t r;
  for (;;) {
    if (waitfor(deadline, fd, POLLIN) == -1) return -1;
    r = recv(fd, buf, len, MSG_DONTWAIT);
    if (r == -1 && errno == ENOTSOCK) r = read(fd, buf, len);
    if (r >= 0) return r;
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return -1;
  }
}

ssize_t timeoutwrite(long t, int fd, const char *buf, size_t len)
{
  long long deadline = deadline_of(t);
  ssize_t r;
  for (;;) {
    if (waitfor(deadline, fd, POLLOUT) == -1) return -1;
    r = send(fd, buf, len, MSG_DONTWAIT);
    if (r == -1 && errno == ENOTSOCK) r = write(fd, buf, len > PIPE_BUF ? PIPE_BUF : len);
    if (r >= 0) return r;
    if (errno != EINTR && errno != EAGAIN && errno != EWOULDBLOCK) return -1;
  }
}
