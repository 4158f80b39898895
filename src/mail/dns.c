/* dns.c: the stub resolver (dns.h).  Wire format per RFC 1035; one query
   at a time; UDP first, TCP when the answer is truncated. */
#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/random.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "dns.h"
#include "dnspacket.h"
#include "env.h"
#include "getln.h"
#include "ip.h"
#include "open.h"
#include "socket.h"
#include "timeoutio.h"

#define MAXSERVERS 8
#define TCPTIMEOUT 10
static const int rounds[] = { 1, 2, 4 }; /* seconds per server, per round */

static unsigned char servers[MAXSERVERS][16];
static int numservers = -1;

unsigned long dns_random(unsigned long n)
{
  unsigned long r, lim;
  if (n <= 1) return 0;
  lim = (unsigned long)-1 - ((unsigned long)-1 % n);
  for (;;) {
    if (getrandom(&r, sizeof r, 0) != (ssize_t)sizeof r) r = (unsigned long)time(0) ^ (unsigned long)getpid() * 2654435761UL;
    if (r < lim) return r % n;
  }
}

static void addserver(const char *s, size_t n)
{
  char buf[IP6_FMT + 1];
  unsigned char ip4[4];
  if (numservers >= MAXSERVERS || n >= sizeof buf) return;
  memcpy(buf, s, n); buf[n] = 0;
  if (n && ip4_scan(buf, ip4) == n) socket_ipv4(servers[numservers++], ip4);
  else if (n && ip6_scan(buf, servers[numservers]) == n) ++numservers;
}

static void readresolvconf(void)
{
  char bspace[1024];
  buffer b;
  stralloc line = STRALLOC_ZERO;
  int fd, match;
  size_t i, j;
  fd = open_read("/etc/resolv.conf");
  if (fd == -1) return;
  buffer_init(&b, buffer_unixread, fd, bspace, sizeof bspace);
  for (;;) {
    if (getln_max(&b, &line, &match, '\n', 4096) == -1) break;
    if (!line.len) break;
    if (line.len > 11 && !memcmp(line.s, "nameserver", 10) && (line.s[10] == ' ' || line.s[10] == '\t')) {
      for (i = 10; i < line.len && (line.s[i] == ' ' || line.s[i] == '\t'); ++i) ;
      for (j = i; j < line.len && line.s[j] != ' ' && line.s[j] != '\t' && line.s[j] != '\n'
           && line.s[j] != '%' && line.s[j] != '#'; ++j) ;
      addserver(line.s + i, j - i);
    }
    if (!match) break;
  }
  close(fd);
  stralloc_free(&line);
}

static void initservers(void)
{
  const char *x = env_get("DNSCACHEIP");
  size_t i, j;
  if (numservers >= 0) return;
  numservers = 0;
  if (x && *x) {
    for (i = 0; x[i]; i = j) {
      while (x[i] == ' ' || x[i] == ',' || x[i] == '\t') ++i;
      for (j = i; x[j] && x[j] != ' ' && x[j] != ',' && x[j] != '\t'; ++j) ;
      addserver(x + i, j - i);
    }
  } else readresolvconf();
  if (!numservers) { static const unsigned char lo[4] = { 127, 0, 0, 1 }; socket_ipv4(servers[0], lo); numservers = 1; }
}

static unsigned int get16(const unsigned char *p) { return ((unsigned int)p[0] << 8) | p[1]; }

static int writeall(int fd, const unsigned char *s, size_t n)
{
  while (n) {
    ssize_t w = timeoutwrite(TCPTIMEOUT, fd, (const char *)s, n);
    if (w <= 0) { if (!w) errno = EPIPE; return -1; }
    s += w; n -= (size_t)w;
  }
  return 0;
}

static int readall(int fd, unsigned char *s, size_t n)
{
  while (n) {
    ssize_t r = timeoutread(TCPTIMEOUT, fd, (char *)s, n);
    if (r <= 0) { if (!r) errno = EPROTO; return -1; }
    s += r; n -= (size_t)r;
  }
  return 0;
}

static int viatcp(stralloc *ans, const unsigned char *srv, const unsigned char *q, size_t qlen)
{
  unsigned char len2[2];
  size_t n;
  int fd = socket_tcp(srv);
  if (fd == -1) return -1;
  if (socket_connect_timeout(fd, srv, 53, TCPTIMEOUT) == -1) goto fail;
  len2[0] = (unsigned char)(qlen >> 8); len2[1] = (unsigned char)qlen;
  if (writeall(fd, len2, 2) == -1 || writeall(fd, q, qlen) == -1) goto fail;
  if (readall(fd, len2, 2) == -1) goto fail;
  n = get16(len2);
  if (!stralloc_ready(ans, n ? n : 1)) goto fail;
  if (readall(fd, (unsigned char *)ans->s, n) == -1) goto fail;
  ans->len = n;
  close(fd);
  if (!dns_matches((unsigned char *)ans->s, n, q, qlen)) { errno = EPROTO; return -1; }
  return 0;
fail:
  { int e = errno; close(fd); errno = e; }
  return -1;
}

static int udpsocket(const unsigned char *srv)
{
  unsigned char any[16];
  int fd, k;
  fd = socket_udp(srv);
  if (fd == -1) return -1;
  memset(any, 0, 16);
  if (ip6_isv4mapped(srv)) { any[10] = 0xff; any[11] = 0xff; }
  for (k = 0; k < 10; ++k)
    if (socket_bind(fd, any, 1025 + (unsigned int)dns_random(64510)) == 0) break;
  if (socket_connect(fd, srv, 53) == -1) { int e = errno; close(fd); errno = e; return -1; }
  return fd;
}

