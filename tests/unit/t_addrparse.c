/* t_addrparse: a table of MAIL/RCPT arguments (brackets, no brackets,
   source routes, quotes, escapes, parameters) and the refusals the header
   promises (missing '>' or ':', open quote, route without ':', control
   bytes, longer than ADDRPARSE_MAX); SIZE= values up to and past
   ULONG_MAX; address literals; then 200000 random and mutated arguments
   checked against the invariants (result in {-1,0,1}; on 1 the address
   has no control byte, is at most ADDRPARSE_MAX, paramoff <= len). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include "addrparse.h"
#include "t.h"

struct c { const char *label, *arg; int r; const char *addr; const char *params; };
static const struct c cases[] = {
  { "plain", "FROM:<a@b.example>", 1, "a@b.example", "" },
  { "space before <", "FROM: <a@b.example>", 1, "a@b.example", "" },
  { "null sender", "FROM:<>", 1, "", "" },
  { "params", "FROM:<a@b> SIZE=100 BODY=8BITMIME", 1, "a@b", " SIZE=100 BODY=8BITMIME" },
  { "no brackets", "TO:a@b.example", 1, "a@b.example", "" },
  { "no brackets, spaces", "TO:   a@b.example rest", 1, "a@b.example", " rest" },
  { "route dropped", "TO:<@r1.example,@r2.example:a@b>", 1, "a@b", "" },
  { "quoted local part", "TO:<\"a b\"@c>", 1, "a b@c", "" },
  { "quoted >", "TO:<\"a>b\"@c>", 1, "a>b@c", "" },
  { "escape", "TO:<a\\>b@c>", 1, "a>b@c", "" },
  { "postmaster", "TO:<postmaster>", 1, "postmaster", "" },
  { "missing >", "TO:<a@b", 0, 0, 0 },
  { "missing :", "TO a@b", 0, 0, 0 },
  { "open quote", "TO:<\"a@b>", 0, 0, 0 },
  { "route without :", "TO:<@r1,a@b>", 0, 0, 0 },
  { "escape at end", "TO:<a\\", 0, 0, 0 },
  { "tab byte", "TO:<a\tb@c>", 0, 0, 0 },
  { "DEL byte", "TO:<a\177b@c>", 0, 0, 0 },
  { "escaped CR", "TO:<a\\\rb@c>", 0, 0, 0 },
  { "empty", "", 0, 0, 0 },
};

static unsigned long seed = 1;
static unsigned long rnd(void) { seed = seed * 6364136223846793005ul + 1442695040888963407ul; return seed >> 33; }

int main(void)
{
  stralloc a = STRALLOC_ZERO;
  size_t i, off;
  unsigned long size;
  int r;

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    size_t len = strlen(cases[i].arg);
    t_name = cases[i].label;
    errno = 0;
    off = 12345;
    r = addrparse(cases[i].arg, len, &a, &off);
    CHECK(r == cases[i].r);
    if (r == 1) {
      CHECK(a.len == strlen(cases[i].addr) && !memcmp(a.s, cases[i].addr, a.len));
      CHECK(off <= len && !strcmp(cases[i].arg + off, cases[i].params));
    } else
      CHECK(errno == EINVAL);
  }

  t_name = "NUL inside";
  CHECK(addrparse("TO:<a\0b>", 8, &a, &off) == 0);

  t_name = "length limit";
  {
    char arg[ADDRPARSE_MAX + 20];
    memcpy(arg, "TO:<", 4);
    memset(arg + 4, 'x', ADDRPARSE_MAX);
    arg[4 + ADDRPARSE_MAX] = '>';
    CHECK(addrparse(arg, 5 + ADDRPARSE_MAX, &a, &off) == 1 && a.len == ADDRPARSE_MAX);
    arg[4 + ADDRPARSE_MAX] = 'x';
    arg[5 + ADDRPARSE_MAX] = '>';
    CHECK(addrparse(arg, 6 + ADDRPARSE_MAX, &a, &off) == 0 && errno == EINVAL);
  }

  t_name = "SIZE";
  CHECK(addrparse_size(" SIZE=100", 9, &size) == 1 && size == 100);
  CHECK(addrparse_size("body=8bitmime size=0", 20, &size) == 1 && size == 0);
  CHECK(addrparse_size("", 0, &size) == 0);
  CHECK(addrparse_size(" BODY=7BIT", 10, &size) == 0);
  CHECK(addrparse_size(" SIZE=", 6, &size) == -1 && errno == EINVAL);
  CHECK(addrparse_size(" SIZE=12a", 9, &size) == -1);
  CHECK(addrparse_size(" SIZE=-1", 8, &size) == -1);
  {
    char p[64];
    int n = snprintf(p, sizeof p, "SIZE=%lu", ULONG_MAX);
    CHECK(addrparse_size(p, (size_t)n, &size) == 1 && size == ULONG_MAX);
    n = snprintf(p, sizeof p, "SIZE=%lu0", ULONG_MAX);
    CHECK(addrparse_size(p, (size_t)n, &size) == 1 && size == ULONG_MAX);
    n = snprintf(p, sizeof p, "SIZE=%u", UINT_MAX);
    CHECK(addrparse_size(p, (size_t)n, &size) == 1 && size == UINT_MAX);
  }

  t_name = "literal";
  {
    unsigned char ip[16];
    int v6 = -1;
    CHECK(addrparse_literal("[127.0.0.1]", 11, ip, &v6) == 1 && v6 == 0 && ip[10] == 0xff && ip[15] == 1);
    CHECK(addrparse_literal("[IPv6:::1]", 10, ip, &v6) == 1 && v6 == 1 && ip[15] == 1 && ip[10] == 0);
    CHECK(addrparse_literal("[ipv6:2001:db8::1]", 18, ip, &v6) == 1 && v6 == 1);
    CHECK(addrparse_literal("[1.2.3]", 7, ip, &v6) == 0);
    CHECK(addrparse_literal("[::1]", 5, ip, &v6) == 0);          /* v6 needs the tag */
    CHECK(addrparse_literal("[IPv6:1.2.3.4]", 14, ip, &v6) == 0);
    CHECK(addrparse_literal("127.0.0.1", 9, ip, &v6) == 0);
    CHECK(addrparse_literal("[]", 2, ip, &v6) == 0);
    CHECK(addrparse_literal("[IPv6:]", 7, ip, &v6) == 0);
    CHECK(addrparse_literal("[1.2.3.4 ]", 10, ip, &v6) == 0);
  }

  t_name = "random";
  {
    static const char alpha[] = "<>\"\\@:, .abcAB\t\r\n\0\377=SIZE0123456789";
    char arg[1200];
    int bad = 0;
    long round;
    for (round = 0; round < 200000 && !bad; ++round) {
      size_t len = rnd() % (round % 100 == 0 ? sizeof arg : 40), k;
      for (k = 0; k < len; ++k) arg[k] = alpha[rnd() % (sizeof alpha - 1)];
      if (round % 3 == 0 && len > 4) memcpy(arg, "TO:<", 4);
      r = addrparse(arg, len, &a, &off);
      if (r == 1) {
        if (a.len > ADDRPARSE_MAX || off > len) bad = 1;
        for (k = 0; k < a.len; ++k) if ((unsigned char)a.s[k] < 32 || a.s[k] == 127) bad = 2;
        if (addrparse_size(arg + off, len - off, &size) < -1) bad = 3;
      } else if (r != 0 && r != -1) bad = 4;
      { unsigned char ip[16]; int v6; r = addrparse_literal(arg, len, ip, &v6); if (r != 0 && r != 1) bad = 5; }
    }
    CHECK(!bad);
  }
  stralloc_free(&a);
  return t_done();
}
