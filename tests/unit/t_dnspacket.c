/* t_dnspacket: the resolver's answer parser on packets built here:
   MX (compressed, uppercase, null MX, bad characters, short data), A and
   AAAA (wrong sizes, other classes), CNAME chains in any order, at and
   past DNS_CNAMEMAX links, loops, NXDOMAIN; malformed packets: forward
   and self pointers, pointers and lengths out of bounds, label types 64
   and 128, names over 255 bytes, more answers counted than present,
   truncated headers; answer matching (id, QR, question); text names. */
#include <errno.h>
#include "dnspacket.h"
#include "t.h"

static unsigned char pkt[4096];
static size_t plen;

static void put16(unsigned int u) { pkt[plen++] = (unsigned char)(u >> 8); pkt[plen++] = (unsigned char)u; }
static void putb(const void *s, size_t n) { memcpy(pkt + plen, s, n); plen += n; }
static void putname(const char *s) /* text to wire, uncompressed; "." is the root */
{
  while (*s && *s != '.') {
    size_t n = strcspn(s, ".");
    pkt[plen++] = (unsigned char)n; putb(s, n); s += n; if (*s) ++s;
  }
  pkt[plen++] = 0;
}
/* header (id 0x1234, QR RD RA, rcode) and the question qname/type */
static void start(unsigned int rcode, unsigned int an, const char *qname, unsigned int type)
{
  plen = 0;
  put16(0x1234); put16(0x8180 | rcode); put16(1); put16(an); put16(0); put16(0);
  putname(qname); put16(type); put16(1);
}
static void rrhead(unsigned int type, unsigned int class, size_t rdlen) { put16(type); put16(class); put16(0); put16(300); put16((unsigned int)rdlen); }
static void rrname(const char *owner, unsigned int type, const char *target) /* owner and target uncompressed */
{
  unsigned char w[256];
  size_t n = dns_name_fromtext(w, target);
  putname(owner); rrhead(type, 1, n); putb(w, n);
}
static void rra(const char *owner, unsigned char last) { putname(owner); rrhead(DNS_T_A, 1, 4); pkt[plen++] = 10; pkt[plen++] = 0; pkt[plen++] = 0; pkt[plen++] = last; }

static stralloc out = STRALLOC_ZERO;
static unsigned char cn[256];
static size_t cnlen;

static int parse(const char *qname, unsigned int type)
{
  unsigned char qn[256];
  size_t qnlen = dns_name_fromtext(qn, qname);
  out.len = 0; cnlen = 99; errno = 0;
  return dns_parse(&out, pkt, plen, qn, qnlen, type, cn, &cnlen);
}

static void t_mx(void)
{
  t_name = "mx";
  start(0, 6, "example.com", DNS_T_MX);
  put16(0xc00c); rrhead(DNS_T_MX, 1, 7); put16(10); pkt[plen++] = 2; putb("mx", 2); put16(0xc00c); /* mx.example.com */
  put16(0xc00c); rrhead(DNS_T_MX, 1, 15); put16(20); putname("MX2.Exa_m-1"); /* uppercase, '_' and '-' */
  put16(0xc00c); rrhead(DNS_T_MX, 1, 7); put16(30); putname("a b"); /* dropped: space */
  put16(0xc00c); rrhead(DNS_T_MX, 1, 3); put16(0); pkt[plen++] = 0; /* null MX */
  put16(0xc00c); rrhead(DNS_T_MX, 1, 2); put16(5); /* dropped: no name */
  put16(0xc00c); rrhead(DNS_T_MX, 1, 6); put16(40); putname("x"); pkt[plen++] = 0; /* dropped: data longer than the name */
  CHECK(parse("example.com", DNS_T_MX) == 1);
  CHECK(out.len == 2 + 15 + 2 + 12 + 2 + 1);
  CHECKMEM(out.s, out.len, "\0\12mx.example.com\0\0\24mx2.exa_m-1\0\0\0\0");
  CHECK(cnlen == 0);
  CHECK(parse("EXAMPLE.com.", DNS_T_MX) == 1 && out.len == 34);
  CHECK(parse("example.org", DNS_T_MX) == 0 && out.len == 0 && cnlen == 0);
  CHECK(parse("example.com", DNS_T_A) == 0 && out.len == 0);
}

