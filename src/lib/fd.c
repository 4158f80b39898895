/* fd.c: dup2, close-on-exec and non-blocking flags. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "fd.h"

int fd_copy(int to, int from)
{
  int r;
  if (to == from) return 0;
  do r = dup2(from, to); while (r == -1 && errno == EINTR);
  return r == -1 ? -1 : 0;
}

int fd_move(int to, int from)
{
  if (to == from) return 0;
  if (fd_copy(to, from) == -1) return -1;
  close(from);
  return 0;
}

int coe(int fd) { return fcntl(fd, F_SETFD, FD_CLOEXEC) == -1 ? -1 : 0; }

int ndelay_on(int fd)
{
  int f = fcntl(fd, F_GETFL, 0);
  if (f == -1) return -1;
  return fcntl(fd, F_SETFL, f | O_NONBLOCK) == -1 ? -1 : 0;
}

int ndelay_off(int fd)
{
  int f = fcntl(fd, F_GETFL, 0);
  if (f == -1) return -1;
  return fcntl(fd, F_SETFL, f & ~O_NONBLOCK) == -1 ? -1 : 0;
}
