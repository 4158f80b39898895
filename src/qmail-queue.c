/* qmail-queue: puts one message into the queue.  Setuid qmailq; the
   message arrives on fd 0, the envelope on fd 1 (F sender NUL, T recipient
   NUL ..., NUL).  It prints nothing; the exit code says what happened
   (qmail-queue(8)).  It never looks at its environment.  Exit 0 means the
   message file, the envelope and every directory naming them are fsynced. */
#include <errno.h>
#include <pwd.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "date822fmt.h"
#include "envread.h"
#include "fmt.h"
#include "fmtqfn.h"
#include "open.h"
#include "sig.h"
#include "str.h"
#include "syncdir.h"

#define DEATH 86400           /* the process gives up after a day */

static char fnpid[FMT_ULONG * 3 + 8];
static char fnmess[FMTQFN];
static char fnmessdir[FMTQFN];
static char fnintd[FMTQFN];
static char fntodo[FMTQFN];
static int flagmadepid, flagmademess, flagmadeintd;
static int fdmess = -1;

static void cleanup(void)
{
  if (flagmadeintd) unlink(fnintd);
  if (flagmademess) {
    if (fdmess != -1) if (ftruncate(fdmess, 0) == -1) { /* unlink anyway */ }
    unlink(fnmess);
  }
  if (flagmadepid) unlink(fnpid);
}

static void die(int e) __attribute__((noreturn));
static void die(int e) { cleanup(); _exit(e); }
static void die_write(void) __attribute__((noreturn));
static void die_write(void) { die(53); }
static void die_read(void) __attribute__((noreturn));
static void die_read(void) { die(54); }
static void die_format(void) __attribute__((noreturn));
static void die_format(void) { die(91); }
static void die_toolong(void) __attribute__((noreturn));
static void die_toolong(void) { die(11); }
static void die_toomany(void) __attribute__((noreturn));
static void die_toomany(void) { die(31); }
static void sigalrm(int s) { (void)s; _exit(52); }  /* thou shalt not clean up here */
static void sigbug(int s) { (void)s; _exit(81); }

static char inbuf[8192], outbuf[8192], envbuf[1024], intdbuf[1024];

/* "Received: (qmail PID invoked by alias); DATE\n" by the real uid */
static size_t received(char *s, unsigned long pid, time_t now)
{
  char num[FMT_ULONG];
  struct passwd *pw;
  const char *who = 0;
  uid_t uid = getuid();
  size_t n = 0;

  pw = getpwuid(uid);
  if (pw && pw->pw_name) {
    if (str_equal(pw->pw_name, auto_usera)) who = "by alias";
    else if (str_equal(pw->pw_name, auto_userd)) who = "from network";
    else if (str_equal(pw->pw_name, auto_users)) who = "for bounce";
  }
  n += fmt_str(s ? s + n : 0, "Received: (qmail ");
  n += fmt_ulong(s ? s + n : 0, pid);
  n += fmt_str(s ? s + n : 0, " invoked ");
  if (who) n += fmt_str(s ? s + n : 0, who);
  else {
    n += fmt_str(s ? s + n : 0, "by uid ");
    num[fmt_ulong(num, (unsigned long)uid)] = 0;
    n += fmt_str(s ? s + n : 0, num);
  }
  n += fmt_str(s ? s + n : 0, "); ");
  n += date822fmt(s ? s + n : 0, now);
  if (s) s[n] = '\n';
  return n + 1;
}

static void put(buffer *b, const char *s, size_t len)
{
  if (buffer_put(b, s, len) == -1) die_write();
}

static void syncdir_or(const char *dir, int e)
{
  if (syncdir_fsync(dir) == -1) die(e);
}