/* one UDP exchange: 1 answer in ans, 0 no (matching) answer in time, -1 error */
static int viaudp(stralloc *ans, const unsigned char *srv, const unsigned char *q, size_t qlen, int secs)
{
  struct timespec now, end;
  struct pollfd p;
  ssize_t r;
  int fd = udpsocket(srv);
  if (fd == -1) return -1;
  if (send(fd, q, qlen, 0) != (ssize_t)qlen) { close(fd); return 0; }
  if (!stralloc_ready(ans, 65536)) { close(fd); return -1; }
  clock_gettime(CLOCK_MONOTONIC, &end);
  end.tv_sec += secs;
  for (;;) {
    long ms;
    clock_gettime(CLOCK_MONOTONIC, &now);
    ms = (long)(end.tv_sec - now.tv_sec) * 1000 + (end.tv_nsec - now.tv_nsec) / 1000000;
    if (ms <= 0) break;
    p.fd = fd; p.events = POLLIN; p.revents = 0;
    if (poll(&p, 1, (int)ms) <= 0) continue;
    r = recv(fd, ans->s, 65536, 0);
    if (r <= 0) continue; /* ICMP refusals and the like: keep waiting */
    if (!dns_matches((unsigned char *)ans->s, (size_t)r, q, qlen)) continue;
    ans->len = (size_t)r;
    close(fd);
    return 1;
  }
  close(fd);
  return 0;
}

/* ask the servers; 1 = answer with rcode 0 or 3 in ans, -1 temporary */
static int ask(stralloc *ans, const unsigned char *qn, size_t qnlen, unsigned int type)
{
  unsigned char q[256 + 16];
  size_t qlen = 12 + qnlen + 4;
  unsigned int id = (unsigned int)dns_random(65536);
  int r, s;
  size_t k;
  int err = ETIMEDOUT;
  initservers();
  memset(q, 0, 12);
  q[0] = (unsigned char)(id >> 8); q[1] = (unsigned char)id;
  q[2] = 1; /* RD */
  q[5] = 1;
  memcpy(q + 12, qn, qnlen);
  q[12 + qnlen] = 0; q[13 + qnlen] = (unsigned char)type;
  q[14 + qnlen] = 0; q[15 + qnlen] = 1;
  for (k = 0; k < sizeof rounds / sizeof rounds[0]; ++k)
    for (s = 0; s < numservers; ++s) {
      unsigned int rcode;
      r = viaudp(ans, servers[s], q, qlen, rounds[k]);
      if (r == -1) { if (errno == ENOMEM) return -1; err = errno; continue; }
      if (!r) continue;
      if (ans->s[2] & 2) { /* truncated */
        if (viatcp(ans, servers[s], q, qlen) == -1) { if (errno == ENOMEM) return -1; err = errno; continue; }
      }
      rcode = (unsigned char)ans->s[3] & 15;
      if (rcode == 0 || rcode == 3) return 1;
      err = EAGAIN; /* SERVFAIL, REFUSED, ...: try the next server */
    }
  errno = err;
  return -1;
}

/* one query for name (wire) and type: see dns_parse (dnspacket.h) */
static int query(const unsigned char *qn, size_t qnlen, unsigned int type, stralloc *out,
                 unsigned char cname[256], size_t *cnamelen)
{
  stralloc ans = STRALLOC_ZERO;
  int r;
  if (ask(&ans, qn, qnlen, type) == -1) { stralloc_free(&ans); return -1; }
  r = dns_parse(out, (const unsigned char *)ans.s, ans.len, qn, qnlen, type, cname, cnamelen);
  { int e = errno; stralloc_free(&ans); errno = e; }
  return r;
}

/* the query, then again for the CNAME target, at most DNS_CNAMEMAX times */
static int lookup(const char *name, unsigned int type, stralloc *out)
{
  unsigned char qn[256], cn[256];
  size_t qnlen, cnlen;
  int hop, r;
  qnlen = dns_name_fromtext(qn, name);
  if (!qnlen) { errno = EINVAL; return DNS_NX; }
  for (hop = 0; hop <= DNS_CNAMEMAX; ++hop) {
    r = query(qn, qnlen, type, out, cn, &cnlen);
    if (r != 0 || !cnlen) return r;
    memcpy(qn, cn, cnlen); qnlen = cnlen;
  }
  errno = ELOOP;
  return -1;
}

int dns_mx(stralloc *out, const char *name)
{
  return lookup(name, DNS_T_MX, out);
}

int dns_ip(stralloc *out, const char *name, int want)
{
  int r4 = 0, r6 = 0, e = 0;
  if (want & DNS_A) { r4 = lookup(name, DNS_T_A, out); if (r4 == -1) e = errno; }
  if (want & DNS_AAAA) { r6 = lookup(name, DNS_T_AAAA, out); if (r6 == -1 && !e) e = errno; }
  if (r4 == 1 || r6 == 1) return 1;
  if (r4 == -1 || r6 == -1) { errno = e; return -1; }
  if (r4 == DNS_NX || r6 == DNS_NX) return DNS_NX;
  return 0;
}
