/* qmail-smtpd: receives mail over SMTP and hands each message to
   qmail-queue.  tcpserver runs it as qmaild with the connection on fds 0
   and 1 and the TCP* variables in the environment; it never opens a
   socket.  Logs one line per transaction on fd 2.  Exit 0 after QUIT,
   1 on EOF, timeout or a fatal error; replies and caps: qmail-smtpd(8). */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "addrparse.h"
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "constmap.h"
#include "control.h"
#include "datain.h"
#include "env.h"
#include "fmt.h"
#include "localip.h"
#include "netio.h"
#include "qmail.h"
#include "rcpthosts.h"
#include "rcvlimits.h"
#include "received.h"
#include "sig.h"
#include "smtpcmd.h"
#include "str.h"
#include "strerr.h"
#include "stralloc.h"

#define RCPTMAX 1000                /* recipients in one message */
#define ADDRMAX 1000                /* envelope address after RELAYCLIENT */
#define MAXHOPS 100                 /* Received + Delivered-To lines */
#define SESSIONMAX 3600             /* seconds a connection may last */
#define DATABYTES 52428800UL        /* message size when databytes is unset or 0 */
#define LOGMAX 3000                 /* log bytes before recipients are only counted */

static stralloc greeting = STRALLOC_ZERO;
static stralloc liphost = STRALLOC_ZERO;
static int flagliphost = 0;
static int flagrcpthosts = 0;
static stralloc bmf = STRALLOC_ZERO;
static struct constmap mapbmf;
static int flagbmf = 0;
static unsigned long databytes = DATABYTES;
static const char *relayclient;
static struct received rcv;

static stralloc helo = STRALLOC_ZERO;
static int seenhelo = 0;
static stralloc mailfrom = STRALLOC_ZERO;
static int seenmail = 0;
static int flagbarf = 0;
static stralloc rcptto = STRALLOC_ZERO;  /* recipients, each NUL-terminated */
static unsigned long nrcpt = 0;
static stralloc addr = STRALLOC_ZERO;
static stralloc cmd = STRALLOC_ZERO;
static stralloc logline = STRALLOC_ZERO;   /* the open transaction's log line */
static int flaglog = 0;
static unsigned long logmore = 0;

static ssize_t safewrite(int fd, char *buf, size_t len);
static ssize_t saferead(int fd, char *buf, size_t len);
static char outspace[1024];
static buffer bout = BUFFER_INIT(safewrite, 1, outspace, sizeof outspace);
static char inspace[8192];
static buffer bin = BUFFER_INIT(saferead, 0, inspace, sizeof inspace);

static void out(const char *s) { buffer_puts(&bout, s); }
static void flush(void) { buffer_flush(&bout); }

/* the log: one line per transaction, written with one write(2) */
static void logsafe(const char *s, size_t len)
{
  size_t i;
  for (i = 0; i < len; ++i) {
    char ch = (s[i] > 32 && s[i] < 127) ? s[i] : '?';
    if (!stralloc_append(&logline, ch)) return;
  }
}
static void logs(const char *s) { stralloc_cats(&logline, s); }
static void logaddr(const char *s, size_t len) { logs(" <"); logsafe(s, len); logs(">"); }
static void logend(const char *result)
{
  char num[FMT_ULONG];
  if (!flaglog || !result) return;
  if (logmore) { logs(" +"); stralloc_catb(&logline, num, fmt_ulong(num, logmore)); logs(" more"); }
  logs(" result ");
  logs(result);
  logs("\n");
  { size_t p = 0; while (p < logline.len) { ssize_t w = write(2, logline.s + p, logline.len - p);
      if (w <= 0) { if (w == -1 && errno == EINTR) continue; break; } p += (size_t)w; } }
  flaglog = 0;
}
static void logstart(void)
{
  char num[FMT_ULONG];
  logline.len = 0; logmore = 0; flaglog = 1;
  logs("qmail-smtpd: pid ");
  stralloc_catb(&logline, num, fmt_ulong(num, (unsigned long)getpid()));
  logs(" ip "); logsafe(rcv.ip, str_len(rcv.ip));
  logs(" helo "); if (seenhelo) logsafe(helo.s, helo.len - 1); else logs("-");
  logs(" mail"); logaddr(mailfrom.s, mailfrom.len - 1);
}
static void logrcpt(const char *s, size_t len, const char *verdict)
{
  if (!flaglog) return;
  if (logline.len > LOGMAX) { ++logmore; return; }
  logs(" rcpt"); logaddr(s, len); logs(" "); logs(verdict);
}

