/* t_dns: the stub resolver against a hostile DNS server run in a child
   on 127.41.X.Y:53, X.Y from the pid (UDP and TCP; needs root, else the test only checks
   name validation).  The first label of the query picks the answer:
   compression loops, pointers and lengths out of bounds, bad label types,
   a spoofed id before the real answer, truncation then a 48 KB TCP
   answer, NXDOMAIN, SERVFAIL, CNAME chains inside and beyond the bound,
   MX names with shell characters. */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <poll.h>
#include <unistd.h>
#include "dns.h"
#include "socket.h"
#include "t.h"

static unsigned char pkt[65536];
static size_t plen;

static void put16(unsigned int u) { pkt[plen++] = (unsigned char)(u >> 8); pkt[plen++] = (unsigned char)u; }
static void putb(const void *s, size_t n) { memcpy(pkt + plen, s, n); plen += n; }
static void putname(const char *s) /* text to wire, no compression */
{
  while (*s) {
    size_t n = strcspn(s, ".");
    pkt[plen++] = (unsigned char)n; putb(s, n); s += n; if (*s) ++s;
  }
  pkt[plen++] = 0;
}
static void rr(unsigned int type, size_t rdlen) { put16(0xc00c); put16(type); put16(1); put16(0); put16(300); put16((unsigned int)rdlen); }

/* build the answer to query q (n bytes); returns 0 for "send nothing" */
static size_t answer(const unsigned char *q, size_t n, int tcp, int *spoof)
{
  char label[64];
  size_t qend = 12, i;
  unsigned int qtype;
  while (qend < n && q[qend]) qend += q[qend] + 1;
  if (qend + 5 > n) return 0;
  qtype = ((unsigned int)q[qend + 1] << 8) | q[qend + 2];
  memcpy(label, q + 13, q[12]); label[q[12]] = 0;
  plen = 0;
  putb(q, 2); put16(0x8180); put16(1); put16(0); put16(0); put16(0);
  putb(q + 12, qend + 5 - 12);
#define AN(k) (pkt[6] = (unsigned char)((k) >> 8), pkt[7] = (unsigned char)(k))
  if (!strcmp(label, "a") || !strcmp(label, "spoof")) {
    static const unsigned char ip[4] = { 192, 0, 2, 1 };
    if (qtype != 1) return plen;
    AN(1); rr(1, 4); putb(ip, 4);
    if (!strcmp(label, "spoof")) *spoof = 1;
  } else if (!strcmp(label, "loop")) {
    AN(1); put16(0xc000 | (unsigned int)plen); put16(1); put16(1); put16(0); put16(300); put16(4); putb("abcd", 4);
  } else if (!strcmp(label, "fwd")) {
    AN(1); put16(0xc000 | 4000); put16(1); put16(1); put16(0); put16(300); put16(4); putb("abcd", 4);
  } else if (!strcmp(label, "rdlen")) {
    AN(1); rr(1, 200); putb("abcd", 4);
  } else if (!strcmp(label, "label")) {
    AN(1); pkt[plen++] = 0x45; putb("abcd", 4); put16(1); put16(1); put16(0); put16(300); put16(4); putb("abcd", 4);
  } else if (!strcmp(label, "tc")) {
    if (!tcp) { pkt[2] |= 2; return plen; }
    if (qtype != 1) return plen;
    AN(3000);
    for (i = 0; i < 3000; ++i) { unsigned char ip[4] = { 10, 0, (unsigned char)(i >> 8), (unsigned char)i }; rr(1, 4); putb(ip, 4); }
  } else if (!strcmp(label, "nx")) {
    pkt[3] = 0x83;
  } else if (!strcmp(label, "sf")) {
    pkt[3] = 0x82;
  } else if (!strcmp(label, "chain") || !strcmp(label, "longchain")) {
    int k, links = !strcmp(label, "chain") ? 8 : 20;
    char nm[32];
    if (qtype != 1) return plen;
    AN(links + 1);
    rr(5, 0); /* owner = the question; rdata below */
    { size_t at = plen - 2; size_t st = plen; putname("c1.t"); pkt[at] = (unsigned char)((plen - st) >> 8); pkt[at + 1] = (unsigned char)(plen - st); }
    for (k = 1; k < links; ++k) {
      size_t at, st;
      snprintf(nm, sizeof nm, "c%d.t", k); putname(nm);
      put16(5); put16(1); put16(0); put16(300); at = plen; put16(0); st = plen;
      snprintf(nm, sizeof nm, "c%d.t", k + 1); putname(nm);
      pkt[at] = (unsigned char)((plen - st) >> 8); pkt[at + 1] = (unsigned char)(plen - st);
    }
    snprintf(nm, sizeof nm, "c%d.t", links); putname(nm);
    put16(1); put16(1); put16(0); put16(300); put16(4); putb("\xc0\x00\x02\x07", 4);
  } else if (!strcmp(label, "badmx")) {
    const char *names[3] = { "good.mx", "bad;name.mx", "sp ace.mx" };
    int k;
    if (qtype != 15) return plen;
    AN(3);
    for (k = 0; k < 3; ++k) {
      size_t at, st;
      put16(0xc00c); put16(15); put16(1); put16(0); put16(300); at = plen; put16(0); st = plen;
      put16(10); putname(names[k]);
      pkt[at] = (unsigned char)((plen - st) >> 8); pkt[at + 1] = (unsigned char)(plen - st);
    }
  } else if (!strcmp(label, "rand")) {
    /* a valid header and question, then random counts and bytes */
    unsigned int seed = ((unsigned int)q[0] << 8) | q[1], k, extra;
    srand(seed);
    pkt[3] = (unsigned char)(rand() % 4 == 0 ? 3 : 0);
    AN(rand() % 8);
    pkt[9] = (unsigned char)(rand() % 3);
    extra = (unsigned int)(rand() % 600);
    for (k = 0; k < extra; ++k) {
      int x = rand() % 10;
      pkt[plen++] = x == 0 ? 0xc0 : x == 1 ? 0 : x == 2 ? 1 : x == 3 ? 28 : (unsigned char)rand();
    }
  } else return 0;
  return plen;
}

