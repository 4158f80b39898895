/* syncdir.c: on Linux a file's fsync does not make its name durable; the
   directory must be fsynced too.  Paths here are bounded by PATH_MAX. */
#include <errno.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>
#include "open.h"
#include "syncdir.h"

int fsync_fd(int fd)
{
  int r;
  do r = fsync(fd); while (r == -1 && errno == EINTR);
  return r;
}

int syncdir_fsync(const char *dir)
{
  int fd = open_dir(dir), r, e;
  if (fd == -1) return -1;
  r = fsync_fd(fd);
  e = errno;
  close(fd);
  errno = e;
  return r;
}

int syncdir_parent(const char *path)
{
  char buf[PATH_MAX];
  const char *slash = strrchr(path, '/');
  size_t n;
  if (!slash) return syncdir_fsync(".");
  n = (size_t)(slash - path);
  if (n == 0) return syncdir_fsync("/");
  if (n >= sizeof buf) { errno = ENAMETOOLONG; return -1; }
  memcpy(buf, path, n);
  buf[n] = 0;
  return syncdir_fsync(buf);
}
