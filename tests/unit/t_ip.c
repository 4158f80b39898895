/* t_ip: tables of valid and invalid IPv4 and IPv6 texts, the binary each
   valid one means (checked against inet_pton), RFC 5952 output, and
   round trips of formatted text. */
#include <arpa/inet.h>
#include <stdlib.h>
#include "ip.h"
#include "t.h"

struct v4 { const char *label, *in; size_t len; const char *fmt; };
static const struct v4 v4s[] = {
  { "zero", "0.0.0.0", 7, "0.0.0.0" },
  { "max", "255.255.255.255", 15, "255.255.255.255" },
  { "loopback", "127.0.0.1", 9, "127.0.0.1" },
  { "stops at text", "10.1.2.3:rest", 8, "10.1.2.3" },
  { "stops at space", "1.2.3.4 5", 7, "1.2.3.4" },
  { "fifth part is the caller's", "1.2.3.4.5", 7, "1.2.3.4" },
  { "256", "1.2.3.256", 0, 0 },
  { "999", "999.1.1.1", 0, 0 },
  { "leading zero", "01.2.3.4", 0, 0 },
  { "leading zeros", "1.2.3.004", 0, 0 },
  { "four digits", "1.2.3.0004", 0, 0 },
  { "three parts", "1.2.3", 0, 0 },
  { "empty part", "1..2.3", 0, 0 },
  { "trailing dot", "1.2.3.", 0, 0 },
  { "sign", "+1.2.3.4", 0, 0 },
  { "empty", "", 0, 0 },
  { "hex", "0x1.2.3.4", 0, 0 },
  { "space first", " 1.2.3.4", 0, 0 },
};

struct v6 { const char *label, *in; size_t len; const char *fmt; };
static const struct v6 v6s[] = {
  { "unspecified", "::", 2, "::" },
  { "loopback", "::1", 3, "::1" },
  { "full", "2001:db8:0:0:1:0:0:1", 20, "2001:db8::1:0:0:1" },
  { "leading zeros", "2001:0db8:0000:0000:0000:0000:0002:0001", 39, "2001:db8::2:1" },
  { "upper case", "2001:DB8::A", 11, "2001:db8::a" },
  { "one zero group not shortened", "2001:db8:0:1:1:1:1:1", 20, "2001:db8:0:1:1:1:1:1" },
  { "first of equal runs", "2001:0:0:1:0:0:1:1", 18, "2001::1:0:0:1:1" },
  { "longest run wins", "1:0:0:2:0:0:0:3", 15, "1:0:0:2::3" },
  { "trailing ::", "1::", 3, "1::" },
  { "seven then ::", "1:2:3:4:5:6:7::", 15, "1:2:3:4:5:6:7:0" },
  { ":: then seven", "::2:3:4:5:6:7:8", 15, "0:2:3:4:5:6:7:8" },
  { "all ones", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 39, "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff" },
  { "v4-mapped", "::ffff:192.0.2.1", 16, "::ffff:192.0.2.1" },
  { "v4-mapped long form", "0:0:0:0:0:FFFF:192.0.2.1", 24, "::ffff:192.0.2.1" },
  { "v4-mapped in hex", "::ffff:c000:201", 15, "::ffff:192.0.2.1" },
  { "v4-compatible", "::1.2.3.4", 9, "::102:304" },
  { "v4 after six groups", "1:2:3:4:5:6:1.2.3.4", 19, "1:2:3:4:5:6:102:304" },
  { "zone left to the caller", "fe80::1%eth0", 7, "fe80::1" },
  { "bracket left to the caller", "::1]:25", 3, "::1" },
  { "link local", "fe80::", 6, "fe80::" },
  { "triple colon", ":::", 0, 0 },
  { "triple colon inside", "1:::2", 0, 0 },
  { "two ::", "1::2::3", 0, 0 },
  { "lone leading colon", ":1::2", 0, 0 },
  { "lone trailing colon", "1::2:", 0, 0 },
  { "lone trailing colon, full", "1:2:3:4:5:6:7:8:", 0, 0 },
  { "five hex digits", "12345::", 0, 0 },
  { "nine groups", "1:2:3:4:5:6:7:8:9", 0, 0 },
  { "seven groups", "1:2:3:4:5:6:7", 0, 0 },
  { ":: for nothing", "1:2:3:4::5:6:7:8", 0, 0 },
  { "v4 too late", "1:2:3:4:5:6:7:1.2.3.4", 0, 0 },
  { "v4 with :: and no room", "1:2:3:4:5:6::1.2.3.4", 0, 0 },
  { "v4 not last", "::1.2.3.4:1", 0, 0 },
  { "v4 bad", "::ffff:1.2.3.256", 0, 0 },
  { "v4 short", "::ffff:1.2.3", 0, 0 },
  { "hex in v4", "::ffff:a.2.3.4", 0, 0 },
  { "v4 extra part", "::1.2.3.4.5", 0, 0 },
  { "not hex", "g::", 0, 0 },
  { "empty", "", 0, 0 },
  { "single colon", ":", 0, 0 },
  { "v4 alone", "1.2.3.4", 0, 0 },
};

