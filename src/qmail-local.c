/* qmail-local.c: deliver one message for one local address by following
   the user's .qmail file (dot-qmail(5)).  Run by qmail-lspawn as the user
   (never root); the message is fd 0 (seekable), fds 1 and 2 carry the
   report back.  Exit codes and texts: qmail-local(8). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "dotqmail.h"
#include "env.h"
#include "fmt.h"
#include "lock.h"
#include "maildir.h"
#include "mbox.h"
#include "qmail.h"
#include "qmesearch.h"
#include "quote.h"
#include "sig.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"
#include "syncdir.h"
#include "wait.h"

#define USAGE "qmail-local: usage: qmail-local [ -nN ] user homedir local dash ext domain sender aliasempty"
#define TIMEOUT 86400        /* the whole delivery, programs included */
#define LOCKWAIT 30          /* seconds to wait for an mbox lock */

static int flagdeliver = 1;
static const char *user, *homedir, *local, *dash, *ext, *host, *sender, *aliasempty;
static stralloc recipient, dtline, rpline, ufline, newsender, fwd, hostname, hdr;
static unsigned long nfile, nforward, nprogram;
static int flag99;
static unsigned long qp;
static volatile pid_t progpid;
static volatile sig_atomic_t flagtimeout;
static volatile int mboxfd = -1;
static volatile off_t mboxpos;
static char inspace[8192];
static buffer in = BUFFER_INIT(buffer_unixread, 0, inspace, sizeof inspace);

#define TMSG "Timeout: delivery ran for 24 hours. (#4.3.0)\n"
static void sigalrm(int s)
{
  (void)s;
  flagtimeout = 1;
  if (progpid > 0) { kill(-progpid, SIGKILL); return; }
  if (mboxfd != -1) if (ftruncate(mboxfd, mboxpos) == -1) { /* nothing more to do */ }
  if (write(2, TMSG, sizeof TMSG - 1) == -1) { /* exiting anyway */ }
  _exit(111);
}

static const char *errtext(int e) { return e == ELOOP ? "symbolic links are refused" : strerr_sysstr(e); }
static void die_usage(void) { strerr_die1x(100, USAGE); }
static void die_nomem(void) { strerr_die1x(111, "Out of memory. (#4.3.0)"); }
static void die_rewind(void) { strerr_die1x(111, "Unable to rewind message. (#4.3.0)"); }
static void die_read(void) { strerr_die3x(111, "Unable to read message: ", errtext(errno), ". (#4.3.0)"); }
static void die_fork(void) { strerr_die3x(111, "Unable to fork: ", errtext(errno), ". (#4.3.0)"); }
static void die_home(void) { strerr_die5x(111, "Unable to switch to ", homedir, ": ", errtext(errno), ". (#4.3.0)"); }
static void die_stathome(void) { strerr_die3x(111, "Unable to stat home directory: ", errtext(errno), ". (#4.3.0)"); }
static void die_writablehome(void) { strerr_die1x(111, "Uh-oh: home directory is writable. (#4.7.0)"); }
static void die_sticky(void) { strerr_die1x(111, "Home directory is sticky: user is editing his .qmail file. (#4.2.1)"); }
static void die_loop(void) { strerr_die1x(100, "This message is looping: it already has my Delivered-To line. (#5.4.6)"); }
static void die_nomailbox(void) { strerr_die1x(100, "Sorry, no mailbox here by that name. (#5.1.1)"); }
static void die_openqme(const char *fn) { strerr_die5x(111, "Unable to open ", fn, ": ", errtext(errno), ". (#4.3.0)"); }
static void die_writableqme(void) { strerr_die1x(111, "Uh-oh: .qmail file is writable. (#4.7.0)"); }
static void die_bigqme(void) { strerr_die1x(111, "Uh-oh: .qmail file is longer than 4 MB. (#4.7.0)"); }
static void die_blank(void) { strerr_die1x(111, "Uh-oh: first line of .qmail file is blank. (#4.2.1)"); }
static void die_xprog(void) { strerr_die1x(111, "Uh-oh: .qmail has prog delivery but has x bit set. (#4.7.0)"); }
static void die_xfile(void) { strerr_die1x(111, "Uh-oh: .qmail has file delivery but has x bit set. (#4.7.0)"); }
static void die_emptyfwd(void) { strerr_die1x(111, "Uh-oh: .qmail has an empty forwarding address. (#4.7.0)"); }
static void die_crashed(void) { strerr_die1x(111, "Aack, child crashed. (#4.3.0)"); }
static void die_timeout(void) { strerr_die1x(111, "Timeout: program ran for 24 hours and was killed. (#4.3.0)"); }

