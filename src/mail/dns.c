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
#include "env.h"
#include "getln.h"
#include "ip.h"
#include "open.h"
#include "socket.h"
#include "timeoutio.h"

#define T_A 1
#define T_CNAME 5
#define T_MX 15
#define T_AAAA 28
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

/* text to wire form; 0 when not a valid name */
static size_t name_fromtext(unsigned char out[256], const char *s)
{
  size_t n = 0, start;
  for (;;) {
    if (!*s) break;
    start = n++;
    while (*s && *s != '.') {
      if (n >= 255 || (unsigned char)*s <= 32 || (unsigned char)*s >= 127) return 0;
      out[n++] = (unsigned char)*s++;
    }
    if (n - start - 1 == 0 || n - start - 1 > 63) return 0;
    out[start] = (unsigned char)(n - start - 1);
    if (*s == '.') ++s;
  }
  if (!n) return 0;
  out[n++] = 0;
  return n;
}

/* wire name at pos in b[0..len) into out (uncompressed); *next is the
   position after the name in the record.  0 on any malformation. */
static int getname(const unsigned char *b, size_t len, size_t pos, unsigned char out[256], size_t *outlen, size_t *next)
{
  size_t n = 0, to;
  int jumped = 0, jumps = 0;
  for (;;) {
    unsigned int c;
    if (pos >= len) return 0;
    c = b[pos];
    if (c >= 192) {
      if (pos + 1 >= len || ++jumps > 64) return 0;
      to = ((size_t)(c & 63) << 8) | b[pos + 1];
      if (to >= pos) return 0; /* only backwards: no loops */
      if (!jumped) { *next = pos + 2; jumped = 1; }
      pos = to;
      continue;
    }
    if (c >= 64) return 0;
    if (pos + 1 + c > len || n + 1 + c > 255) return 0;
    memcpy(out + n, b + pos, c + 1);
    n += c + 1;
    pos += c + 1;
    if (!c) break;
  }
  if (!jumped) *next = pos;
  *outlen = n;
  return 1;
}

static int name_equal(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
  size_t i;
  if (alen != blen) return 0;
  for (i = 0; i < alen; ++i) {
    unsigned char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return 0;
  }
  return 1;
}

static unsigned int get16(const unsigned char *p) { return ((unsigned int)p[0] << 8) | p[1]; }

/* the answer must carry our id, QR set, one question equal to ours */
static int matches(const unsigned char *a, size_t alen, const unsigned char *q, size_t qlen)
{
  unsigned char nm[256];
  size_t nlen, next;
  if (alen < 12 || qlen < 12) return 0;
  if (a[0] != q[0] || a[1] != q[1] || !(a[2] & 128)) return 0;
  if (get16(a + 4) != 1) return 0;
  if (!getname(a, alen, 12, nm, &nlen, &next)) return 0;
  if (!name_equal(nm, nlen, q + 12, qlen - 16)) return 0;
  if (next + 4 > alen || memcmp(a + next, q + qlen - 4, 4)) return 0;
  return 1;
}

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
  if (!matches((unsigned char *)ans->s, n, q, qlen)) { errno = EPROTO; return -1; }
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
    if (!matches((unsigned char *)ans->s, (size_t)r, q, qlen)) continue;
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

/* one query for name (wire) and type: records of type owned by the end of
   the CNAME chain inside the answer are handed to take(); *cname gets the
   chain's end when it differs from the name and no records were found. */
typedef int (*taker)(void *out, const unsigned char *b, size_t len, size_t rd, size_t rdlen);

