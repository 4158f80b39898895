/* maildir2mbox: move the messages of the Maildir $MAILDIR into the mbox
   file $MAIL, oldest first.  Runs as the mailbox owner.  The mbox is
   locked (flock, as qmail-local locks it) and appended to in place, then
   fsynced with its directory; only then are the Maildir files removed.
   Exit codes in maildir2mbox(1). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "byte.h"
#include "env.h"
#include "lock.h"
#include "mbox.h"
#include "open.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"
#include "syncdir.h"

#define FATAL "maildir2mbox: fatal: "
#define WARNING "maildir2mbox: warning: "
#define TMPAGE (36 * 3600) /* tmp/ files older than this are abandoned (maildir(5)) */

struct msg { time_t mtime; size_t name; };

static const char *mbox;
static int fdmbox = -1;
static int flagappend;  /* we may have written to the mbox */
static off_t start;     /* its size before that */
static stralloc names = STRALLOC_ZERO;  /* "new/x\0cur/y\0..." */
static stralloc msgs = STRALLOC_ZERO;   /* struct msg[] */
static stralloc fromline = STRALLOC_ZERO;
static stralloc line = STRALLOC_ZERO;    /* scratch path */
static char outbuf[BUFFER_OUTSIZE];
static char inbuf[BUFFER_INSIZE];
static buffer out;

/* a failure after we started appending: take the mbox back to its old size */
static void undo(void) { if (flagappend) if (ftruncate(fdmbox, start) == 0) fsync_fd(fdmbox); }
static void __attribute__((noreturn)) die_env(const char *v) { strerr_die3x(111, FATAL, v, " not set"); }
static void __attribute__((noreturn)) die_nomem(void) { undo(); strerr_die2x(111, FATAL, "out of memory"); }
static void __attribute__((noreturn)) die_chdir(void) { strerr_die4sys(111, FATAL, "unable to chdir to ", env_get("MAILDIR"), ": "); }
static void __attribute__((noreturn)) die_scan(const char *d) { strerr_die4sys(111, FATAL, "unable to scan $MAILDIR/", d, ": "); }
static void __attribute__((noreturn)) die_lock(void) { strerr_die4sys(111, FATAL, "unable to lock ", mbox, ": "); }
static void __attribute__((noreturn)) die_write(void) { int e = errno; undo(); errno = e; strerr_die4sys(111, FATAL, "unable to write to ", mbox, ": "); }
static void __attribute__((noreturn)) die_read(const char *fn) { int e = errno; undo(); errno = e; strerr_die4sys(111, FATAL, "unable to read $MAILDIR/", fn, ": "); }

static void cleantmp(void)
{
  DIR *d = opendir("tmp");
  struct dirent *de;
  struct stat st;
  time_t now = time(0);

  if (!d) return;
  while ((de = readdir(d)))
    if (de->d_name[0] != '.') {
      if (!stralloc_copys(&line, "tmp/") || !stralloc_cats(&line, de->d_name) || !stralloc_0(&line)) die_nomem();
      if (lstat(line.s, &st) == 0 && S_ISREG(st.st_mode) && now - st.st_atime > TMPAGE) unlink(line.s);
    }
  closedir(d);
}

static void scan(const char *dir)
{
  DIR *d = opendir(dir);
  struct dirent *de;
  struct stat st;
  struct msg m;

  if (!d) die_scan(dir);
  for (errno = 0; (de = readdir(d)); errno = 0) {
    if (de->d_name[0] == '.') continue;
    m.name = names.len;
    if (!stralloc_cats(&names, dir) || !stralloc_append(&names, '/')) die_nomem();
    if (!stralloc_cats(&names, de->d_name) || !stralloc_0(&names)) die_nomem();
    if (lstat(names.s + m.name, &st) == -1 || !S_ISREG(st.st_mode)) { names.len = m.name; continue; }
    m.mtime = st.st_mtime;
    if (!stralloc_catb(&msgs, (const char *)&m, sizeof m)) die_nomem();
  }
  if (errno) die_scan(dir);
  closedir(d);
}

static int bytime(const void *a, const void *b)
{
  const struct msg *x = a, *y = b;
  if (x->mtime != y->mtime) return x->mtime < y->mtime ? -1 : 1;
  return str_diff(names.s + x->name, names.s + y->name);
}