static void rewind_in(void)
{
  if (lseek(0, 0, SEEK_SET) == -1) die_rewind();
  in.p = 0;
}

/* value of s with '\n' turned into '_' */
static int catnonl(stralloc *sa, const char *s, size_t len)
{
  size_t i, start = sa->len;
  if (!stralloc_catb(sa, s, len)) return 0;
  for (i = start; i < sa->len; ++i) if (sa->s[i] == '\n') sa->s[i] = '_';
  return 1;
}

static void setenv0(const char *name, const char *s, size_t len)
{
  static stralloc v = STRALLOC_ZERO;
  if (!stralloc_copyb(&v, s, len) || !stralloc_0(&v)) die_nomem();
  if (!env_set(name, v.s)) die_nomem();
}
static void setenvs(const char *name, const char *s) { setenv0(name, s, str_len(s)); }

static void checkhome(void)
{
  struct stat st;
  if (stat(".", &st) == -1) die_stathome();
  if (st.st_mode & (mode_t)auto_patrn) die_writablehome();
  if (st.st_mode & S_ISVTX) {
    if (flagdeliver) die_sticky();
    strerr_warn1x("Warning: home directory is sticky.");
  }
}

/* RECIPIENT, DTLINE, RPLINE, UFLINE and the HOST/EXT variables */
static void buildenv(void)
{
  stralloc s = STRALLOC_ZERO;
  size_t i, hl = str_len(host);
  const char *e;
  int k;

  if (!stralloc_copys(&recipient, local) || !stralloc_append(&recipient, '@')) die_nomem();
  if (!stralloc_cats(&recipient, host)) die_nomem();
  if (!stralloc_copys(&dtline, "Delivered-To: ")) die_nomem();
  if (!catnonl(&dtline, recipient.s, recipient.len) || !stralloc_append(&dtline, '\n')) die_nomem();
  if (!stralloc_copys(&s, sender) || !quote_addr(&hdr, &s)) die_nomem();
  if (!stralloc_copys(&rpline, "Return-Path: <") || !catnonl(&rpline, hdr.s, hdr.len)) die_nomem();
  if (!stralloc_cats(&rpline, ">\n")) die_nomem();
  if (!mbox_fromline(&ufline, sender, str_len(sender), time(0))) die_nomem();
  stralloc_free(&s);

  setenvs("USER", user);
  setenvs("HOME", homedir);
  setenvs("LOCAL", local);
  setenvs("HOST", host);
  for (k = 2, i = hl; k <= 4; ++k) {
    char name[6] = "HOSTk";
    i = byte_rchr(host, i, '.');
    name[4] = (char)('0' + k);
    setenv0(name, host, i);
  }
  setenv0("RECIPIENT", recipient.s, recipient.len);
  setenvs("SENDER", sender);
  setenvs("EXT", ext);
  for (k = 2, e = ext; k <= 4; ++k) {
    char name[5] = "EXTk";
    size_t j = str_chr(e, '-');
    e += e[j] ? j + 1 : j;
    name[3] = (char)('0' + k);
    setenvs(name, e);
  }
  setenv0("DTLINE", dtline.s, dtline.len);
  setenv0("RPLINE", rpline.s, rpline.len);
  setenv0("UFLINE", ufline.s, ufline.len);
  if (!env_unset("DEFAULT") || !env_unset("NEWSENDER")) die_nomem();
}

/* 100 when a header line equals DTLINE exactly */
static void loopcheck(void)
{
  size_t pos = 0;
  int atstart = 1, mismatch = 0;
  rewind_in();
  for (;;) {
    ssize_t r = buffer_feed(&in);
    const char *s;
    size_t i;
    if (r < 0) die_read();
    if (r == 0) return;
    s = buffer_peek(&in);
    for (i = 0; i < (size_t)r; ++i) {
      if (atstart && s[i] == '\n') return;
      atstart = 0;
      if (!mismatch && (pos >= dtline.len || s[i] != dtline.s[pos])) mismatch = 1;
      ++pos;
      if (s[i] == '\n') {
        if (!mismatch && pos == dtline.len) die_loop();
        pos = 0; mismatch = 0; atstart = 1;
      }
    }
    buffer_seek(&in, (size_t)r);
  }
}

