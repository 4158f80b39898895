/* qmail-pop3d: the POP3 transaction state on a Maildir.  Exec'd by a
   checkpassword program as the user, in the user's home directory, with
   the client on fds 0 and 1; argv[1] names the Maildir.  Refuses to run as
   root.  Exits 0, or 1 when run as root (qmail-pop3d(8)). */
#include <errno.h>
#include <stdio.h> /* rename */
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "alloc.h"
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "fmt.h"
#include "pop3cmd.h"
#include "maildirscan.h"
#include "open.h"
#include "scan.h"
#include "sig.h"
#include "str.h"
#include "stralloc.h"
#include "syncdir.h"
#include "timeoutio.h"

#define TIMEOUT 1200   /* seconds for each read and write, as qmail */
#define LINEMAX 1024   /* longest command line, CRLF included */

static void die(void) { _exit(0); }

static ssize_t saferead(int fd, char *buf, size_t len)
{
  ssize_t r = timeoutread(TIMEOUT, fd, buf, len);
  if (r <= 0) die();
  return r;
}

static ssize_t safewrite(int fd, char *buf, size_t len)
{
  ssize_t r = timeoutwrite(TIMEOUT, fd, buf, len);
  if (r <= 0) die();
  return r;
}

static char inspace[1024];
static buffer in = BUFFER_INIT(saferead, 0, inspace, sizeof inspace);
static char outspace[8192];
static buffer out = BUFFER_INIT(safewrite, 1, outspace, sizeof outspace);

static void putb(const char *s, size_t n) { buffer_put(&out, s, n); }
static void put(const char *s) { buffer_puts(&out, s); }
static void putnum(unsigned long u) { char num[FMT_ULONG]; putb(num, fmt_ulong(num, u)); }
static void flush(void) { buffer_flush(&out); }
static void err(const char *s) { put("-ERR "); put(s); put("\r\n"); flush(); }
static void okay(void) { put("+OK \r\n"); flush(); }

static void die_nomaildir(void) { err("this user has no $HOME/Maildir"); die(); }
static void die_scan(void) { err("unable to scan $HOME/Maildir"); die(); }
static void die_nomem(void) { err("out of memory"); die(); }
static void die_toolong(void) { err("command too long"); die(); }

static struct maildirlist ml = MAILDIRLIST_ZERO;
static char *deleted;          /* one flag per message */
static unsigned long last = 0; /* highest message number deleted */

/* the message number in arg[0..*used), 1-based; -1 after replying */
static long msgno(const char *arg, size_t *used)
{
  unsigned long u;
  size_t n = scan_ulong(arg, &u);
  if (!n) { err("syntax error"); return -1; }
  if (used) *used = n;
  else if (arg[n]) { err("syntax error"); return -1; }
  if (u == 0) { err("messages are counted from 1"); return -1; }
  if (u > ml.len) { err("not that many messages"); return -1; }
  if (deleted[u - 1]) { err("already deleted"); return -1; }
  return (long)(u - 1);
}

/* open message i, following it if another reader renamed it; -1 if it
   is gone or no longer a regular file */
static int msgopen(long i)
{
  struct stat st;
  int fd = open_read(ml.m[i].fn.s);
  if (fd == -1 && errno == ENOENT && maildirscan_find(&ml.m[i]) == 1)
    fd = open_read(ml.m[i].fn.s);
  if (fd == -1) return -1;
  if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) { close(fd); return -1; }
  return fd;
}

static void listone(long i, int flaguidl)
{
  putnum((unsigned long)i + 1);
  put(" ");
  if (flaguidl) {
    size_t len;
    const char *uid = maildirscan_uid(ml.m[i].fn.s, &len);
    putb(uid, len);
  }
  else putnum(ml.m[i].size);
  put("\r\n");
}

static void dolist(char *arg, int flaguidl)
{
  size_t i;
  if (*arg) {
    long k = msgno(arg, 0);
    if (k == -1) return;
    put("+OK ");
    listone(k, flaguidl);
    flush();
    return;
  }
  okay();
  for (i = 0; i < ml.len; ++i) if (!deleted[i]) listone((long)i, flaguidl);
  put(".\r\n");
  flush();
}

/* send the message on fd with CRLF line ends and dot-stuffing; with
   flaglimit, only the header, the blank line and limit body lines */
static void blast(int fd, int flaglimit, unsigned long limit)
{
  char space[8192];
  buffer b;
  int bol = 1, inhead = 1;
  buffer_init(&b, buffer_unixread, fd, space, sizeof space);
  for (;;) {
    ssize_t r = buffer_feed(&b);
    char *x;
    size_t n, i;
    if (r == -1) die(); /* half a message must not look like a whole one */
    if (r == 0) break;
    x = buffer_peek(&b);
    n = (size_t)r;
    if (bol) {
      if (!inhead && flaglimit) { if (!limit) break; --limit; }
      if (x[0] == '.') put(".");
    }
    i = byte_chr(x, n, '\n');
    if (i == n) { putb(x, n); buffer_seek(&b, n); bol = 0; continue; }
    if (bol && i == 0) inhead = 0;
    putb(x, i);
    put("\r\n");
    buffer_seek(&b, i + 1);
    bol = 1;
  }
  put("\r\n.\r\n");
  flush();
}

