/* lock.c: flock(2) wrappers. */
#include <errno.h>
#include <sys/file.h>
#include "lock.h"

int lock_ex(int fd)
{
  int r;
  do r = flock(fd, LOCK_EX); while (r == -1 && errno == EINTR);
  return r;
}
int lock_exnb(int fd) { return flock(fd, LOCK_EX | LOCK_NB); }
int lock_un(int fd) { return flock(fd, LOCK_UN); }