static void die_write(void) { logend("write error"); _exit(1); }
static void die_eof(void) { logend("disconnected"); _exit(1); }
static void die_timeout(void) { logend("timeout"); out("451 timeout (#4.4.2)\r\n"); flush(); _exit(1); }
static void die_session(void) { logend("session time limit"); out("421 session time limit reached, closing connection (#4.4.2)\r\n"); flush(); _exit(1); }
static void die_nomem(void) { logend("out of memory"); out("421 out of memory (#4.3.0)\r\n"); flush(); _exit(1); }
static void die_control(void) { out("421 unable to read controls (#4.3.0)\r\n"); flush(); _exit(1); }
static void die_barelf(void) { logend("bare LF"); out("451 See https://cr.yp.to/docs/smtplf.html.\r\n"); flush(); _exit(1); }

static ssize_t safewrite(int fd, char *buf, size_t len)
{
  ssize_t r = netio_write(fd, buf, len);
  if (r <= 0) die_write();
  return r;
}

static ssize_t saferead(int fd, char *buf, size_t len)
{
  ssize_t r = netio_read(fd, buf, len);
  if (r == -1 && errno == ETIME) die_session();
  if (r == -1 && errno == ETIMEDOUT) die_timeout();
  if (r <= 0) die_eof();
  return r;
}

static void err_syntax(void) { out("555 syntax error (#5.5.4)\r\n"); }
static void err_size(void) { out("552 sorry, that message size exceeds my databytes limit (#5.3.4)\r\n"); }

/* a literal naming one of our addresses becomes localiphost (in addr) */
static void liphostcheck(void)
{
  unsigned char ip[16];
  int v6;
  size_t at = byte_rchr(addr.s, addr.len, '@');
  if (!flagliphost || at == addr.len) return;
  if (!addrparse_literal(addr.s + at + 1, addr.len - at - 1, ip, &v6)) return;
  if (localip_is(ip) != 1) return;
  addr.len = at + 1;
  if (!stralloc_cat(&addr, &liphost)) die_nomem();
}

/* 1 syntax ok (addr set, *paramoff), 0 after a 555 reply */
static int parse(const char *arg, size_t len, size_t *paramoff)
{
  int r = addrparse(arg, len, &addr, paramoff);
  if (r == -1) die_nomem();
  if (!r) { err_syntax(); return 0; }
  liphostcheck();
  return 1;
}

static int bmfcheck(void)
{
  size_t at;
  if (!flagbmf) return 0;
  if (constmap_get(&mapbmf, addr.s, addr.len)) return 1;
  at = byte_rchr(addr.s, addr.len, '@');
  if (at < addr.len && constmap_get(&mapbmf, addr.s + at, addr.len - at)) return 1;
  return 0;
}

static void reset(const char *why)
{
  logend(why);
  seenmail = 0;
  rcptto.len = 0;
  nrcpt = 0;
}

static void smtp_greet(const char *code)
{
  out(code);
  buffer_put(&bout, greeting.s, greeting.len);
}

static void sethelo(const char *arg, size_t len)
{
  if (!stralloc_copyb(&helo, arg, len) || !stralloc_0(&helo)) die_nomem();
  seenhelo = 1;
  rcv.helo = helo.s;
}

static void smtp_helo(const char *arg, size_t len)
{
  reset("no DATA");
  sethelo(arg, len);
  smtp_greet("250 "); out("\r\n");
}

static void smtp_ehlo(const char *arg, size_t len)
{
  char num[FMT_ULONG];
  reset("no DATA");
  sethelo(arg, len);
  smtp_greet("250-"); out("\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SIZE ");
  buffer_put(&bout, num, fmt_ulong(num, databytes));
  out("\r\n");
}

