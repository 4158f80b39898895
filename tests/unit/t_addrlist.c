/* t_addrlist: address lists parsed, qualified (qualify.h) and written
   back, the envelope form of each mailbox, groups, comments, source
   routes, space-separated addresses, folding, and syntax errors. */
#include <errno.h>
#include <string.h>
#include "addrlist.h"
#include "qualify.h"
#include "stralloc.h"
#include "t.h"

static const struct qualify q = { "dhost", "ddom.test", "pdom.test" };

struct c { const char *in; int ok; const char *out; const char *env; };
static const struct c cases[] = {
  { "", 1, "", "" },
  { "fred", 1, "fred@dhost.ddom.test", "fred@dhost.ddom.test|" },
  { "djb fred", 1, "djb@dhost.ddom.test, fred@dhost.ddom.test", "djb@dhost.ddom.test|fred@dhost.ddom.test|" },
  { "a@b.c, ,, d@e.f", 1, "a@b.c, d@e.f", "a@b.c|d@e.f|" },
  { "eric@mammoth.cs+", 1, "eric@mammoth.cs.pdom.test", "eric@mammoth.cs.pdom.test|" },
  { "x@host", 1, "x@host.ddom.test", "x@host.ddom.test|" },
  { "x@host.example.", 1, "x@host.example", "x@host.example|" },
  { "x@", 1, "x@dhost.ddom.test", "x@dhost.ddom.test|" },
  { "x@[10.0.0.1]", 1, "x@[10.0.0.1]", "x@[10.0.0.1]|" },
  { "x@[]", 1, "x@[]", "x@[]|" },
  { "x@[10.0.\n 0.1]", 1, "x@[10.0. 0.1]", "x@[10.0. 0.1]|" },
  { "<>", 1, "<>", "" },
  { "<@a,@b:u@h.test>", 1, "<u@h.test>", "u@h.test|" },
  { "Joe Q <joe@x.test> (c1)", 1, "Joe Q <joe@x.test> (c1)", "joe@x.test|" },
  { "\"Smith, J\" <j@x.test>", 1, "\"Smith, J\" <j@x.test>", "j@x.test|" },
  { "\"a b\"@x.test", 1, "\"a b\"@x.test", "a b@x.test|" },
  { "\"a@b\"@x.test", 1, "\"a@b\"@x.test", "a@b@x.test|" },
  { "j(inner)@x.test (outer)", 1, "j@x.test (inner) (outer)", "j@x.test|" },
  { "g: a, b;", 1, "g: a@dhost.ddom.test, b@dhost.ddom.test;", "a@dhost.ddom.test|b@dhost.ddom.test|" },
  { "g:;, h: ;", 1, "g: ;, h: ;", "" },
  { "g: a", 1, "g: a@dhost.ddom.test;", "a@dhost.ddom.test|" },
  { ": a;", 1, ": a@dhost.ddom.test;", "a@dhost.ddom.test|" },
  { "<a@x.test> <b@x.test>", 1, "<a@x.test>, <b@x.test>", "a@x.test|b@x.test|" },
  { "Joe\n\tQ\n <joe@x.test>", 1, "Joe\tQ <joe@x.test>", "joe@x.test|" },
  { "<a@x.test", 0, 0, 0 },
  { "a@x.test>", 0, 0, 0 },
  { "<<a@x.test>>", 0, 0, 0 },
  { "g: h: a;;", 0, 0, 0 },
  { "\"open", 0, 0, 0 },
  { "a@\"quoted domain\"", 0, 0, 0 },
  { "(open", 0, 0, 0 },
  { "<a@x.test> junk", 1, "<a@x.test>, junk@dhost.ddom.test", "a@x.test|junk@dhost.ddom.test|" },
};

/* written back without qualification, an '@' in a quoted local part
   without a domain stays in the local part */
