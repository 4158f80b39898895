/* qmail-popup: the POP3 authorization state.  Run by tcpserver as root,
   the client on fds 0 and 1.  It takes USER and PASS (or APOP), then runs
   the checkpassword program of its argv with user\0password\0timestamp\0
   on fd 3; that program execs qmail-pop3d as the user.  One login attempt
   per connection; qmail-popup always exits 1 (qmail-popup(8)). */
#include <errno.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "case.h"
#include "fd.h"
#include "fmt.h"
#include "pop3cmd.h"
#include "sig.h"
#include "str.h"
#include "stralloc.h"
#include "timeoutio.h"
#include "wait.h"

#define TIMEOUT 1200   /* seconds for each read and write, as qmail */
#define LINEMAX 1024   /* longest command line, CRLF included */
#define CMDMAX 40      /* commands in one connection before we hang up */

static void die(void) { _exit(1); }

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

/* one byte at a time: whatever the client sends after PASS stays in the
   socket for qmail-pop3d */
static char inspace[1];
static buffer in = BUFFER_INIT(saferead, 0, inspace, sizeof inspace);
static char outspace[256];
static buffer out = BUFFER_INIT(safewrite, 1, outspace, sizeof outspace);

static void put(const char *s) { buffer_puts(&out, s); }
static void flush(void) { buffer_flush(&out); }
static void err(const char *s) { put("-ERR "); put(s); put("\r\n"); flush(); }
static void okay(void) { put("+OK \r\n"); flush(); }

static void die_usage(void) { err("usage: popup hostname subprogram"); die(); }
static void die_nomem(void) { err("out of memory"); die(); }
static void die_pipe(void) { err("unable to open pipe"); die(); }
static void die_fork(void) { err("unable to fork"); die(); }
static void die_toolong(void) { err("command too long"); die(); }
static void die_toomany(void) { err("too many commands"); die(); }
static void die_crashed(void) { err("aack, child crashed"); die(); }
static void die_badauth(void) { err("authorization failed"); die(); }

static char **childargs;
static stralloc timestamp = STRALLOC_ZERO; /* <PID.TIME@hostname> */
static stralloc user = STRALLOC_ZERO;
static int seenuser = 0;

static void mktimestamp(const char *hostname)
{
  char num[FMT_ULONG];
  if (!stralloc_copys(&timestamp, "<")) die_nomem();
  if (!stralloc_catb(&timestamp, num, fmt_ulong(num, (unsigned long)getpid()))) die_nomem();
  if (!stralloc_append(&timestamp, '.')) die_nomem();
  if (!stralloc_catb(&timestamp, num, fmt_ulong(num, (unsigned long)time(0)))) die_nomem();
  if (!stralloc_append(&timestamp, '@')) die_nomem();
  if (!stralloc_cats(&timestamp, hostname)) die_nomem();
  if (!stralloc_append(&timestamp, '>')) die_nomem();
}

/* run the checker with user, password and timestamp on fd 3; never returns */
static void doanddie(const char *u, size_t ulen, char *pass, size_t plen)
{
  char pbuf[512];
  buffer pb;
  int pi[2], wstat;
  pid_t child;
  if (pipe(pi) == -1) die_pipe();
  child = fork();
  if (child == -1) die_fork();
  if (child == 0) {
    if (pi[1] != 3) close(pi[1]);
    if (fd_move(3, pi[0]) == -1) _exit(111);
    sig_default(SIGPIPE);
    execvp(childargs[0], childargs);
    _exit(111);
  }
  close(pi[0]);
  buffer_init(&pb, buffer_unixwrite, pi[1], pbuf, sizeof pbuf);
  /* a checker that does not read it all makes these fail (EPIPE): only
     its exit status counts, since after a success it served the session */
  if (buffer_put(&pb, u, ulen) == 0 && buffer_put(&pb, "", 1) == 0
      && buffer_put(&pb, pass, plen) == 0 && buffer_put(&pb, "", 1) == 0
      && buffer_put(&pb, timestamp.s, timestamp.len) == 0 && buffer_put(&pb, "", 1) == 0)
    buffer_flush(&pb);
  close(pi[1]);
  explicit_bzero(pbuf, sizeof pbuf);
  explicit_bzero(pass, plen);
  if (wait_pid(&wstat, child) == -1) die();
  if (wait_crashed(wstat)) die_crashed();
  if (wait_exitcode(wstat)) die_badauth();
  die();
}

static void pop3_user(char *arg)
{
  if (!*arg) { err("syntax error"); return; }
  if (!stralloc_copys(&user, arg)) die_nomem();
  seenuser = 1;
  okay();
}

static void pop3_pass(char *arg)
{
  if (!seenuser) { err("USER first"); return; }
  if (!*arg) { err("syntax error"); return; }
  doanddie(user.s, user.len, arg, str_len(arg));
}

static void pop3_apop(char *arg)
{
  size_t i = str_chr(arg, ' ');
  if (!arg[i] || i == 0 || !arg[i + 1]) { err("syntax error"); return; }
  doanddie(arg, i, arg + i + 1, str_len(arg + i + 1));
}

static void pop3_quit(char *arg) { okay(); die(); }
static void pop3_noop(char *arg) { okay(); }

static const struct { const char *verb; void (*f)(char *); } cmds[] = {
  { "user", pop3_user }, { "pass", pop3_pass }, { "apop", pop3_apop },
  { "quit", pop3_quit }, { "noop", pop3_noop }, { 0, 0 }
};

int main(int argc, char **argv)
{
  stralloc line = STRALLOC_ZERO;
  unsigned int n;

  sig_ignore(SIGPIPE);
  if (argc < 3) die_usage();
  childargs = argv + 2;
  mktimestamp(argv[1]);
  put("+OK "); buffer_put(&out, timestamp.s, timestamp.len); put("\r\n"); flush();

  for (n = 0; n < CMDMAX; ++n) {
    char *arg;
    int i, r = pop3cmd_get(&in, &line, LINEMAX, &arg);
    if (r == -1 && errno == EINVAL) { err("syntax error"); continue; }
    if (r == -1 && errno == E2BIG) die_toolong();
    if (r == -1) die_nomem(); /* read errors already exited */
    if (r == 0) die();
    for (i = 0; cmds[i].verb; ++i)
      if (case_equals(line.s, cmds[i].verb)) break;
    if (cmds[i].verb) cmds[i].f(arg);
    else err("authorization first");
  }
  die_toomany();
}