static void smtp_rset(const char *arg, size_t len) { reset("no DATA"); out("250 flushed\r\n"); }
static void smtp_noop(const char *arg, size_t len) { out("250 ok\r\n"); }
static void smtp_vrfy(const char *arg, size_t len) { out("252 send some mail, i'll try my best\r\n"); }
static void smtp_help(const char *arg, size_t len) { out("214 quail qmail-smtpd: see qmail-smtpd(8)\r\n"); }
static void smtp_unimpl(const char *arg, size_t len) { out("502 unimplemented (#5.5.1)\r\n"); }
static void smtp_quit(const char *arg, size_t len)
{
  reset("no DATA");
  smtp_greet("221 "); out("\r\n"); flush();
  _exit(0);
}

static void smtp_mail(const char *arg, size_t len)
{
  size_t off;
  unsigned long size;
  int r;
  reset("no DATA");
  if (!parse(arg, len, &off)) return;
  r = addrparse_size(arg + off, len - off, &size);
  if (r == -1) { err_syntax(); return; }
  if (!stralloc_copy(&mailfrom, &addr) || !stralloc_0(&mailfrom)) die_nomem();
  if (r == 1 && size > databytes) {
    logstart(); logend("552 SIZE"); err_size(); return;
  }
  flagbarf = bmfcheck();
  seenmail = 1;
  logstart();
  out("250 ok\r\n");
}

static void smtp_rcpt(const char *arg, size_t len)
{
  size_t off;
  int r;
  if (!seenmail) { out("503 MAIL first (#5.5.1)\r\n"); return; }
  if (!parse(arg, len, &off)) { logrcpt(arg, len, "syntax"); return; }
  if (!addr.len) { err_syntax(); logrcpt("", 0, "syntax"); return; }
  if (flagbarf) {
    logrcpt(addr.s, addr.len, "badmailfrom");
    out("553 sorry, your envelope sender is in my badmailfrom list (#5.7.1)\r\n");
    return;
  }
  if (nrcpt >= RCPTMAX) {
    logrcpt(addr.s, addr.len, "toomany");
    out("452 sorry, too many recipients (#4.5.3)\r\n");
    return;
  }
  if (relayclient) {
    if (!stralloc_cats(&addr, relayclient)) die_nomem();
  } else {
    r = rcpthosts_check(addr.s, addr.len);
    if (r == -1) { logrcpt(addr.s, addr.len, "rcpthosts-error"); out("451 unable to read controls (#4.3.0)\r\n"); return; }
    if (!r) {
      logrcpt(addr.s, addr.len, flagrcpthosts ? "relay-refused" : "relay-refused-no-rcpthosts");
      out("553 sorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)\r\n");
      return;
    }
  }
  if (addr.len > ADDRMAX || byte_chr(addr.s, addr.len, 0) < addr.len) {
    logrcpt(addr.s, addr.len, "toolong"); err_syntax(); return;
  }
  if (!stralloc_cat(&rcptto, &addr) || !stralloc_0(&rcptto)) die_nomem();
  ++nrcpt;
  logrcpt(addr.s, addr.len, "ok");
  out("250 ok\r\n");
}

static void qqput(void *qq, const char *s, size_t len) { qmail_put((struct qmail *)qq, s, len); }

static void smtp_data(const char *arg, size_t len)
{
  static struct qmail qq;
  static struct datain d;
  static stralloc rline = STRALLOC_ZERO;
  char num[FMT_ULONG];
  const char *qqx;
  size_t i;
  time_t when;
  int r;

  if (!seenmail) { out("503 MAIL first (#5.5.1)\r\n"); return; }
  if (!nrcpt) { out("503 RCPT first (#5.5.1)\r\n"); return; }
  seenmail = 0;
  if (qmail_open(&qq) == -1) { logend("451 qqt failure"); out("451 qqt failure (#4.3.0)\r\n"); return; }
  out("354 go ahead\r\n");
  rline.len = 0;
  if (!received_fmt(&rline, &rcv, time(0))) die_nomem();
  qmail_put(&qq, rline.s, rline.len);
  datain_init(&d, databytes, qqput, &qq);
  r = datain_get(&d, &bin);
  if (r == 0) die_barelf();
  if (r == -1) die_eof();
  if (d.hops >= MAXHOPS || d.toobig) qmail_fail(&qq);
  qmail_from(&qq, mailfrom.s);
  for (i = 0; i < rcptto.len; i += str_len(rcptto.s + i) + 1) qmail_to(&qq, rcptto.s + i);
  qqx = qmail_close(&qq);
  logs(" bytes ");
  stralloc_catb(&logline, num, fmt_ulong(num, d.bytes));
  if (d.hops >= MAXHOPS) {
    logend("554 too many hops");
    out("554 too many hops, this message is looping (#5.4.6)\r\n");
  } else if (d.toobig) {
    logend("552 databytes");
    err_size();
  } else if (!*qqx) {
    when = time(0);
    out("250 ok ");
    buffer_put(&bout, num, fmt_ulong(num, (unsigned long)when));
    out(" qp ");
    buffer_put(&bout, num, fmt_ulong(num, qmail_qp(&qq)));
    logs(" qp ");
    stralloc_catb(&logline, num, fmt_ulong(num, qmail_qp(&qq)));
    logend("250 queued");
    out("\r\n");
  } else {
    out(*qqx == 'D' ? "554 " : "451 ");
    out(qqx + 1);
    out("\r\n");
    logs(" qq ");
    logsafe(qqx, str_len(qqx));
    logend(*qqx == 'D' ? "554 refused" : "451 deferred");
  }
  reset(0);
}

