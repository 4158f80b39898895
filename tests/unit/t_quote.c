/* t_quote: which local parts are dot-atoms, and the quoted forms of the
   rest: specials, spaces, dots at the ends or doubled, '"' and '\'
   escaped, 8-bit bytes left bare, no '@' at all, the empty address, and
   the last '@' separating the domain. */
#include <errno.h>
#include "alloc.h"
#include "quote.h"
#include "t.h"

struct c { const char *label, *in, *out; };
static const struct c cases[] = {
  { "plain", "alice@example.com", "alice@example.com" },
  { "dots", "a.b.c@x", "a.b.c@x" },
  { "atext specials", "!#$%&'*+-/=?^_`{|}~@x", "!#$%&'*+-/=?^_`{|}~@x" },
  { "space", "a b@x", "\"a b\"@x" },
  { "leading dot", ".a@x", "\".a\"@x" },
  { "trailing dot", "a.@x", "\"a.\"@x" },
  { "double dot", "a..b@x", "\"a..b\"@x" },
  { "lone dot", ".@x", "\".\"@x" },
  { "quote", "a\"b@x", "\"a\\\"b\"@x" },
  { "backslash", "a\\b@x", "\"a\\\\b\"@x" },
  { "at in local part", "a@b@x", "\"a@b\"@x" },
  { "parens", "a(b)@x", "\"a(b)\"@x" },
  { "comma", "a,b@x", "\"a,b\"@x" },
  { "colon", "a:b@x", "\"a:b\"@x" },
  { "angle", "<a>@x", "\"<a>\"@x" },
  { "tab", "a\tb@x", "\"a\tb\"@x" },
  { "utf-8 bare", "j\303\274rgen@x", "j\303\274rgen@x" },
  { "empty local", "@x", "\"\"@x" },
  { "no domain", "alice", "alice" },
  { "no domain quoted", "a b", "\"a b\"" },
  { "empty domain", "a@", "a@" },
  { "empty address", "", "" },
};

int main(void)
{
  stralloc in = STRALLOC_ZERO, out = STRALLOC_ZERO;
  size_t i;

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(stralloc_copys(&in, cases[i].in));
    CHECK(stralloc_copys(&out, "junk"));
    CHECK(quote_addr(&out, &in) == 1);
    CHECK(out.len == strlen(cases[i].out) && !memcmp(out.s, cases[i].out, out.len));
    if (out.len != strlen(cases[i].out)) fprintf(stderr, "  got %.*s\n", (int)out.len, out.s);
  }

  t_name = "quote_need";
  CHECK(quote_need("", 0) == 1);
  CHECK(quote_need("a", 1) == 0);
  CHECK(quote_need("a.b", 3) == 0);
  CHECK(quote_need("a.b", 2) == 1);  /* counted: "a." */
  CHECK(quote_need("a\0b", 3) == 1);
  CHECK(quote_need("a b", 1) == 0);

  t_name = "never-filled addr";
  { stralloc zero = STRALLOC_ZERO;
    CHECK(quote_addr(&out, &zero) == 1 && out.len == 0); }

  t_name = "allocation failure";
  CHECK(stralloc_copys(&in, "a b@example.com"));
  stralloc_free(&out);
  alloc_failafter(0);
  errno = 0;
  CHECK(quote_addr(&out, &in) == 0 && errno == ENOMEM);
  alloc_failafter(-1);
  stralloc_free(&in);
  stralloc_free(&out);
  return t_done();
}
