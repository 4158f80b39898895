/* qmail-qmqpc: qmail-queue's interface (message on fd 0, envelope on fd 1,
   exit codes of qmail-queue(8)), but the message goes over QMQP to the
   first server in control/qmqpservers that takes it.  Runs as its caller;
   a mini-qmail host installs it as bin/qmail-queue.  Prints nothing. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "control.h"
#include "fmt.h"
#include "ip.h"
#include "netstring.h"
#include "scan.h"
#include "sig.h"
#include "socket.h"
#include "str.h"
#include "stralloc.h"
#include "timeoutio.h"

#define PORT 628
#define TIMEOUTCONNECT 10
#define TIMEOUT 60
#define ADDRMAX 1002                        /* as qmail-queue: longer is exit 11 */
#define MESSMAX ((size_t)128 * 1024 * 1024) /* bigger messages: exit 31 */
#define RCPTMAX 1000000UL

static stralloc mess = STRALLOC_ZERO;
static stralloc envns = STRALLOC_ZERO;      /* sender and recipients, as netstrings */
static stralloc addr = STRALLOC_ZERO;
static stralloc servers = STRALLOC_ZERO;
static stralloc resp = STRALLOC_ZERO;

static void readmessage(void)
{
  for (;;) {
    ssize_t r;
    if (!stralloc_readyplus(&mess, 65536)) _exit(51);
    r = buffer_unixread(0, mess.s + mess.len, 65536);
    if (r == -1) _exit(54);
    if (r == 0) return;
    mess.len += (size_t)r;
    if (mess.len > MESSMAX) _exit(31);
  }
}

/* one envelope record after its type byte, up to its NUL, into addr */
static void record(buffer *b)
{
  char ch;
  addr.len = 0;
  for (;;) {
    ssize_t r = buffer_get(b, &ch, 1);
    if (r == -1) _exit(54);
    if (r == 0) _exit(54);
    if (!ch) return;
    if (addr.len >= ADDRMAX) _exit(11);
    if (!stralloc_append(&addr, ch)) _exit(51);
  }
}

static void readenvelope(void)
{
  char space[4096];
  buffer b;
  char ch;
  unsigned long n = 0;
  buffer_init(&b, buffer_unixread, 1, space, sizeof space);
  if (buffer_get(&b, &ch, 1) != 1) _exit(54);
  if (ch != 'F') _exit(91);
  record(&b);
  if (!netstring_fmt(&envns, addr.s, addr.len)) _exit(51);
  for (;;) {
    ssize_t r = buffer_get(&b, &ch, 1);
    if (r != 1) _exit(54);
    if (!ch) return;
    if (ch != 'T') _exit(91);
    if (++n > RCPTMAX) _exit(91);
    record(&b);
    if (!netstring_fmt(&envns, addr.s, addr.len)) _exit(51);
  }
}

/* "a.b.c.d", "a.b.c.d:port", "x:y::z" or "[x:y::z]:port" */
static int parseserver(const char *s, unsigned char ip[16], unsigned long *port)
{
  unsigned char ip4[4];
  size_t n;
  char text[IP6_FMT + 1];
  *port = PORT;
  if (*s == '[') {
    n = str_chr(s + 1, ']');
    if (!s[1 + n] || n > IP6_FMT) return 0;
    byte_copy(text, n, s + 1);
    text[n] = 0;
    if (!n || ip6_scan(text, ip) != n) return 0;
    s += n + 2;
  } else if ((n = ip4_scan(s, ip4))) {
    socket_ipv4(ip, ip4);
    s += n;
  } else {
    n = str_len(s);
    if (!n || ip6_scan(s, ip) != n) return 0;
    return 1;
  }
  if (*s == ':') {
    n = scan_ulong(s + 1, port);
    return n && !s[1 + n] && *port && *port <= 65535;
  }
  return !*s;
}

/* a connected socket, or -1 with *code 72 (timeout) or 73 (refused) */
static int connectto(const unsigned char ip[16], unsigned long port, int *code)
{
  int s = socket_tcp(ip);
  *code = 73;
  if (s == -1) _exit(56);
  if (socket_connect_timeout(s, ip, (unsigned int)port, TIMEOUTCONNECT) == 0) return s;
  if (errno == ETIMEDOUT) *code = 72;
  close(s);
  return -1;
}

static ssize_t netread(int fd, char *buf, size_t len) { return timeoutread(TIMEOUT, fd, buf, len); }
static ssize_t netwrite(int fd, char *buf, size_t len) { return timeoutwrite(TIMEOUT, fd, buf, len); }

/* the whole exchange on s; returns qmail-queue's exit code */
static int exchange(int s)
{
  char outspace[8192], inspace[1024], num[FMT_ULONG];
  buffer bo, bi;
  size_t total, head;
  head = fmt_ulong(num, (unsigned long)mess.len) + 1;
  total = head + mess.len + 1 + envns.len;
  buffer_init(&bo, netwrite, s, outspace, sizeof outspace);
  buffer_init(&bi, netread, s, inspace, sizeof inspace);
  if (buffer_put(&bo, num, fmt_ulong(num, (unsigned long)total)) == -1) return 74;
  if (buffer_put(&bo, ":", 1) == -1) return 74;
  if (buffer_put(&bo, num, fmt_ulong(num, (unsigned long)mess.len)) == -1) return 74;
  if (buffer_put(&bo, ":", 1) == -1) return 74;
  if (buffer_put(&bo, mess.s, mess.len) == -1) return 74;
  if (buffer_put(&bo, ",", 1) == -1) return 74;
  if (buffer_put(&bo, envns.s, envns.len) == -1) return 74;
  if (buffer_put(&bo, ",", 1) == -1) return 74;
  if (buffer_flush(&bo) == -1) return 74;
  if (netstring_get(&bi, &resp, 4096) != 1 || !resp.len) return 74;
  switch (resp.s[0]) {
    case 'K': return 0;
    case 'Z': return 71;
    case 'D': return 31;
  }
  return 74;
}

int main(int argc, char **argv)
{
  unsigned char ip[16];
  unsigned long port;
  size_t i;
  int s, code = 55, r;

  sig_ignore(SIGPIPE);
  readmessage();
  readenvelope();
  if (chdir(auto_home) == -1) _exit(61);
  r = control_readfile(&servers, "control/qmqpservers");
  if (r != 1) _exit(55);
  for (i = 0; i < servers.len; i += str_len(servers.s + i) + 1) {
    if (!parseserver(servers.s + i, ip, &port)) continue;
    s = connectto(ip, port, &code);
    if (s == -1) continue;
    r = exchange(s);
    close(s);
    _exit(r);
  }
  _exit(code);
}