static void pop3_stat(char *arg)
{
  unsigned long total = 0;
  size_t i;
  for (i = 0; i < ml.len; ++i)
    if (!deleted[i]) total = ml.m[i].size > (unsigned long)-1 - total ? (unsigned long)-1 : total + ml.m[i].size;
  put("+OK ");
  putnum(ml.len);
  put(" ");
  putnum(total);
  put("\r\n");
  flush();
}

static void pop3_list(char *arg) { dolist(arg, 0); }
static void pop3_uidl(char *arg) { dolist(arg, 1); }

static void pop3_retr(char *arg)
{
  long i = msgno(arg, 0);
  int fd;
  if (i == -1) return;
  fd = msgopen(i);
  if (fd == -1) { err("unable to open that message"); return; }
  okay();
  blast(fd, 0, 0);
  close(fd);
}

static void pop3_top(char *arg)
{
  unsigned long limit = 0;
  int flaglimit = 0, fd;
  size_t n;
  long i = msgno(arg, &n);
  if (i == -1) return;
  arg += n;
  if (*arg && *arg != ' ') { err("syntax error"); return; }
  while (*arg == ' ') ++arg;
  if (*arg) {
    n = scan_ulong(arg, &limit);
    if (!n || arg[n]) { err("syntax error"); return; }
    flaglimit = 1;
  }
  fd = msgopen(i);
  if (fd == -1) { err("unable to open that message"); return; }
  okay();
  blast(fd, flaglimit, limit);
  close(fd);
}

static void pop3_dele(char *arg)
{
  long i = msgno(arg, 0);
  if (i == -1) return;
  deleted[i] = 1;
  if ((unsigned long)i + 1 > last) last = (unsigned long)i + 1;
  okay();
}

static void pop3_last(char *arg) { put("+OK "); putnum(last); put("\r\n"); flush(); }

static void pop3_rset(char *arg)
{
  byte_zero(deleted, ml.len ? ml.len : 1);
  last = 0;
  okay();
}

static void pop3_noop(char *arg) { okay(); }

/* rename new/X to cur/X:2, (cur/X when X already has an info part) */
static int seen(struct maildirmsg *m)
{
  stralloc to = STRALLOC_ZERO;
  int r;
  if (!str_start(m->fn.s, "new/")) return 0;
  if (!stralloc_copys(&to, "cur/") || !stralloc_cats(&to, m->fn.s + 4)) return -1;
  if (!m->fn.s[4 + str_chr(m->fn.s + 4, ':')] && !stralloc_cats(&to, ":2,")) return -1;
  if (!stralloc_0(&to)) return -1;
  r = rename(m->fn.s, to.s);
  stralloc_free(&to);
  return r == -1 && errno != ENOENT ? -1 : 0;
}

static int gone(struct maildirmsg *m)
{
  if (unlink(m->fn.s) == 0) return 0;
  if (errno != ENOENT) return -1;
  /* another reader renamed it: delete it under its new name */
  switch (maildirscan_find(m)) {
    case 0: return 0;
    case 1: return unlink(m->fn.s) == -1 && errno != ENOENT ? -1 : 0;
    default: return -1;
  }
}

static void pop3_quit(char *arg)
{
  int flagfail = 0;
  size_t i;
  for (i = 0; i < ml.len; ++i) {
    if (deleted[i]) { if (gone(&ml.m[i]) == -1) flagfail = 1; }
    else seen(&ml.m[i]);
  }
  syncdir_fsync("new");
  syncdir_fsync("cur");
  if (flagfail) err("unable to unlink all deleted messages");
  else okay();
  die();
}

static const struct { const char *verb; void (*f)(char *); } cmds[] = {
  { "stat", pop3_stat }, { "list", pop3_list }, { "uidl", pop3_uidl },
  { "retr", pop3_retr }, { "top", pop3_top }, { "dele", pop3_dele },
  { "last", pop3_last }, { "rset", pop3_rset }, { "noop", pop3_noop },
  { "quit", pop3_quit }, { 0, 0 }
};

int main(int argc, char **argv)
{
  stralloc line = STRALLOC_ZERO;

  sig_ignore(SIGPIPE);
  /* a root login would turn POP3 into a root password oracle */
  if (getuid() == 0 || geteuid() == 0) _exit(1);
  if (argc < 2 || !*argv[1] || chdir(argv[1]) == -1) die_nomaildir();
  maildirscan_clean(time(0));
  if (!maildirscan(&ml)) die_scan();
  deleted = alloc(ml.len ? ml.len : 1);
  if (!deleted) die_nomem();
  byte_zero(deleted, ml.len ? ml.len : 1);
  okay();

  for (;;) {
    char *arg;
    int i, r = pop3cmd_get(&in, &line, LINEMAX, &arg);
    if (r == -1 && errno == EINVAL) { err("syntax error"); continue; }
    if (r == -1 && errno == E2BIG) die_toolong();
    if (r == -1) die_nomem(); /* read errors already exited */
    if (r == 0) die();
    for (i = 0; cmds[i].verb; ++i)
      if (case_equals(line.s, cmds[i].verb)) break;
    if (cmds[i].verb) cmds[i].f(arg);
    else err("unimplemented");
  }
}