static void t_addr(void)
{
  static const unsigned char v6[16] = { 0x20, 1, 0xd, 0xb8, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 };
  t_name = "a";
  start(0, 5, "mx.example.com", DNS_T_A);
  rra("mx.example.com", 1);
  put16(0xc00c); rrhead(DNS_T_A, 1, 4); putb("\12\0\0\2", 4);
  put16(0xc00c); rrhead(DNS_T_A, 3, 4); putb("\12\0\0\3", 4); /* class CH: ignored */
  put16(0xc00c); rrhead(DNS_T_A, 1, 5); putb("\12\0\0\4\5", 5); /* wrong size */
  put16(0xc00c); rrhead(DNS_T_AAAA, 1, 16); putb(v6, 16);
  CHECK(parse("mx.example.com", DNS_T_A) == 1);
  CHECK(out.len == 32);
  CHECKMEM(out.s, 32, "\0\0\0\0\0\0\0\0\0\0\377\377\12\0\0\1\0\0\0\0\0\0\0\0\0\0\377\377\12\0\0\2");
  t_name = "aaaa";
  CHECK(parse("mx.example.com", DNS_T_AAAA) == 1 && out.len == 16);
  CHECKMEM(out.s, 16, v6);
  t_name = "aaaa short";
  start(0, 1, "mx.example.com", DNS_T_AAAA);
  put16(0xc00c); rrhead(DNS_T_AAAA, 1, 4); putb("\12\0\0\4", 4);
  CHECK(parse("mx.example.com", DNS_T_AAAA) == 0 && out.len == 0);
}

static void t_cname(void)
{
  int i;
  char a[8], b[8];
  size_t tpos;
  t_name = "cname chain, records first";
  start(0, 3, "www.example.com", DNS_T_A);
  rra("b.example.org", 9);
  rrname("a.example.net", DNS_T_CNAME, "B.example.org");
  rrname("www.example.com", DNS_T_CNAME, "a.example.net");
  CHECK(parse("www.example.com", DNS_T_A) == 1 && out.len == 16 && out.s[15] == 9 && cnlen == 0);
  CHECK(parse("a.example.net", DNS_T_A) == 1 && out.len == 16);
  t_name = "cname chain, no records";
  start(0, 2, "www.example.com", DNS_T_MX);
  rrname("www.example.com", DNS_T_CNAME, "a.example.net");
  tpos = plen - 15; /* a.example.net -> b.example.net, compressed */
  put16(0xc000 | (unsigned int)tpos); rrhead(DNS_T_CNAME, 1, 4); putb("\1b", 2); put16(0xc000 | (unsigned int)(tpos + 2));
  CHECK(parse("www.example.com", DNS_T_MX) == 0 && out.len == 0);
  CHECK(cnlen == 15 && !memcmp(cn, "\1b\7example\3net", 15));
  t_name = "cname nxdomain";
  pkt[3] |= 3;
  CHECK(parse("www.example.com", DNS_T_MX) == DNS_NX);
  t_name = "cname loop";
  start(0, 2, "a.example", DNS_T_A);
  rrname("a.example", DNS_T_CNAME, "b.example");
  rrname("b.example", DNS_T_CNAME, "a.example");
  CHECK(parse("a.example", DNS_T_A) == -1 && errno == ELOOP);
  for (i = DNS_CNAMEMAX; i <= DNS_CNAMEMAX + 1; ++i) {
    int k;
    t_name = i == DNS_CNAMEMAX ? "cname max" : "cname max+1";
    start(0, (unsigned int)i + 1, "c0", DNS_T_A);
    for (k = 0; k < i; ++k) {
      a[0] = 'c'; a[1] = (char)('0' + k); a[2] = 0;
      b[0] = 'c'; b[1] = (char)('0' + k + 1); b[2] = 0;
      rrname(a, DNS_T_CNAME, b);
    }
    rra(b, 7);
    if (i == DNS_CNAMEMAX) CHECK(parse("c0", DNS_T_A) == 1 && out.len == 16 && out.s[15] == 7);
    else CHECK(parse("c0", DNS_T_A) == -1 && errno == ELOOP);
  }
}

static void t_nx(void)
{
  t_name = "nx";
  start(3, 0, "nope.example", DNS_T_A);
  CHECK(parse("nope.example", DNS_T_A) == DNS_NX);
  t_name = "nodata";
  start(0, 0, "nope.example", DNS_T_A);
  CHECK(parse("nope.example", DNS_T_A) == 0 && cnlen == 0);
  t_name = "other type";
  CHECK(parse("nope.example", DNS_T_CNAME) == -1 && errno == EINVAL);
}

static void bad(const char *name, const char *qname)
{
  t_name = name;
  CHECK(parse(qname, DNS_T_A) == -1 && errno == EPROTO);
}

