/* t_timeoutio: a pipe that never becomes readable gives ETIMEDOUT after
   the timeout (1 s; alarm(10) turns a hang into a failure), data and EOF
   pass, a full pipe times out writing, a write larger than the room in a
   socket's buffer returns a partial count or ETIMEDOUT instead of blocking
   until the peer reads, and a closed peer gives EPIPE. */
#include <errno.h>
#include <signal.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "timeoutio.h"
#include "t.h"

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(void)
{
  int pi[2], sv[2];
  char buf[100];
  static char big[1 << 20];
  double t0, dt;
  ssize_t r;

  alarm(20); /* a hang is a failure (SIGALRM kills the test) */
  signal(SIGPIPE, SIG_IGN);

  t_name = "read times out";
  CHECK(pipe(pi) == 0);
  t0 = now();
  errno = 0;
  CHECK(timeoutread(1, pi[0], buf, sizeof buf) == -1 && errno == ETIMEDOUT);
  dt = now() - t0;
  CHECK(dt >= 0.9); /* no early return; the upper bound is the alarm */

  t_name = "read data and EOF";
  CHECK(write(pi[1], "hi", 2) == 2);
  CHECK(timeoutread(1, pi[0], buf, sizeof buf) == 2 && !memcmp(buf, "hi", 2));
  close(pi[1]);
  CHECK(timeoutread(1, pi[0], buf, sizeof buf) == 0);
  close(pi[0]);

  t_name = "write to a full pipe times out";
  CHECK(pipe(pi) == 0);
  {
    long total = 0;
    while ((r = timeoutwrite(1, pi[1], big, sizeof big)) > 0) total += r;
    CHECK(r == -1 && errno == ETIMEDOUT);
    CHECK(total >= 4096);
  }
  close(pi[0]);
  errno = 0;
  CHECK(timeoutwrite(1, pi[1], "x", 1) == -1 && errno == EPIPE);
  close(pi[1]);

  t_name = "socket write never blocks past the deadline";
  CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
  {
    int small = 4096;
    long total = 0;
    setsockopt(sv[0], SOL_SOCKET, SO_SNDBUF, &small, sizeof small);
    setsockopt(sv[1], SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
    /* 1 MiB never fits: each call returns what fit, then ETIMEDOUT */
    while ((r = timeoutwrite(1, sv[0], big, sizeof big)) > 0) total += r;
    CHECK(r == -1 && errno == ETIMEDOUT);
    CHECK(total > 0 && total < (long)sizeof big);
    r = timeoutread(1, sv[1], buf, sizeof buf);
    CHECK(r > 0);
  }
  t_name = "socket read times out, then EOF";
  {
    int drained = 0;
    while ((r = timeoutread(1, sv[1], big, sizeof big)) > 0) ++drained;
    CHECK(r == -1 && errno == ETIMEDOUT && drained > 0);
    close(sv[0]);
    CHECK(timeoutread(1, sv[1], buf, sizeof buf) == 0);
  }
  close(sv[1]);

  t_name = "bad descriptor";
  CHECK(timeoutread(1, 999, buf, 1) == -1);
  return t_done();
}