int main(void)
{
  size_t i, n;
  char s[IP6_FMT + 8];
  unsigned char ip[16], sys[16], back[16];

  for (i = 0; i < sizeof v4s / sizeof v4s[0]; ++i) {
    t_name = v4s[i].label;
    memset(ip, 0xee, sizeof ip);
    n = ip4_scan(v4s[i].in, ip);
    CHECK(n == v4s[i].len);
    if (!v4s[i].fmt) { CHECK(ip[0] == 0xee); continue; } /* untouched on failure */
    n = ip4_fmt(s, ip);
    CHECK(n == strlen(v4s[i].fmt) && n < IP4_FMT);
    CHECK(ip4_fmt(0, ip) == n);
    s[n] = 0;
    CHECKSTR(s, v4s[i].fmt);
    CHECK(inet_pton(AF_INET, s, sys) == 1 && !memcmp(sys, ip, 4));
  }

  for (i = 0; i < sizeof v6s / sizeof v6s[0]; ++i) {
    t_name = v6s[i].label;
    memset(ip, 0xee, sizeof ip);
    n = ip6_scan(v6s[i].in, ip);
    CHECK(n == v6s[i].len);
    if (!v6s[i].fmt) {
      char *cut = strdup(v6s[i].in);
      CHECK(ip[0] == 0xee);
      /* what we refuse, the C library refuses too */
      if (!strchr(cut, '%')) CHECK(inet_pton(AF_INET6, cut, sys) != 1);
      free(cut);
      continue;
    }
    {
      char *cut = strndup(v6s[i].in, n);
      CHECK(inet_pton(AF_INET6, cut, sys) == 1 && !memcmp(sys, ip, 16));
      free(cut);
    }
    n = ip6_fmt(s, ip);
    CHECK(n == strlen(v6s[i].fmt) && n < IP6_FMT);
    CHECK(ip6_fmt(0, ip) == n);
    s[n] = 0;
    CHECKSTR(s, v6s[i].fmt);
    CHECK(ip6_scan(s, back) == n && !memcmp(back, ip, 16));
  }

  t_name = "v4mapped";
  CHECK(ip6_scan("::ffff:1.2.3.4", ip) && ip6_isv4mapped(ip));
  CHECK(ip6_scan("::1.2.3.4", ip) && !ip6_isv4mapped(ip));
  CHECK(ip6_scan("1::ffff:1.2.3.4", ip) && !ip6_isv4mapped(ip));

  t_name = "random round trips";
  {
    unsigned long seed = 99;
    int round;
    char sysbuf[INET6_ADDRSTRLEN];
    for (round = 0; round < 20000; ++round) {
      int k;
      for (k = 0; k < 16; ++k) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        /* mostly zero bytes, so runs of zero groups are common */
        ip[k] = (seed >> 40) % 3 ? 0 : (unsigned char)(seed >> 50);
      }
      if (round % 7 == 0) { memset(ip, 0, 10); ip[10] = ip[11] = 255; }
      n = ip6_fmt(s, ip);
      s[n] = 0;
      if (!(ip6_scan(s, back) == n && !memcmp(back, ip, 16))) break;
      /* glibc writes RFC 5952 text too, except that it also prints the
         deprecated IPv4-compatible ::a.b.c.d form (we print hex there) */
      for (k = 0; k < 12 && !ip[k]; ++k) ;
      if (k < 12 && (!inet_ntop(AF_INET6, ip, sysbuf, sizeof sysbuf) || strcmp(sysbuf, s))) break;
      n = ip4_fmt(s, ip + 12);
      s[n] = 0;
      if (!(ip4_scan(s, back) == n && !memcmp(back, ip + 12, 4))) break;
    }
    CHECK(round == 20000);
    if (round != 20000) fprintf(stderr, "round %d: %s\n", round, s);
  }
  return t_done();
}
