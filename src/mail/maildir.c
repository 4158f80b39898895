/* maildir.c: tmp/ then link into new/.  Every step works relative to
   descriptors opened with O_NOFOLLOW, so no symbolic link is followed
   after dir's own leading components. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>
#include "buffer.h"
#include "fmt.h"
#include "maildir.h"
#include "str.h"
#include "stralloc.h"
#include "syncdir.h"

/* a symbolic link gives ELOOP (Linux says ENOTDIR with O_DIRECTORY) */
static int opendirat(int at, const char *fn)
{
  struct stat st;
  int fd;
  do fd = openat(at, fn, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  while (fd == -1 && errno == EINTR);
  if (fd == -1 && errno == ENOTDIR)
    if (fstatat(at, fn, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(st.st_mode)) errno = ELOOP;
  return fd;
}

static int mkname(stralloc *sa, const char *host)
{
  struct timeval tv;
  char num[FMT_ULONG];
  const char *h;
  gettimeofday(&tv, 0);
  if (!stralloc_copyb(sa, num, fmt_ulong(num, (unsigned long)tv.tv_sec))) return 0;
  if (!stralloc_cats(sa, ".M")) return 0;
  if (!stralloc_catb(sa, num, fmt_ulong(num, (unsigned long)tv.tv_usec))) return 0;
  if (!stralloc_append(sa, 'P')) return 0;
  if (!stralloc_catb(sa, num, fmt_ulong(num, (unsigned long)getpid()))) return 0;
  if (!stralloc_append(sa, '.')) return 0;
  for (h = host; *h; ++h) {
    if (*h == '/') { if (!stralloc_cats(sa, "\\057")) return 0; }
    else if (*h == ':') { if (!stralloc_cats(sa, "\\072")) return 0; }
    else if (!stralloc_append(sa, *h)) return 0;
  }
  return stralloc_0(sa);
}

/* write hdr and in to fd: 0, or -1 with *step set */
static int fill(int fd, const char *hdr, size_t hdrlen, buffer *in, const char **step)
{
  char space[8192];
  buffer out;
  int r;
  buffer_init(&out, buffer_unixwrite, fd, space, sizeof space);
  *step = "write";
  if (buffer_put(&out, hdr, hdrlen) == -1) return -1;
  r = buffer_copy(&out, in);
  if (r == -2) { *step = "read"; return -1; }
  if (r == -3) return -1;
  if (buffer_flush(&out) == -1) return -1;
  *step = "fsync";
  if (fsync_fd(fd) == -1) return -1;
  return 0;
}

static void closeall(int a, int b, int c)
{
  int e = errno;
  if (a != -1) close(a);
  if (b != -1) close(b);
  if (c != -1) close(c);
  errno = e;
}

int maildir_deliver(const char *dir, const char *hdr, size_t hdrlen, buffer *in,
  const char *host, const char **step)
{
  stralloc dn = STRALLOC_ZERO, name = STRALLOC_ZERO;
  int fddir = -1, fdtmp = -1, fdnew = -1, fd = -1, tries, e;

  *step = "open";
  if (!stralloc_copys(&dn, dir)) goto fail;
  while (dn.len > 1 && dn.s[dn.len - 1] == '/') --dn.len; /* a trailing / would follow a link */
  if (!stralloc_0(&dn)) goto fail;
  fddir = opendirat(AT_FDCWD, dn.s);
  if (fddir == -1) goto fail;
  *step = "open tmp";
  if ((fdtmp = opendirat(fddir, "tmp")) == -1) goto fail;
  *step = "open new";
  if ((fdnew = opendirat(fddir, "new")) == -1) goto fail;

  for (tries = 0;; ++tries) {
    *step = "create file in tmp";
    name.len = 0;
    if (!mkname(&name, host)) goto fail;
    do fd = openat(fdtmp, name.s, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    while (fd == -1 && errno == EINTR);
    if (fd == -1) {
      if (errno == EEXIST && tries < 5) continue;
      goto fail;
    }
    if (fill(fd, hdr, hdrlen, in, step) == -1) goto unlinkfail;
    *step = "close";
    if (close(fd) == -1) { fd = -1; goto unlinkfail; }
    fd = -1;
    *step = "link into new";
    if (linkat(fdtmp, name.s, fdnew, name.s, 0) == 0) break;
    if (errno != EEXIST || tries >= 5) goto unlinkfail;
    unlinkat(fdtmp, name.s, 0);
    if (lseek(in->fd, 0, SEEK_SET) == -1) { *step = "rewind"; goto fail; }
    in->p = 0;
  }
  *step = "fsync new";
  if (fsync_fd(fdnew) == -1) {
    e = errno;
    unlinkat(fdnew, name.s, 0);
    unlinkat(fdtmp, name.s, 0);
    errno = e;
    goto fail;
  }
  unlinkat(fdtmp, name.s, 0);
  closeall(fddir, fdtmp, fdnew);
  stralloc_free(&dn);
  stralloc_free(&name);
  return 0;

unlinkfail:
  e = errno;
  if (fd != -1) close(fd);
  fd = -1;
  unlinkat(fdtmp, name.s, 0);
  errno = e;
fail:
  if (fd != -1) closeall(fd, -1, -1);
  closeall(fddir, fdtmp, fdnew);
  stralloc_free(&dn);
  stralloc_free(&name);
  return -1;
}
