/* qmail-qmtpd: receives mail over QMTP (port 209) and hands each message
   to qmail-queue.  tcpserver runs it as qmaild with the connection on fds
   0 and 1.  Many packages per connection; one response per recipient.
   Exit 0 at EOF between packages, 100 on a protocol error, 111 on a
   timeout or resource problem (qmail-qmtpd(8)). */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "control.h"
#include "env.h"
#include "fmt.h"
#include "netio.h"
#include "netstring.h"
#include "qmail.h"
#include "rcpthosts.h"
#include "rcvlimits.h"
#include "received.h"
#include "sig.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "qmail-qmtpd: fatal: "
#define SESSIONMAX 3600             /* seconds a connection may last */
#define TIMEOUT 1200                /* seconds one read or write may wait */
#define DATABYTES 52428800UL        /* when databytes is unset or 0 */
#define ADDRMAX 1000                /* longest address we accept (exclusive) */
#define SENDERMAX 65536             /* longer sender netstrings: protocol error */
#define RCPTLISTMAX 4194304         /* bytes of the recipient list netstring */
#define RCPTMAX 10000               /* recipients in one package */
#define MESSMAX ((size_t)1 << 40)   /* longer message netstrings: protocol error */

static void die_proto(void) { strerr_die2x(100, FATAL, "protocol error"); }
static void die_read(void) { strerr_die2sys(111, FATAL, "unable to read from network: "); }
static void die_write(void) { strerr_die2sys(111, FATAL, "unable to write to network: "); }
static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void die_qq(void) { strerr_die2sys(111, FATAL, "unable to run qmail-queue: "); }
static void die_control(void) { strerr_die2sys(111, FATAL, "unable to read controls: "); }

static char inspace[8192];
static buffer bin = BUFFER_INIT(netio_read, 0, inspace, sizeof inspace);
static char outspace[1024];
static buffer bout = BUFFER_INIT(netio_write, 1, outspace, sizeof outspace);

static unsigned long databytes;
static const char *relayclient;
static int flagrcpthosts;
static struct received rcv;
static stralloc sender = STRALLOC_ZERO;
static stralloc rlist = STRALLOC_ZERO;
static stralloc rcpt = STRALLOC_ZERO;
static stralloc verdicts = STRALLOC_ZERO;   /* per recipient: 0 = accepted, else a D text, NUL-ended */
static stralloc line = STRALLOC_ZERO;

/* a netstring call's result: 1 fine; 0 malformed; -1 with EPIPE for an end
   of file inside the input, ENOMEM, or a read error or timeout */
static void need(int r)
{
  if (r == 1) return;
  if (r == -1 && errno == ENOMEM) die_nomem();
  if (r == -1 && errno != EPIPE) die_read();
  die_proto();
}

static int getbyte(char *ch)
{
  ssize_t r = buffer_get(&bin, ch, 1);
  if (r == -1) die_read();
  if (r != 1) die_proto(); /* EOF inside a package */
  return 1;
}

/* the message: len bytes, first byte LF (kept as is) or CR (CRLF -> LF) */
static int message(struct qmail *qq, size_t len)
{
  char mode, ch, prev = 0;
  unsigned long bytes = 0;
  int toobig = 0;
  size_t i;
  if (!len) die_proto();
  getbyte(&mode);
  if (mode != '\n' && mode != '\r') die_proto();
  for (i = 1; i < len; ++i) {
    getbyte(&ch);
    if (mode == '\r') {
      if (prev == '\r' && ch != '\n') { if (bytes++ >= databytes) toobig = 1; else qmail_put(qq, "\r", 1); }
      prev = ch;
      if (ch == '\r') continue;
    }
    if (bytes++ >= databytes) toobig = 1;
    else qmail_put(qq, &ch, 1);
  }
  if (mode == '\r' && prev == '\r') { if (bytes++ >= databytes) toobig = 1; else qmail_put(qq, "\r", 1); }
  getbyte(&ch);
  if (ch != ',') die_proto();
  return toobig;
}

static int badaddr(const stralloc *sa)
{
  return sa->len >= ADDRMAX || byte_chr(sa->s, sa->len, 0) < sa->len;
}

static ssize_t eofop(int fd, char *buf, size_t len) { return 0; }