static void t_malformed(void)
{
  size_t i;
  start(0, 1, "x.example", DNS_T_A);
  put16(0xc000 | 40); rrhead(DNS_T_A, 1, 4); putb("\1\2\3\4", 4);
  bad("forward pointer", "x.example");
  pkt[12 + 11 + 4] = 0xc0; pkt[12 + 11 + 5] = 12 + 11 + 4;
  bad("self pointer", "x.example");
  pkt[12 + 11 + 4] = 0xff; pkt[12 + 11 + 5] = 0xff;
  bad("pointer out of bounds", "x.example");
  pkt[12 + 11 + 4] = 0x40; bad("label type 64", "x.example");
  pkt[12 + 11 + 4] = 0x80; bad("label type 128", "x.example");
  start(0, 1, "x.example", DNS_T_A);
  put16(0xc00c); rrhead(DNS_T_A, 1, 4); putb("\1\2\3", 3);
  bad("data out of bounds", "x.example");
  plen -= 5; bad("record header out of bounds", "x.example");
  start(0, 2, "x.example", DNS_T_A);
  rra("x.example", 1);
  bad("fewer answers than counted", "x.example");
  start(0, 1, "x.example", DNS_T_A);
  pkt[plen++] = 20; putb("abc", 3);
  bad("label out of bounds", "x.example");
  for (i = 0; i < 12; ++i) { plen = i; t_name = "short header"; CHECK(parse("x.example", DNS_T_A) == -1 && errno == EPROTO); }
  /* a name of 4 labels of 63 bytes (257 in wire form) made of pointers
     into the data of a first record; pointing one piece lower (193) is fine */
  for (i = 0; i < 2; ++i) {
    size_t p0, p1, p2;
    start(0, 2, "x.example", DNS_T_A);
    put16(0xc00c); rrhead(16, 1, 65 + 66 + 66);
    p0 = plen; pkt[plen++] = 63; memset(pkt + plen, 'a', 63); plen += 63; pkt[plen++] = 0;
    p1 = plen; pkt[plen++] = 63; memset(pkt + plen, 'b', 63); plen += 63; put16(0xc000 | (unsigned int)p0);
    p2 = plen; pkt[plen++] = 63; memset(pkt + plen, 'c', 63); plen += 63; put16(0xc000 | (unsigned int)p1);
    pkt[plen++] = 63; memset(pkt + plen, 'd', 63); plen += 63; put16(0xc000 | (unsigned int)(i ? p1 : p2));
    rrhead(DNS_T_A, 1, 4); putb("\1\2\3\4", 4);
    if (!i) bad("name over 255 bytes", "x.example");
    else { t_name = "name of 193 bytes"; CHECK(parse("x.example", DNS_T_A) == 0); }
  }
}

static void t_matches(void)
{
  unsigned char q[300];
  size_t qlen;
  t_name = "matches";
  memset(q, 0, 12); q[0] = 0x12; q[1] = 0x34; q[2] = 1; q[5] = 1;
  qlen = 12 + dns_name_fromtext(q + 12, "Example.com");
  q[qlen++] = 0; q[qlen++] = DNS_T_MX; q[qlen++] = 0; q[qlen++] = 1;
  start(0, 0, "example.COM", DNS_T_MX);
  CHECK(dns_matches(pkt, plen, q, qlen) == 1);
  CHECK(dns_matches(pkt, plen - 1, q, qlen) == 0);
  CHECK(dns_matches(pkt, 11, q, qlen) == 0);
  CHECK(dns_matches(pkt, plen, q, 12) == 0);
  pkt[1] ^= 1; CHECK(dns_matches(pkt, plen, q, qlen) == 0); pkt[1] ^= 1;
  pkt[2] &= 0x7f; CHECK(dns_matches(pkt, plen, q, qlen) == 0); pkt[2] |= 0x80;
  pkt[5] = 2; CHECK(dns_matches(pkt, plen, q, qlen) == 0); pkt[5] = 1;
  pkt[plen - 3] = DNS_T_A; CHECK(dns_matches(pkt, plen, q, qlen) == 0); pkt[plen - 3] = DNS_T_MX;
  pkt[13] = 'f'; CHECK(dns_matches(pkt, plen, q, qlen) == 0);
}

static void t_names(void)
{
  unsigned char w[256];
  char big[300];
  t_name = "names";
  CHECK(dns_name_fromtext(w, "example.com") == 13 && !memcmp(w, "\7example\3com", 13));
  CHECK(dns_name_fromtext(w, "example.com.") == 13);
  CHECK(dns_name_fromtext(w, "") == 0);
  CHECK(dns_name_fromtext(w, ".") == 0);
  CHECK(dns_name_fromtext(w, "a..b") == 0);
  CHECK(dns_name_fromtext(w, "a b") == 0);
  CHECK(dns_name_fromtext(w, "a\177") == 0);
  memset(big, 'a', 63); big[63] = 0;
  CHECK(dns_name_fromtext(w, big) == 65);
  big[63] = 'a'; big[64] = 0;
  CHECK(dns_name_fromtext(w, big) == 0);
  memset(big, 'a', 253); big[253] = 0;
  for (size_t i = 63; i < 253; i += 64) big[i] = '.';
  CHECK(dns_name_fromtext(w, big) == 255);
  big[253] = 'a'; big[254] = 0;
  CHECK(dns_name_fromtext(w, big) == 0);
}

int main(void)
{
  t_mx();
  t_addr();
  t_cname();
  t_nx();
  t_malformed();
  t_matches();
  t_names();
  stralloc_free(&out);
  return t_done();
}