static int roundtrip(addrlist *al, const char *in, stralloc *out)
{
  size_t i;
  out->len = 0;
  if (addrlist_parse(al, in, strlen(in)) != 1) return 0;
  if (!addrlist_fmt(out, al, 0) || !stralloc_0(out)) return 0;
  for (i = 0; i < al->len; ++i) if (al->x[i].flagdomain) return 0;
  return 1;
}

static int run(addrlist *al, const char *in, stralloc *out, stralloc *env)
{
  size_t i;
  int r = addrlist_parse(al, in, strlen(in));
  if (r != 1) return r;
  for (i = 0; i < al->len; ++i)
    if (al->x[i].kind == A822_MAILBOX)
      if (!qualify(&q, &al->x[i].local, &al->x[i].domain, &al->x[i].flagdomain)) return -1;
  out->len = env->len = 0;
  if (!addrlist_fmt(out, al, 4) || !stralloc_0(out)) return -1;
  for (i = 0; i < al->len; ++i)
    if (al->x[i].kind == A822_MAILBOX && !addr822_isempty(&al->x[i]))
      if (!addr822_env(env, &al->x[i]) || !stralloc_append(env, '|')) return -1;
  if (!stralloc_0(env)) return -1;
  return 1;
}

int main(void)
{
  addrlist al = ADDRLIST_ZERO;
  stralloc out = STRALLOC_ZERO, env = STRALLOC_ZERO, in = STRALLOC_ZERO;
  size_t i, lines, col, maxcol;

  t_name = "table";
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    int r = run(&al, cases[i].in, &out, &env);
    CHECK(r == cases[i].ok);
    if (r != 1) { CHECK(errno == EINVAL); continue; }
    CHECKSTR(out.s, cases[i].out);
    CHECKSTR(env.s, cases[i].env);
  }

  t_name = "unqualified";
  CHECK(roundtrip(&al, "\"a@b\" \"c d\"", &out));
  CHECKSTR(out.s, "\"a@b\", \"c d\"");
  CHECK(roundtrip(&al, out.s, &env) && al.len == 2);
  CHECK(al.x[0].local.len == 3 && !memcmp(al.x[0].local.s, "a@b", 3));

  t_name = "folding";
  CHECK(stralloc_copys(&in, ""));
  for (i = 0; i < 200; ++i) CHECK(stralloc_cats(&in, "someone.long@example.test, "));
  CHECK(stralloc_0(&in));
  CHECK(run(&al, in.s, &out, &env) == 1);
  CHECK(al.len == 200);
  lines = 1; col = 4; maxcol = 0;
  for (i = 0; out.s[i]; ++i) {
    if (out.s[i] == '\n') { ++lines; if (col > maxcol) maxcol = col; col = 0; continue; }
    ++col;
  }
  CHECK(maxcol <= 78);
  CHECK(lines > 60);
  CHECK(strstr(out.s, ",\n  someone") != 0);

  t_name = "qualify alone";
  {
    stralloc l = STRALLOC_ZERO, d = STRALLOC_ZERO;
    int fd = 0;
    CHECK(stralloc_copys(&l, "u") && qualify(&q, &l, &d, &fd) && fd == 1);
    CHECKMEM(d.s, d.len, "dhost.ddom.test");
    CHECK(stralloc_copys(&d, "+") && qualify(&q, &l, &d, &fd));
    CHECK(d.len == 9 && !memcmp(d.s, "pdom.test", 9));
    fd = 1;
    CHECK(stralloc_copys(&d, "...") && qualify(&q, &l, &d, &fd));
    CHECK(d.len == 15 && !memcmp(d.s, "dhost.ddom.test", 15));
    l.len = 0; fd = 0; d.len = 0;
    CHECK(qualify(&q, &l, &d, &fd) && fd == 0 && d.len == 0);
    stralloc_free(&l); stralloc_free(&d);
  }

  addrlist_free(&al);
  stralloc_free(&out); stralloc_free(&env); stralloc_free(&in);
  return t_done();
}
