/* open.c: open(2) with the flags each use needs; EINTR retried. */
#include <errno.h>
#include <fcntl.h>
#include "open.h"

static int xopen(const char *fn, int flags, int mode)
{
  int fd;
  do fd = open(fn, flags, mode); while (fd == -1 && errno == EINTR);
  return fd;
}

int open_read(const char *fn) { return xopen(fn, O_RDONLY | O_NONBLOCK, 0); }
int open_write(const char *fn) { return xopen(fn, O_WRONLY | O_NONBLOCK, 0); }
int open_append(const char *fn) { return xopen(fn, O_WRONLY | O_NONBLOCK | O_APPEND | O_CREAT, 0600); }
int open_trunc(const char *fn) { return xopen(fn, O_WRONLY | O_NONBLOCK | O_TRUNC | O_CREAT, 0644); }
int open_excl(const char *fn, int mode) { return xopen(fn, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode); }
int open_readwrite(const char *fn) { return xopen(fn, O_RDWR | O_NONBLOCK, 0); }
int open_nofollow_read(const char *fn) { return xopen(fn, O_RDONLY | O_NONBLOCK | O_NOFOLLOW, 0); }
int open_dir(const char *fn) { return xopen(fn, O_RDONLY | O_DIRECTORY, 0); }