/* NEWSENDER: LOCAL-owner@HOST when .qmail<dash><ext>-owner exists */
static void setnewsender(void)
{
  stralloc fn = STRALLOC_ZERO;
  int r;
  if (!stralloc_copys(&newsender, sender)) die_nomem();
  if (!*sender || str_equal(sender, "#@[]")) goto done;
  if (!stralloc_copys(&fn, ".qmail") || !stralloc_cats(&fn, dash)) die_nomem();
  if (!qme_safeext(&hdr, ext, str_len(ext)) || !stralloc_cat(&fn, &hdr)) die_nomem();
  if (!stralloc_cats(&fn, "-owner") || !stralloc_0(&fn)) die_nomem();
  r = qme_exists(fn.s);
  if (r == -1) die_openqme(fn.s);
  if (r == 0) goto done;
  --fn.len;
  if (!stralloc_cats(&fn, "-default") || !stralloc_0(&fn)) die_nomem();
  r = qme_exists(fn.s);
  if (r == -1) die_openqme(fn.s);
  if (!stralloc_copys(&newsender, local) || !stralloc_cats(&newsender, r ? "-owner-@" : "-owner@")) die_nomem();
  if (!stralloc_cats(&newsender, host)) die_nomem();
  if (r && !stralloc_cats(&newsender, "-@[]")) die_nomem();
done:
  stralloc_free(&fn);
  if (!stralloc_0(&newsender)) die_nomem();
  setenvs("NEWSENDER", newsender.s);
}

/* the instructions: the .qmail file, or aliasempty.  1 when forward-only */
static int readqmail(stralloc *text)
{
  struct qme q = QME_ZERO;
  struct stat st;
  ssize_t r;
  int flagfo;
  size_t n = 0;

  r = qme_search(&q, dash, ext, str_len(ext));
  if (r == -1) die_openqme(q.fn.s ? q.fn.s : ".qmail");
  if (r == 0) {
    if (*dash) die_nomailbox();
    if (!stralloc_copys(text, aliasempty)) die_nomem();
    return 0;
  }
  if (q.defpos >= 0) setenvs("DEFAULT", ext + q.defpos);
  if (fstat(q.fd, &st) == -1) die_openqme(q.fn.s);
  if (st.st_mode & (mode_t)auto_patrn) die_writableqme();
  if (st.st_size > DOTQMAIL_MAX) die_bigqme();
  flagfo = (st.st_mode & S_IXUSR) != 0;
  if (!stralloc_ready(text, (size_t)st.st_size + 1)) die_nomem();
  while (n <= (size_t)st.st_size) {
    do r = read(q.fd, text->s + n, (size_t)st.st_size + 1 - n); while (r == -1 && errno == EINTR);
    if (r == -1) die_openqme(q.fn.s);
    if (r == 0) break;
    n += (size_t)r;
  }
  if (n > (size_t)st.st_size) die_bigqme(); /* it grew while we read */
  text->len = n;
  close(q.fd);
  if (n == 0) {
    if (!stralloc_copys(text, aliasempty)) die_nomem();
    return 0;
  }
  return flagfo;
}

/* refuse a bad file before delivering anything from it */
static void validate(const stralloc *text, int flagfo)
{
  int e = dotqmail_validate(text->s, text->len, flagfo);
  if (e == DOTQMAIL_BLANK) die_blank();
  if (e == DOTQMAIL_XPROG) die_xprog();
  if (e == DOTQMAIL_XFILE) die_xfile();
  if (e == DOTQMAIL_EMPTYFWD) die_emptyfwd();
}

static void closefrom3(void)
{
  long i, max = sysconf(_SC_OPEN_MAX);
  if (close_range(3, ~0U, 0) == 0) return;
  if (max < 0 || max > 65536) max = 65536;
  for (i = 3; i < max; ++i) close((int)i);
}