/* the From_ line's sender comes from a first line "Return-Path: <addr>",
   looked for in the first block read; the block stays in the buffer */
static void makefrom(const char *fn, buffer *in, time_t t)
{
  ssize_t r = buffer_feed(in);
  const char *p = buffer_peek(in);
  size_t k, i;

  if (r < 0) die_read(fn);
  k = byte_chr(p, (size_t)r, '\n');
  if (k >= 14 && byte_equal(p, 14, "Return-Path: <")) {
    for (i = k; i > 14; --i) if (p[i - 1] == '>') break;
    if (!mbox_fromline(&fromline, p + 14, i > 14 ? i - 15 : k - 14, t)) die_nomem();
  }
  else if (!mbox_fromline(&fromline, "XXX", 3, t)) die_nomem();
}

/* returns 0 when the message vanished (another reader took it) */
static int append(const struct msg *m)
{
  const char *fn = names.s + m->name;
  buffer in;
  int fd = open_read(fn);

  if (fd == -1) {
    if (errno == ENOENT) { strerr_warn3x(WARNING, fn, " vanished; skipped"); return 0; }
    die_read(fn);
  }
  buffer_init(&in, buffer_unixread, fd, inbuf, sizeof inbuf);
  makefrom(fn, &in, m->mtime);
  if (buffer_put(&out, fromline.s, fromline.len) == -1) die_write();
  switch (mbox_copy(&out, &in)) {
    case -2: die_read(fn);
    case -3: die_write();
  }
  if (buffer_put(&out, "\n", 1) == -1) die_write();
  close(fd);
  return 1;
}

/* a From_ line must start a line, even after a damaged last message */
static int endsinnewline(void)
{
  char c;
  ssize_t r;
  if (start == 0) return 1;
  do r = pread(fdmbox, &c, 1, start - 1); while (r == -1 && errno == EINTR);
  if (r != 1) { if (r == 0) errno = EIO; die_write(); }
  return c == '\n';
}

int main(void)
{
  const char *maildir;
  struct msg *m;
  size_t n, i;

  umask(077);
  maildir = env_get("MAILDIR");
  if (!maildir) die_env("MAILDIR");
  mbox = env_get("MAIL");
  if (!mbox) die_env("MAIL");
  if (chdir(maildir) == -1) die_chdir();
  cleantmp();
  scan("new");
  scan("cur");
  if (!msgs.len) _exit(0); /* nothing new: leave $MAIL alone */
  names.len = msgs.len = 0;

  fdmbox = open(mbox, O_RDWR | O_APPEND | O_CREAT | O_NOCTTY | O_CLOEXEC, 0600);
  if (fdmbox == -1) strerr_die4sys(111, FATAL, "unable to open ", mbox, ": ");
  if (lock_ex(fdmbox) == -1) die_lock();
  /* scan under the lock: a second maildir2mbox then finds nothing to do */
  scan("new");
  scan("cur");
  n = msgs.len / sizeof *m;
  if (!n) _exit(0);
  m = (struct msg *)msgs.s;
  qsort(m, n, sizeof *m, bytime);

  start = lseek(fdmbox, 0, SEEK_END);
  if (start == -1) die_write();
  flagappend = 1;
  buffer_init(&out, buffer_unixwrite, fdmbox, outbuf, sizeof outbuf);
  if (!endsinnewline()) if (buffer_put(&out, "\n", 1) == -1) die_write();
  for (i = 0; i < n; ++i)
    if (!append(m + i)) m[i].name = (size_t)-1;
  if (buffer_flush(&out) == -1) die_write();
  if (fsync_fd(fdmbox) == -1) die_write();
  if (syncdir_parent(mbox) == -1) die_write();

  for (i = 0; i < n; ++i)
    if (m[i].name != (size_t)-1 && unlink(names.s + m[i].name) == -1)
    strerr_warn4sys(WARNING, "$MAILDIR/", names.s + m[i].name, " will be delivered twice; unable to unlink: ");
  if (syncdir_fsync("new") == -1 || syncdir_fsync("cur") == -1)
    strerr_warn2sys(WARNING, "unable to sync $MAILDIR: ");
  _exit(0);
}
