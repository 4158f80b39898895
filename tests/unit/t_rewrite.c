/* t_rewrite: qmail-send's recipient rewriting: envnoathost, the percent
   hack (repeated, only for listed domains), locals before
   virtualdomains, the virtualdomains key order (address, domain, .suffix,
   empty key), empty prepend exceptions, the prepend stripped for bounces,
   and VERP senders. */
#include <string.h>
#include "constmap.h"
#include "rewrite.h"
#include "t.h"

struct c { const char *label, *in, *out; int chan; };

int main(void)
{
  static const char locals[] = "here.test\0Local.Test\0";
  static const char virt[] = "v.test:vu\0joe@w.test:joe\0w.test:wdom\0.sub.test:sub\0x.sub.test:\0"
                             "here.test:never\0:catch\0";
  static const char ph[] = "ph.test\0";
  static const struct c cases[] = {
    { "no @", "bob", "bob@here.test", REWRITE_LOCAL },
    { "local", "bob@here.test", "bob@here.test", REWRITE_LOCAL },
    { "local case", "bob@LOCAL.test", "bob@LOCAL.test", REWRITE_LOCAL },
    { "percent", "bob%here.test@ph.test", "bob@here.test", REWRITE_LOCAL },
    { "percent twice", "a%b.test%ph.test@ph.test", "a%b.test@ph.test", -1 },
    { "percent not listed", "bob%here.test@x.test", "catch-bob%here.test@x.test", REWRITE_LOCAL },
    { "percent none", "bob@ph.test", "catch-bob@ph.test", REWRITE_LOCAL },
    { "virtual domain", "info@v.test", "vu-info@v.test", REWRITE_LOCAL },
    { "virtual user first", "joe@w.test", "joe-joe@w.test", REWRITE_LOCAL },
    { "virtual domain after user", "ann@w.test", "wdom-ann@w.test", REWRITE_LOCAL },
    { "suffix", "u@a.sub.test", "sub-u@a.sub.test", REWRITE_LOCAL },
    { "exception", "u@x.sub.test", "u@x.sub.test", REWRITE_REMOTE },
    { "catch-all", "u@far.test", "catch-u@far.test", REWRITE_LOCAL },
    { "last @", "a@b@v.test", "vu-a@b@v.test", REWRITE_LOCAL },
  };
  struct constmap ml, mv, mp, mv2;
  struct rewrite rw, rw2;
  stralloc out = STRALLOC_ZERO;
  size_t i;
  int r;

  t_name = "init";
  CHECK(constmap_init(&ml, locals, sizeof locals - 1, 0));
  CHECK(constmap_init(&mv, virt, sizeof virt - 1, ':'));
  CHECK(constmap_init(&mp, ph, sizeof ph - 1, 0));
  CHECK(constmap_init(&mv2, "", 0, ':'));
  rw.locals = &ml; rw.vdoms = &mv; rw.phack = &mp; rw.envnoathost = "here.test";
  rw2 = rw; rw2.vdoms = &mv2; rw2.phack = 0;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    r = rewrite_addr(&rw, cases[i].in, strlen(cases[i].in), &out);
    if (cases[i].chan == -1) {
      /* a%b.test%ph.test@ph.test -> a%b.test@ph.test -> a@b.test: remote via catch-all */
      CHECK(r == REWRITE_LOCAL);
      CHECK(out.len == strlen("catch-a@b.test") && !memcmp(out.s, "catch-a@b.test", out.len));
      continue;
    }
    CHECK(r == cases[i].chan);
    CHECK(out.len == strlen(cases[i].out) && !memcmp(out.s, cases[i].out, out.len));
  }
  t_name = "no virtualdomains: remote";
  CHECK(rewrite_addr(&rw2, "u@far.test", 10, &out) == REWRITE_REMOTE);
  t_name = "empty address gets envnoathost";
  CHECK(rewrite_addr(&rw2, "", 0, &out) == REWRITE_LOCAL);
  CHECK(out.len == 10 && !memcmp(out.s, "@here.test", 10));

  t_name = "prepend";
  CHECK(rewrite_prepend(&rw, "vu-info@v.test", 14) == 3);
  CHECK(rewrite_prepend(&rw, "joe-joe@w.test", 14) == 4);
  CHECK(rewrite_prepend(&rw, "wdom-ann@w.test", 15) == 5);
  CHECK(rewrite_prepend(&rw, "catch-u@far.test", 16) == 6);
  CHECK(rewrite_prepend(&rw, "bob@here.test", 13) == 0);
  CHECK(rewrite_prepend(&rw, "never-x@here.test", 17) == 0);
  CHECK(rewrite_prepend(&rw, "x-y@x.sub.test", 14) == 0);
  CHECK(rewrite_prepend(&rw2, "vu-info@v.test", 14) == 0);
  CHECK(rewrite_prepend(&rw, "nodomain", 8) == 0);

  t_name = "verp";
  CHECK(rewrite_verp(&out, "owner-@list.org-@[]", "fred@x.com", 10));
  CHECKSTR(out.s, "owner-fred=x.com@list.org");
  CHECK(out.len == strlen("owner-fred=x.com@list.org") + 1);
  CHECK(rewrite_verp(&out, "plain@x.org", "fred@x.com", 10));
  CHECKSTR(out.s, "plain@x.org");
  CHECK(rewrite_verp(&out, "", "fred@x.com", 10));
  CHECKSTR(out.s, "");
  CHECK(rewrite_verp(&out, "noat-@[]", "fred@x.com", 10));
  CHECKSTR(out.s, "noat");
  CHECK(rewrite_verp(&out, "o-@l.org-@[]", "nodomain", 8));
  CHECKSTR(out.s, "o-nodomain@l.org");
  CHECK(rewrite_verp(&out, "-@[]", "a@b", 3));
  CHECKSTR(out.s, "");
  stralloc_free(&out);
  constmap_free(&ml); constmap_free(&mv); constmap_free(&mp); constmap_free(&mv2);
  return t_done();
}