static void program(const char *cmd)
{
  int wstat, code;
  pid_t pid;
  rewind_in();
  pid = fork();
  if (pid == -1) die_fork();
  if (pid == 0) {
    setpgid(0, 0);
    sig_default(SIGPIPE);
    sig_default(SIGALRM);
    closefrom3();
    execl("/bin/sh", "sh", "-c", cmd, (char *)0);
    strerr_die3x(111, "Unable to run /bin/sh: ", errtext(errno), ". (#4.3.0)");
  }
  setpgid(pid, pid);
  progpid = pid;
  if (wait_pid(&wstat, pid) != pid) die_fork();
  progpid = 0;
  if (flagtimeout) die_timeout();
  if (wait_crashed(wstat)) die_crashed();
  code = wait_exitcode(wstat);
  switch (code) {
    case 0: return;
    case 99: flag99 = 1; return;
    case 100: case 64: case 65: case 70: case 76: case 77: case 78: case 112: _exit(100);
    default: _exit(111);
  }
}

static void die_mbox(const char *fn, int locked, int fd, off_t pos, const char *what)
{
  int e = errno;
  if (locked) if (ftruncate(fd, pos) == -1) { /* the error below is the news */ }
  errno = e;
  strerr_die5x(111, what, fn, ": ", errtext(errno), ". (#4.3.0)");
}