static void verdict(const char *text)
{
  if (!stralloc_cats(&verdicts, text) || !stralloc_0(&verdicts)) die_nomem();
}

static void respond(const char *s)
{
  if (!stralloc_copys(&line, "")) die_nomem();
  if (!netstring_fmt(&line, s, str_len(s))) die_nomem();
  if (buffer_put(&bout, line.s, line.len) == -1) die_write();
}

static void package(void)
{
  struct qmail qq;
  buffer b;
  size_t len, i;
  int toobig, flagsender, naccepted = 0;
  unsigned long nrcpt = 0;
  const char *qqx;
  char ok[100];

  if (qmail_open(&qq) == -1) die_qq();
  line.len = 0;
  if (!received_fmt(&line, &rcv, time(0))) die_nomem();
  qmail_put(&qq, line.s, line.len);
  need(netstring_scanlen(&bin, MESSMAX, &len));
  toobig = message(&qq, len);
  need(netstring_get(&bin, &sender, SENDERMAX));
  flagsender = !badaddr(&sender);
  need(netstring_get(&bin, &rlist, RCPTLISTMAX));
  if (!stralloc_0(&sender)) die_nomem();
  if (toobig || !flagsender) qmail_fail(&qq);
  qmail_from(&qq, sender.s);

  verdicts.len = 0;
  buffer_init(&b, eofop, -1, rlist.s, rlist.len);
  b.p = rlist.len;
  while (b.p) {
    need(netstring_get(&b, &rcpt, RCPTLISTMAX));
    if (++nrcpt > RCPTMAX) { verdict("Zsorry, too many recipients (#4.5.3)"); continue; }
    if (!flagsender) { verdict("Dunacceptable sender (#5.1.7)"); continue; }
    if (toobig) { verdict("Dsorry, that message size exceeds my databytes limit (#5.3.4)"); continue; }
    if (relayclient) { if (!stralloc_cats(&rcpt, relayclient)) die_nomem(); }
    if (badaddr(&rcpt)) { verdict("Dsorry, I can't handle that recipient (#5.1.3)"); continue; }
    if (!relayclient) {
      int r = rcpthosts_check(rcpt.s, rcpt.len);
      if (r == -1) { verdict("Zunable to read controls (#4.3.0)"); continue; }
      if (!r) { verdict("Dsorry, that domain isn't in my list of allowed rcpthosts (#5.7.1)"); continue; }
    }
    if (!stralloc_0(&rcpt)) die_nomem();
    qmail_to(&qq, rcpt.s);
    verdict("");
    ++naccepted;
  }
  if (!naccepted) qmail_fail(&qq);
  qqx = qmail_close(&qq);
  if (naccepted && !*qqx) {
    i = fmt_str(ok, "Kok ");
    i += fmt_ulong(ok + i, (unsigned long)time(0));
    i += fmt_str(ok + i, " qp ");
    i += fmt_ulong(ok + i, qmail_qp(&qq));
    ok[i] = 0;
    qqx = ok;
  }
  for (i = 0; i < verdicts.len; i += str_len(verdicts.s + i) + 1)
    respond(verdicts.s[i] ? verdicts.s + i : qqx);
}

int main(int argc, char **argv)
{
  unsigned long session;
  sig_ignore(SIGPIPE);
  sig_default(SIGCHLD);
  sig_default(SIGALRM);
  if (chdir(auto_home) == -1) die_control();
  if (control_init() == -1) die_control();
  flagrcpthosts = rcpthosts_init();
  if (flagrcpthosts == -1) die_control();
  if (!flagrcpthosts)
    strerr_warn1x("qmail-qmtpd: warning: control/rcpthosts is missing: refusing every recipient with a domain unless RELAYCLIENT is set");
  if (rcvlimits_databytes(&databytes, DATABYTES) == -1) die_control();
  session = rcvlimits_session(SESSIONMAX);
  netio_init(TIMEOUT, session);
  /* a backstop for waits that are not network reads (a stuck $QMAILQUEUE) */
  alarm((unsigned int)(session + 600));
  netio_out = &bout;
  relayclient = env_get("RELAYCLIENT");
  received_env(&rcv, "QMTP");
  for (;;) {
    ssize_t r = buffer_feed(&bin);  /* flushes the last responses first */
    if (r == -1) die_read();
    if (r == 0) _exit(0);           /* EOF between packages */
    package();
  }
}