int main(void)
{
  buffer bin, bmess, benv, bintd;
  struct stat st;
  struct envread er = ENVREAD_ZERO;
  unsigned long pid, id;
  time_t now;
  char num[FMT_ULONG];
  char recv[256];
  char rec[ENVREAD_RECMAX];
  size_t recvlen, n, reclen;
  int fdintd, fd, seq, r;

  sig_unblockall();
  umask(033);
  if (chdir(auto_home) == -1) _exit(61);
  if (chdir("queue") == -1) _exit(62);
  pid = (unsigned long)getpid();
  now = time(0);
  recvlen = received(0, pid, now);
  if (recvlen > sizeof recv) _exit(81);
  received(recv, pid, now);

  sig_ignore(SIGPIPE);
  sig_ignore(SIGHUP); sig_ignore(SIGINT); sig_ignore(SIGQUIT);
  sig_ignore(SIGVTALRM); sig_ignore(SIGPROF); sig_ignore(SIGXCPU); sig_ignore(SIGXFSZ);
  sig_catch(SIGALRM, sigalrm);
  sig_catch(SIGSEGV, sigbug); sig_catch(SIGBUS, sigbug); sig_catch(SIGILL, sigbug);
  sig_catch(SIGFPE, sigbug); sig_catch(SIGSYS, sigbug); sig_catch(SIGTRAP, sigbug);
  alarm(DEATH);

  for (seq = 1; ; ++seq) {
    n = fmt_str(fnpid, "pid/");
    n += fmt_ulong(fnpid + n, pid);
    fnpid[n++] = '.';
    n += fmt_ulong(fnpid + n, (unsigned long)now);
    fnpid[n++] = '.';
    n += fmt_ulong(fnpid + n, (unsigned long)seq);
    fnpid[n] = 0;
    fdmess = open_excl(fnpid, 0644);
    if (fdmess != -1) break;
    if (seq >= 9) _exit(63);
  }
  flagmadepid = 1;
  if (fstat(fdmess, &st) == -1) die(63);
  id = (unsigned long)st.st_ino;
  fmtqfn(fnmess, "mess/", id, 1);
  fmtqfn(fnmessdir, "mess/", id, 1);
  fnmessdir[str_rchr(fnmessdir, '/')] = 0;
  fmtqfn(fnintd, "intd/", id, 0);
  fmtqfn(fntodo, "todo/", id, 0);
  if (link(fnpid, fnmess) == -1) die(64);
  flagmademess = 1;
  if (unlink(fnpid) == -1) die(63);
  flagmadepid = 0;

  buffer_init(&bmess, buffer_unixwrite, fdmess, outbuf, sizeof outbuf);
  buffer_init(&bin, buffer_unixread, 0, inbuf, sizeof inbuf);
  put(&bmess, recv, recvlen);
  switch (buffer_copy(&bmess, &bin)) {
    case -2: die_read();
    case -3: die_write();
  }
  if (buffer_flush(&bmess) == -1) die_write();
  if (fsync_fd(fdmess) == -1) die_write();
  syncdir_or(fnmessdir, 64);

  fdintd = open_excl(fnintd, 0644);
  if (fdintd == -1) die(65);
  flagmadeintd = 1;
  buffer_init(&bintd, buffer_unixwrite, fdintd, intdbuf, sizeof intdbuf);
  buffer_init(&benv, buffer_unixread, 1, envbuf, sizeof envbuf);
  put(&bintd, "u", 1);
  num[fmt_ulong(num, (unsigned long)getuid())] = 0;
  put(&bintd, num, str_len(num) + 1);
  put(&bintd, "p", 1);
  num[fmt_ulong(num, pid)] = 0;
  put(&bintd, num, str_len(num) + 1);

  /* F record, T records, NUL; what was read of a bad record is still
     passed on first, so a write error is reported as before */
  do {
    r = envread_record(&er, &benv, rec, &reclen);
    put(&bintd, rec, reclen);
    switch (r) {
      case ENVREAD_EREAD: die_read();
      case ENVREAD_EFORMAT: die_format();
      case ENVREAD_ETOOLONG: die_toolong();
      case ENVREAD_ETOOMANY: die_toomany();
    }
  } while (r == ENVREAD_REC);
  if (buffer_flush(&bintd) == -1) die_write();
  if (fsync_fd(fdintd) == -1) die_write();
  syncdir_or("intd", 65);

  if (link(fnintd, fntodo) == -1) die(66);
  /* from here on the message is queued; a failing fsync of todo/ may at
     worst let the caller queue it again */
  flagmadeintd = flagmademess = 0;
  if (syncdir_fsync("todo") == -1) _exit(66);

  fd = open_write("lock/trigger");
  if (fd != -1) {
    if (write(fd, "", 1) == -1) { /* nobody listens: fine */ }
    close(fd);
  }
  _exit(0);
}