static const struct { const char *verb; void (*fn)(const char *, size_t); } cmds[] = {
  { "helo", smtp_helo }, { "ehlo", smtp_ehlo }, { "mail", smtp_mail },
  { "rcpt", smtp_rcpt }, { "data", smtp_data }, { "rset", smtp_rset },
  { "noop", smtp_noop }, { "vrfy", smtp_vrfy }, { "help", smtp_help },
  { "quit", smtp_quit }, { 0, smtp_unimpl }
};

/* a line past SMTPCMD_MAX: answer now, then drop bytes up to its LF */
static void toolong(void)
{
  int r;
  out("500 command line too long (#5.5.2)\r\n");
  r = smtpcmd_skip(&bin, &cmd, SMTPCMD_MAX);
  if (r == -1) die_nomem();
  if (!r) die_eof();
}

static void command(void)
{
  struct smtpcmd c;
  int i;
  smtpcmd_split(&c, cmd.s, cmd.len);
  for (i = 0; cmds[i].verb; ++i)
    if (smtpcmd_is(&c, cmds[i].verb)) break;
  cmds[i].fn(c.arg, c.arglen);
}

static void readcontrols(void)
{
  unsigned long session;
  int r, t = 1200;
  if (chdir(auto_home) == -1) die_control();
  if (control_init() == -1) die_control();
  if (control_rldef(&greeting, "control/smtpgreeting", 1, 0) != 1) die_control();
  r = control_rldef(&liphost, "control/localiphost", 1, 0);
  if (r == -1) die_control();
  flagliphost = r;
  if (control_readint(&t, "control/timeoutsmtpd") == -1) die_control();
  flagrcpthosts = rcpthosts_init();
  if (flagrcpthosts == -1) die_control();
  if (!flagrcpthosts)
    strerr_warn1x("qmail-smtpd: warning: control/rcpthosts is missing: refusing every recipient with a domain unless RELAYCLIENT is set");
  r = control_readfile(&bmf, "control/badmailfrom");
  if (r == -1) die_control();
  if (r == 1) { if (!constmap_init(&mapbmf, bmf.s, bmf.len, 0)) die_nomem(); flagbmf = 1; }
  if (rcvlimits_databytes(&databytes, DATABYTES) == -1) die_control();
  session = rcvlimits_session(SESSIONMAX);
  netio_init(t, session);
  /* a backstop for waits that are not network reads (a stuck $QMAILQUEUE) */
  alarm((unsigned int)(session + 600));
}

int main(int argc, char **argv)
{
  sig_ignore(SIGPIPE);
  sig_default(SIGCHLD);
  sig_default(SIGALRM);
  netio_init(1200, SESSIONMAX);
  netio_out = &bout;
  readcontrols();
  relayclient = env_get("RELAYCLIENT");
  received_env(&rcv, "SMTP");
  if (!rcv.ip) rcv.ip = "unknown";
  smtp_greet("220 "); out(" ESMTP\r\n");
  for (;;) {
    int r = smtpcmd_get(&bin, &cmd, SMTPCMD_MAX);
    if (r == -1) {
      if (errno != E2BIG) die_nomem();
      toolong();
      continue;
    }
    if (!r) die_eof();
    command();
  }
}
