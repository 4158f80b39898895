/* qmail-qmqpc: qmail-queue's interface (message on fd 0, envelope on fd 1,
   exit codes of qmail-queue(8)), but the message goes over QMQP to the
   first server in control/qmqpservers that takes it.  Runs as its caller;
   a mini-qmail host installs it as bin/qmail-queue.  Prints nothing. */
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "control.h"
#include "fd.h"
#include "fmt.h"
#include "ip.h"
#include "netstring.h"
#include "scan.h"
#include "sig.h"
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
static int parseserver(const char *s, unsigned char ip[16], int *v6, unsigned long *port)
{
  unsigned char ip4[4];
  size_t n;
  char text[IP6_FMT + 1];
  *port = PORT;
  *v6 = 0;
  if (*s == '[') {
    n = str_chr(s + 1, ']');
    if (!s[1 + n] || n > IP6_FMT) return 0;
    byte_copy(text, n, s + 1);
    text[n] = 0;
    if (!n || ip6_scan(text, ip) != n) return 0;
    *v6 = 1;
    s += n + 2;
  } else if ((n = ip4_scan(s, ip4))) {
    byte_copy(ip, 4, ip4);
    s += n;
  } else {
    n = str_len(s);
    if (!n || ip6_scan(s, ip) != n) return 0;
    *v6 = 1;
    return 1;
  }
  if (*s == ':') {
    n = scan_ulong(s + 1, port);
    return n && !s[1 + n] && *port && *port <= 65535;
  }
  return !*s;
}

/* a connected socket, or -1 with *code 72 (timeout) or 73 (refused) */
static int connectto(const unsigned char *ip, int v6, unsigned long port, int *code)
{
  struct sockaddr_in sa4;
  struct sockaddr_in6 sa6;
  struct pollfd p;
  socklen_t sl;
  int s, r, err = 0;
  *code = 73;
  s = socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM, 0);
  if (s == -1) _exit(56);
  if (ndelay_on(s) == -1 || coe(s) == -1) _exit(56);
  if (v6) {
    byte_zero(&sa6, sizeof sa6);
    sa6.sin6_family = AF_INET6;
    sa6.sin6_port = htons((unsigned short)port);
    byte_copy(&sa6.sin6_addr, 16, ip);
    r = connect(s, (struct sockaddr *)&sa6, sizeof sa6);
  } else {
    byte_zero(&sa4, sizeof sa4);
    sa4.sin_family = AF_INET;
    sa4.sin_port = htons((unsigned short)port);
    byte_copy(&sa4.sin_addr, 4, ip);
    r = connect(s, (struct sockaddr *)&sa4, sizeof sa4);
  }
  if (r == -1 && errno == EINPROGRESS) {
    p.fd = s; p.events = POLLOUT; p.revents = 0;
    do r = poll(&p, 1, TIMEOUTCONNECT * 1000); while (r == -1 && errno == EINTR);
    if (r == 0) { *code = 72; close(s); return -1; }
    sl = sizeof err;
    if (r == -1 || getsockopt(s, SOL_SOCKET, SO_ERROR, &err, &sl) == -1 || err) { close(s); return -1; }
    r = 0;
  }
  if (r == -1) { close(s); return -1; }
  if (ndelay_off(s) == -1) { close(s); return -1; }
  return s;
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
  int v6, s, code = 55, r;

  sig_ignore(SIGPIPE);
  readmessage();
  readenvelope();
  if (chdir(auto_home) == -1) _exit(61);
  r = control_readfile(&servers, "control/qmqpservers");
  if (r != 1) _exit(55);
  for (i = 0; i < servers.len; i += str_len(servers.s + i) + 1) {
    if (!parseserver(servers.s + i, ip, &v6, &port)) continue;
    s = connectto(ip, v6, port, &code);
    if (s == -1) continue;
    r = exchange(s);
    close(s);
    _exit(r);
  }
  _exit(code);
}