static void mboxdeliver(const char *fn)
{
  char space[8192];
  buffer out;
  int fd, locked = 0, i, r;
  off_t pos;

  rewind_in();
  do fd = open(fn, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
  while (fd == -1 && errno == EINTR);
  if (fd == -1) strerr_die5x(111, "Unable to open ", fn, ": ", errtext(errno), ". (#4.2.1)");
  for (i = 0; i < LOCKWAIT; ++i) {
    if (lock_exnb(fd) == 0) { locked = 1; break; }
    if (errno != EWOULDBLOCK) break; /* no locking here: go on unlocked */
    sleep(1);
  }
  if (i == LOCKWAIT) strerr_die1x(111, "File has been locked for 30 seconds straight. (#4.3.0)");
  pos = lseek(fd, 0, SEEK_END);
  if (pos == -1) die_mbox(fn, 0, fd, 0, "Unable to seek ");
  mboxpos = pos;
  if (locked) mboxfd = fd;
  buffer_init(&out, buffer_unixwrite, fd, space, sizeof space);
  if (buffer_put(&out, ufline.s, ufline.len) == -1) die_mbox(fn, locked, fd, pos, "Unable to write ");
  if (buffer_put(&out, rpline.s, rpline.len) == -1) die_mbox(fn, locked, fd, pos, "Unable to write ");
  if (buffer_put(&out, dtline.s, dtline.len) == -1) die_mbox(fn, locked, fd, pos, "Unable to write ");
  r = mbox_copy(&out, &in);
  if (r == -2) die_mbox("message", locked, fd, pos, "Unable to read ");
  if (r == -3) die_mbox(fn, locked, fd, pos, "Unable to write ");
  if (buffer_putflush(&out, "\n", 1) == -1) die_mbox(fn, locked, fd, pos, "Unable to write ");
  if (fsync_fd(fd) == -1) die_mbox(fn, locked, fd, pos, "Unable to write ");
  if (pos == 0 && syncdir_parent(fn) == -1) die_mbox(fn, locked, fd, pos, "Unable to sync the directory of ");
  mboxfd = -1;
  if (close(fd) == -1) strerr_die5x(111, "Unable to write ", fn, ": ", errtext(errno), ". (#4.3.0)");
}

static void maildirdeliver(const char *dir)
{
  const char *step;
  rewind_in();
  if (!stralloc_copy(&hdr, &rpline) || !stralloc_cat(&hdr, &dtline)) die_nomem();
  if (maildir_deliver(dir, hdr.s, hdr.len, &in, hostname.s, &step) == 0) return;
  if (str_equal(step, "read")) die_read();
  strerr_die(111, 0, "Unable to deliver to maildir ", dir, ": unable to ", step, ": ",
    errtext(errno), ". (#4.2.1)", (char *)0);
}

static void forward(void)
{
  struct qmail qq;
  const char *r;
  size_t pos;

  rewind_in();
  if (qmail_open(&qq) == -1) die_fork();
  qmail_put(&qq, dtline.s, dtline.len);
  for (;;) {
    ssize_t n = buffer_feed(&in);
    if (n < 0) { qmail_fail(&qq); break; }
    if (n == 0) break;
    qmail_put(&qq, buffer_peek(&in), (size_t)n);
    buffer_seek(&in, (size_t)n);
  }
  qmail_from(&qq, newsender.s);
  for (pos = 0; pos < fwd.len; pos += str_len(fwd.s + pos) + 1) qmail_to(&qq, fwd.s + pos);
  r = qmail_close(&qq);
  if (*r) strerr_die3x(*r == 'D' ? 100 : 111, "Unable to forward message: ", r + 1, ".");
  qp = qmail_qp(&qq);
}

static void say(const char *what, const char *s)
{
  buffer_puts(buffer_1, what);
  buffer_puts(buffer_1, s);
  buffer_puts(buffer_1, "\n");
}

/* one line of instructions (not empty) */
static void instruction(char *s, size_t len)
{
  size_t skip;
  int kind = dotqmail_kind(s, len, &skip);
  s[len] = 0;
  switch (kind) {
    case DOTQMAIL_COMMENT: return;
    case DOTQMAIL_PROGRAM:
      ++nprogram;
      if (flagdeliver) program(s + skip); else say("program ", s + skip);
      return;
    case DOTQMAIL_MAILDIR:
      ++nfile;
      if (flagdeliver) maildirdeliver(s); else say("maildir ", s);
      return;
    case DOTQMAIL_MBOX:
      ++nfile;
      if (flagdeliver) mboxdeliver(s); else say("mbox ", s);
      return;
    default:
      ++nforward;
      if (!flagdeliver) say("forward ", s + skip);
      if (!stralloc_catb(&fwd, s + skip, len - skip + 1)) die_nomem();
  }
}

static void hostinit(void)
{
  char h[256];
  if (gethostname(h, sizeof h - 1) == -1) byte_copy(h, 10, "localhost");
  h[sizeof h - 1] = 0;
  if (!stralloc_copys(&hostname, h) || !stralloc_0(&hostname)) die_nomem();
}

static int args(int argc, char **argv)
{
  int i = 1;
  for (; i < argc && argv[i][0] == '-'; ++i) {
    if (str_equal(argv[i], "--")) { ++i; break; }
    if (str_equal(argv[i], "-n")) flagdeliver = 0;
    else if (str_equal(argv[i], "-N")) flagdeliver = 1;
    else die_usage();
  }
  if (argc - i != 8) die_usage();
  user = argv[i]; homedir = argv[i + 1]; local = argv[i + 2]; dash = argv[i + 3];
  ext = argv[i + 4]; host = argv[i + 5]; sender = argv[i + 6]; aliasempty = argv[i + 7];
  return i;
}

int main(int argc, char **argv)
{
  stralloc text = STRALLOC_ZERO;
  size_t pos = 0, len;
  const char *line;
  int flagfo;
  char num[FMT_ULONG];

  umask(077);
  sig_ignore(SIGPIPE);
  args(argc, argv);
  if (homedir[0] != '/') die_usage();
  if (chdir(homedir) == -1) die_home();
  checkhome();
  hostinit();
  if (flagdeliver) { sig_catch(SIGALRM, sigalrm); alarm(TIMEOUT); }
  buildenv();
  if (flagdeliver) loopcheck();
  flagfo = readqmail(&text);
  setnewsender();
  if (!text.len || text.s[text.len - 1] != '\n') if (!stralloc_append(&text, '\n')) die_nomem();
  validate(&text, flagfo);

  while (!flag99 && dotqmail_line(text.s, text.len, &pos, &line, &len))
    if (len) instruction((char *)line, len);
  if (fwd.len && flagdeliver) forward();

  buffer_puts(buffer_1, "did ");
  buffer_put(buffer_1, num, fmt_ulong(num, nfile));
  buffer_puts(buffer_1, "+");
  buffer_put(buffer_1, num, fmt_ulong(num, nforward));
  buffer_puts(buffer_1, "+");
  buffer_put(buffer_1, num, fmt_ulong(num, nprogram));
  buffer_puts(buffer_1, "\n");
  if (qp) {
    buffer_puts(buffer_1, "qp ");
    buffer_put(buffer_1, num, fmt_ulong(num, qp));
    buffer_puts(buffer_1, "\n");
  }
  if (buffer_flush(buffer_1) == -1) _exit(111);
  _exit(0);
}