static void server(int u, int t)
{
  unsigned char q[512];
  for (;;) {
    struct pollfd p[2];
    p[0].fd = u; p[0].events = POLLIN; p[1].fd = t; p[1].events = POLLIN;
    if (poll(p, 2, -1) <= 0) continue;
    if (p[0].revents) {
      struct sockaddr_in from;
      socklen_t fl = sizeof from;
      ssize_t r = recvfrom(u, q, sizeof q, 0, (struct sockaddr *)&from, &fl);
      int spoof = 0;
      size_t n;
      if (r <= 0) continue;
      n = answer(q, (size_t)r, 0, &spoof);
      if (!n) continue;
      if (spoof) { pkt[0] ^= 0x55; sendto(u, pkt, n, 0, (struct sockaddr *)&from, fl); pkt[0] ^= 0x55; }
      sendto(u, pkt, n, 0, (struct sockaddr *)&from, fl);
    }
    if (p[1].revents) {
      int c = accept(t, 0, 0), spoof = 0;
      unsigned char l2[2];
      size_t n, got = 0;
      if (c == -1) continue;
      while (got < 2) { ssize_t r = read(c, l2 + got, 2 - got); if (r <= 0) break; got += (size_t)r; }
      n = ((size_t)l2[0] << 8) | l2[1];
      got = 0;
      while (got < n && n <= sizeof q) { ssize_t r = read(c, q + got, n - got); if (r <= 0) break; got += (size_t)r; }
      n = answer(q, n, 1, &spoof);
      if (n) { l2[0] = (unsigned char)(n >> 8); l2[1] = (unsigned char)n; if (write(c, l2, 2) == 2 && write(c, pkt, n)) {} }
      close(c);
    }
  }
}