static int query(const unsigned char *qn, size_t qnlen, unsigned int type, taker take, void *out,
                 unsigned char cname[256], size_t *cnamelen)
{
  stralloc ans = STRALLOC_ZERO;
  unsigned char want[256], owner[256], tmp[256];
  size_t wantlen, olen, tlen, pos, next, i, n, an, rd, rdlen;
  unsigned int t;
  int found = 0, hops, changed, r;
  const unsigned char *b;
  if (ask(&ans, qn, qnlen, type) == -1) { stralloc_free(&ans); return -1; }
  b = (const unsigned char *)ans.s; n = ans.len;
  memcpy(want, qn, qnlen); wantlen = qnlen;
  an = get16(b + 6);
  if (!getname(b, n, 12, tmp, &tlen, &pos)) goto bad;
  pos += 4;
  /* follow CNAMEs inside the answer */
  for (hops = 0, changed = 1; changed && hops <= DNS_CNAMEMAX; ++hops) {
    size_t p = pos;
    changed = 0;
    for (i = 0; i < an; ++i) {
      if (!getname(b, n, p, owner, &olen, &next) || next + 10 > n) goto bad;
      t = get16(b + next); rdlen = get16(b + next + 8); rd = next + 10;
      if (rd + rdlen > n) goto bad;
      if (t == T_CNAME && type != T_CNAME && name_equal(owner, olen, want, wantlen)) {
        if (!getname(b, n, rd, tmp, &tlen, &next)) goto bad;
        memcpy(want, tmp, tlen); wantlen = tlen; changed = 1;
        break;
      }
      p = rd + rdlen;
    }
  }
  if (changed) { errno = ELOOP; goto bad; }
  for (i = 0; i < an; ++i) {
    if (!getname(b, n, pos, owner, &olen, &next) || next + 10 > n) goto bad;
    t = get16(b + next); rdlen = get16(b + next + 8); rd = next + 10;
    if (rd + rdlen > n) goto bad;
    if (t == type && get16(b + next + 2) == 1 && name_equal(owner, olen, want, wantlen)) {
      r = take(out, b, n, rd, rdlen);
      if (r == -1) { stralloc_free(&ans); return -1; }
      found += r;
    }
    pos = rd + rdlen;
  }
  if (!found && ((unsigned char)b[3] & 15) == 3) { stralloc_free(&ans); return DNS_NX; }
  *cnamelen = 0;
  if (!found && !name_equal(want, wantlen, qn, qnlen)) { memcpy(cname, want, wantlen); *cnamelen = wantlen; }
  stralloc_free(&ans);
  return found ? 1 : 0;
bad:
  if (errno != ELOOP) errno = EPROTO;
  stralloc_free(&ans);
  return -1;
}

/* the query, then again for the CNAME target, at most DNS_CNAMEMAX times */
static int lookup(const char *name, unsigned int type, taker take, void *out)
{
  unsigned char qn[256], cn[256];
  size_t qnlen, cnlen;
  int hop, r;
  qnlen = name_fromtext(qn, name);
  if (!qnlen) { errno = EINVAL; return DNS_NX; }
  for (hop = 0; hop <= DNS_CNAMEMAX; ++hop) {
    r = query(qn, qnlen, type, take, out, cn, &cnlen);
    if (r != 0 || !cnlen) return r;
    memcpy(qn, cn, cnlen); qnlen = cnlen;
  }
  errno = ELOOP;
  return -1;
}

static int take_mx(void *out, const unsigned char *b, size_t len, size_t rd, size_t rdlen)
{
  stralloc *sa = out;
  unsigned char nm[256];
  size_t nlen, next, i;
  char text[256];
  size_t tl = 0;
  if (rdlen < 3) return 0;
  if (!getname(b, len, rd + 2, nm, &nlen, &next) || next != rd + rdlen) return 0;
  for (i = 0; nm[i]; i += nm[i] + 1) {
    size_t k;
    if (tl) text[tl++] = '.';
    for (k = 1; k <= nm[i]; ++k) {
      unsigned char c = nm[i + k];
      if (c >= 'A' && c <= 'Z') c += 32;
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return 0;
      text[tl++] = (char)c;
    }
  }
  if (!stralloc_catb(sa, (const char *)b + rd, 2) || !stralloc_catb(sa, text, tl) || !stralloc_0(sa)) return -1;
  return 1;
}

static int take_a(void *out, const unsigned char *b, size_t len, size_t rd, size_t rdlen)
{
  unsigned char ip[16];
  (void)len;
  if (rdlen != 4) return 0;
  socket_ipv4(ip, b + rd);
  return stralloc_catb(out, (char *)ip, 16) ? 1 : -1;
}

static int take_aaaa(void *out, const unsigned char *b, size_t len, size_t rd, size_t rdlen)
{
  (void)len;
  if (rdlen != 16) return 0;
  return stralloc_catb(out, (const char *)b + rd, 16) ? 1 : -1;
}

int dns_mx(stralloc *out, const char *name)
{
  return lookup(name, T_MX, take_mx, out);
}

int dns_ip(stralloc *out, const char *name, int want)
{
  int r4 = 0, r6 = 0, e = 0;
  if (want & DNS_A) { r4 = lookup(name, T_A, take_a, out); if (r4 == -1) e = errno; }
  if (want & DNS_AAAA) { r6 = lookup(name, T_AAAA, take_aaaa, out); if (r6 == -1 && !e) e = errno; }
  if (r4 == 1 || r6 == 1) return 1;
  if (r4 == -1 || r6 == -1) { errno = e; return -1; }
  if (r4 == DNS_NX || r6 == DNS_NX) return DNS_NX;
  return 0;
}
