/* install: creates the tree of hier.c under conf-home with its owners and
   modes.  Run by `make setup` as root, from the build directory (copies
   come from there).  Existing directories are kept and fixed; files are
   replaced atomically (written to a temporary name, fsynced, renamed).
   Exits 111 on the first failure, naming it. */
#include <errno.h>
#include <stdio.h> /* rename */
#include <sys/stat.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "fifo.h"
#include "hier.h"
#include "open.h"
#include "qids.h"
#include "stralloc.h"
#include "strerr.h"
#include "syncdir.h"

#define FATAL "install: fatal: "

static stralloc tmp = STRALLOC_ZERO;

static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }

static const char *path(const char *sub)
{
  const char *f = hier_path(sub);
  if (!f) die_nomem();
  return f;
}

static void own(const char *f, int u, int g, int mode)
{
  if (lchown(f, hier_uid(u), hier_gid(g)) == -1) strerr_die4sys(111, FATAL, "unable to chown ", f, ": ");
  if (chmod(f, (mode_t)mode) == -1) strerr_die4sys(111, FATAL, "unable to chmod ", f, ": ");
}

static void mkd(const char *f, int u, int g, int mode)
{
  if (mkdir(f, 0700) == -1 && errno != EEXIST)
    strerr_die4sys(111, FATAL, "unable to mkdir ", f, ": ");
  own(f, u, g, mode);
}

void h(int u, int g, int mode) { mkd(path(0), u, g, mode); }
void d(const char *sub, int u, int g, int mode) { mkd(path(sub), u, g, mode); }

void p(const char *sub, int u, int g, int mode)
{
  const char *f = path(sub);
  if (fifo_make(f, 0600) == -1 && errno != EEXIST)
    strerr_die4sys(111, FATAL, "unable to mkfifo ", f, ": ");
  own(f, u, g, mode);
}

void z(const char *sub, unsigned long len, int u, int g, int mode)
{
  const char *f = path(sub);
  char zero[256] = { 0 };
  char obuf[BUFFER_OUTSIZE];
  buffer b;
  int fd = open_excl(f, 0600);
  if (fd == -1) {
    if (errno != EEXIST) strerr_die4sys(111, FATAL, "unable to create ", f, ": ");
    own(f, u, g, mode);
    return;
  }
  buffer_init(&b, buffer_unixwrite, fd, obuf, sizeof obuf);
  while (len) {
    size_t n = len > sizeof zero ? sizeof zero : len;
    if (buffer_put(&b, zero, n) == -1) strerr_die4sys(111, FATAL, "unable to write ", f, ": ");
    len -= n;
  }
  if (buffer_flush(&b) == -1 || fsync_fd(fd) == -1 || close(fd) == -1)
    strerr_die4sys(111, FATAL, "unable to write ", f, ": ");
  own(f, u, g, mode);
}

void c(const char *sub, const char *file, const char *from, int u, int g, int mode)
{
  char ibuf[BUFFER_INSIZE], obuf[BUFFER_OUTSIZE];
  buffer bi, bo;
  int fdin, fdout;
  const char *f;

  fdin = open_read(from);
  if (fdin == -1) strerr_die4sys(111, FATAL, "unable to read ", from, ": ");
  if (!stralloc_copys(&tmp, sub) || !stralloc_cats(&tmp, "/") || !stralloc_cats(&tmp, file)) die_nomem();
  if (!stralloc_cats(&tmp, ".{new}") || !stralloc_0(&tmp)) die_nomem();
  f = path(tmp.s);
  unlink(f);
  fdout = open_excl(f, 0600);
  if (fdout == -1) strerr_die4sys(111, FATAL, "unable to create ", f, ": ");
  buffer_init(&bi, buffer_unixread, fdin, ibuf, sizeof ibuf);
  buffer_init(&bo, buffer_unixwrite, fdout, obuf, sizeof obuf);
  switch (buffer_copy(&bo, &bi)) {
    case -2: strerr_die4sys(111, FATAL, "unable to read ", from, ": ");
    case -3: strerr_die4sys(111, FATAL, "unable to write ", f, ": ");
  }
  close(fdin);
  if (buffer_flush(&bo) == -1 || fsync_fd(fdout) == -1 || close(fdout) == -1)
    strerr_die4sys(111, FATAL, "unable to write ", f, ": ");
  own(f, u, g, mode);
  {
    stralloc final = STRALLOC_ZERO;
    if (!stralloc_copys(&final, f)) die_nomem();
    final.len -= 6; /* drop ".{new}" */
    if (!stralloc_0(&final)) die_nomem();
    if (rename(f, final.s) == -1) strerr_die6sys(111, FATAL, "unable to rename ", f, " to ", final.s, ": ");
    if (syncdir_parent(final.s) == -1) strerr_die4sys(111, FATAL, "unable to fsync the directory of ", final.s, ": ");
    stralloc_free(&final);
  }
}

int main(void)
{
  const char *missing = 0;
  int r;
  umask(077);
  r = qids_get(&hier_ids, &missing);
  if (r == -1) strerr_die2sys(111, FATAL, "unable to look up accounts: ");
  if (r == 0) strerr_die4x(111, FATAL, "account or group ", missing, " does not exist (run src/install/accounts.sh as root)");
  hier();
  if (syncdir_fsync(auto_home) == -1) strerr_die4sys(111, FATAL, "unable to fsync ", auto_home, ": ");
  return 0;
}