int main(void)
{
  stralloc out = STRALLOC_ZERO;
  struct sockaddr_in sa;
  char addr[32];
  int u, t, one = 1;
  pid_t pid;

  t_name = "invalid names";
  CHECK(dns_ip(&out, "sp ace.example", DNS_A) == DNS_NX);
  CHECK(dns_ip(&out, "a..b", DNS_A) == DNS_NX);
  CHECK(dns_ip(&out, "", DNS_A) == DNS_NX);
  CHECK(dns_mx(&out, "0123456789012345678901234567890123456789012345678901234567890123.x") == DNS_NX);
  t_name = "random";
  CHECK(dns_random(1) == 0);
  CHECK(dns_random(10) < 10);

  if (getuid() != 0) return t_done(); /* port 53 needs root */
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET; sa.sin_port = htons(53);
  snprintf(addr, sizeof addr, "127.41.%u.%u", (unsigned)(getpid() >> 8) & 255, 1 + (unsigned)getpid() % 250);
  inet_pton(AF_INET, addr, &sa.sin_addr);
  u = socket(AF_INET, SOCK_DGRAM, 0);
  t = socket(AF_INET, SOCK_STREAM, 0);
  setsockopt(t, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(u, (struct sockaddr *)&sa, sizeof sa) == -1 || bind(t, (struct sockaddr *)&sa, sizeof sa) == -1 || listen(t, 5) == -1) {
    t_name = "bind port 53"; CHECK(0); return t_done();
  }
  pid = fork();
  if (pid == 0) server(u, t);
  close(u); close(t);
  setenv("DNSCACHEIP", addr, 1);

  t_name = "plain A"; out.len = 0;
  CHECK(dns_ip(&out, "a.t", DNS_A) == 1);
  CHECK(out.len == 16 && !memcmp(out.s + 12, "\xc0\x00\x02\x01", 4));
  t_name = "spoofed id first"; out.len = 0;
  CHECK(dns_ip(&out, "spoof.t", DNS_A) == 1 && out.len == 16);
  t_name = "compression loop"; errno = 0;
  CHECK(dns_ip(&out, "loop.t", DNS_A) == -1);
  t_name = "pointer out of bounds";
  CHECK(dns_ip(&out, "fwd.t", DNS_A) == -1);
  t_name = "rdlength out of bounds";
  CHECK(dns_ip(&out, "rdlen.t", DNS_A) == -1);
  t_name = "bad label type";
  CHECK(dns_ip(&out, "label.t", DNS_A) == -1);
  t_name = "truncated, then 3000 records over TCP"; out.len = 0;
  CHECK(dns_ip(&out, "tc.t", DNS_A) == 1);
  CHECK(out.len == 3000 * 16);
  t_name = "nxdomain";
  CHECK(dns_ip(&out, "nx.t", DNS_A | DNS_AAAA) == DNS_NX);
  CHECK(dns_mx(&out, "nx.t") == DNS_NX);
  t_name = "servfail";
  CHECK(dns_mx(&out, "sf.t") == -1);
  t_name = "cname chain of 8"; out.len = 0;
  CHECK(dns_ip(&out, "chain.t", DNS_A) == 1);
  CHECK(out.len == 16 && !memcmp(out.s + 12, "\xc0\x00\x02\x07", 4));
  t_name = "cname chain of 20";
  CHECK(dns_ip(&out, "longchain.t", DNS_A) == -1);
  t_name = "mx names with shell characters dropped"; out.len = 0;
  CHECK(dns_mx(&out, "badmx.t") == 1);
  CHECK(out.len == 2 + 8 && !memcmp(out.s, "\0\12good.mx", 10));
  t_name = "no data";
  CHECK(dns_mx(&out, "a.t") == 0);
  t_name = "2000 random answers: a defined result, whole records";
  {
    int k, r, bad = 0;
    for (k = 0; k < 2000; ++k) {
      out.len = 0;
      r = k & 1 ? dns_mx(&out, "rand.t") : dns_ip(&out, "rand.t", DNS_A | DNS_AAAA);
      if (r != 1 && r != 0 && r != -1 && r != DNS_NX) ++bad;
      if (r == 1 && !(k & 1) && out.len % 16) ++bad;
      if (r == 1 && (k & 1) && (out.len < 3 || out.s[out.len - 1])) ++bad;
    }
    CHECK(bad == 0);
  }

  kill(pid, SIGTERM);
  waitpid(pid, 0, 0);
  stralloc_free(&out);
  return t_done();
}
