/* qmail-qmqpd: receives one message over QMQP (port 628) and hands it to
   qmail-queue.  tcpserver runs it as qmaild, with the connection on fds 0
   and 1; it relays to any address, so tcprules must limit who connects.
   Exit 0 after the response, 100 on a protocol error, 111 on a timeout
   or resource problem (qmail-qmqpd(8)). */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "control.h"
#include "fmt.h"
#include "netio.h"
#include "netstring.h"
#include "qmail.h"
#include "rcvlimits.h"
#include "received.h"
#include "sig.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "qmail-qmqpd: fatal: "
#define SESSIONMAX 3600             /* seconds a connection may last */
#define TIMEOUT 1200                /* seconds one read or write may wait */
#define DATABYTES 52428800UL        /* when databytes is unset or 0 */
#define ADDRMAX 1000                /* longest address we accept (exclusive) */
#define ADDRREAD 65536              /* longer address netstrings: protocol error */
#define RCPTMAX 10000               /* recipients in one message */
#define PACKMAX ((size_t)1 << 40)   /* longer QMQP packages: protocol error */

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
static size_t left;                 /* bytes of the package not yet read */
static stralloc addr = STRALLOC_ZERO;
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

/* the length of an inner netstring; its "len:" and "len," come off left */
static size_t innerlen(void)
{
  size_t len, head;
  need(netstring_scanlen(&bin, left, &len));
  head = fmt_ulong(FMT_LEN, (unsigned long)len) + 1;
  if (head > left || len > left - head || left - head - len < 1) die_proto();
  left -= head + len + 1;
  return len;
}

static void comma(void)
{
  char ch;
  ssize_t r = buffer_get(&bin, &ch, 1);
  if (r == -1) die_read();
  if (r != 1 || ch != ',') die_proto();
}

/* 1 when the message fit in databytes */
static int message(struct qmail *qq)
{
  size_t len = innerlen();
  unsigned long bytes = 0;
  int fits = 1;
  char buf[4096];
  while (len) {
    ssize_t n = buffer_get(&bin, buf, len < sizeof buf ? len : sizeof buf);
    if (n == -1) die_read();
    if (n == 0) die_proto();
    len -= (size_t)n;
    if ((unsigned long)n > databytes - bytes) fits = 0;
    if (fits) { bytes += (unsigned long)n; qmail_put(qq, buf, (size_t)n); }
  }
  comma();
  return fits;
}

/* the next address into addr (NUL added): 1 acceptable, 0 not */
static int address(void)
{
  size_t len = innerlen();
  ssize_t n;
  int ok = len < ADDRMAX;
  if (len >= ADDRREAD) die_proto();
  if (!stralloc_ready(&addr, len + 1)) die_nomem();
  for (addr.len = 0; addr.len < len; addr.len += (size_t)n) {
    n = buffer_get(&bin, addr.s + addr.len, len - addr.len);
    if (n == -1) die_read();
    if (n == 0) die_proto();
  }
  comma();
  if (byte_chr(addr.s, addr.len, 0) < addr.len) ok = 0;
  addr.s[addr.len] = 0;
  return ok;
}

static void respond(const char *s)
{
  line.len = 0;
  if (!netstring_fmt(&line, s, str_len(s))) die_nomem();
  if (buffer_put(&bout, line.s, line.len) == -1 || buffer_flush(&bout) == -1) die_write();
}

int main(int argc, char **argv)
{
  struct qmail qq;
  struct received rcv;
  const char *qqx;
  unsigned long nrcpt = 0, session;
  int fits, flagok = 1;
  char ok[100];
  size_t i;
  ssize_t r;

  sig_ignore(SIGPIPE);
  sig_default(SIGCHLD);
  sig_default(SIGALRM);
  if (chdir(auto_home) == -1) die_control();
  if (control_init() == -1) die_control();
  if (rcvlimits_databytes(&databytes, DATABYTES) == -1) die_control();
  session = rcvlimits_session(SESSIONMAX);
  netio_init(TIMEOUT, session);
  /* a backstop for waits that are not network reads (a stuck $QMAILQUEUE) */
  alarm((unsigned int)(session + 600));
  received_env(&rcv, "QMQP");

  r = buffer_feed(&bin);
  if (r == -1) die_read();
  if (r == 0) _exit(0);
  need(netstring_scanlen(&bin, PACKMAX, &left));
  if (qmail_open(&qq) == -1) die_qq();
  if (!received_fmt(&line, &rcv, time(0))) die_nomem();
  qmail_put(&qq, line.s, line.len);
  fits = message(&qq);
  if (!address()) flagok = 0;
  if (!fits || !flagok) qmail_fail(&qq);
  qmail_from(&qq, addr.s);
  while (left) {
    if (!address()) flagok = 0;
    if (++nrcpt > RCPTMAX) flagok = 0;
    if (flagok) qmail_to(&qq, addr.s);
  }
  comma();
  if (!flagok || !nrcpt) qmail_fail(&qq);
  qqx = qmail_close(&qq);
  if (!fits) qqx = "Dsorry, that message size exceeds my databytes limit (#5.3.4)";
  else if (nrcpt > RCPTMAX) qqx = "Dsorry, too many recipients (#5.5.3)";
  else if (!flagok) qqx = "Dsorry, I can't accept addresses like that (#5.1.3)";
  else if (!nrcpt) qqx = "Dsorry, no recipients (#5.1.3)";
  else if (!*qqx) {
    i = fmt_str(ok, "Kok ");
    i += fmt_ulong(ok + i, (unsigned long)time(0));
    i += fmt_str(ok + i, " qp ");
    i += fmt_ulong(ok + i, qmail_qp(&qq));
    ok[i] = 0;
    qqx = ok;
  }
  respond(qqx);
  _exit(0);
}
