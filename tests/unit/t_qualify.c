/* t_qualify: qmail-inject's rewriting rules in order: the empty address
   and "[]" untouched, trailing dots dropped (an all-dot domain counts as
   none), defaulthost for no domain, '+' gives plusdomain, a dotless
   domain gets defaultdomain, literals never; allocation failure. */
#include <errno.h>
#include "alloc.h"
#include "qualify.h"
#include "t.h"

struct c { const char *label, *local; int flag; const char *dom; const char *out; };
static const struct c cases[] = {
  { "full", "joe", 1, "example.com", "example.com" },
  { "no domain", "joe", 0, "", "host.example" },
  { "dotless", "joe", 1, "box", "box.dom.example" },
  { "trailing dots", "joe", 1, "example.com..", "example.com" },
  { "only dots", "joe", 1, "...", "host.example" },
  { "plus", "joe", 1, "box+", "box.plus.example" },
  { "lone plus", "joe", 1, "+", "plus.example" },
  { "literal", "joe", 1, "[1.2.3.4]", "[1.2.3.4]" },
  { "empty literal", "joe", 1, "[]", "[]" },
  { "empty address", "", 0, "", "" },
  { "empty local with domain", "", 1, "box", "box.dom.example" },
};

int main(void)
{
  struct qualify q = { "host.example", "dom.example", "plus.example" };
  stralloc local = STRALLOC_ZERO, dom = STRALLOC_ZERO;
  size_t i;
  int flag;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(stralloc_copys(&local, cases[i].local) && stralloc_copys(&dom, cases[i].dom));
    flag = cases[i].flag;
    CHECK(qualify(&q, &local, &dom, &flag) == 1);
    CHECK(dom.len == strlen(cases[i].out) && !memcmp(dom.s, cases[i].out, dom.len));
    CHECK(flag == (cases[i].out[0] != 0));
  }
  t_name = "allocation failure";
  stralloc_free(&dom);
  CHECK(stralloc_copys(&local, "joe"));
  flag = 0;
  alloc_failafter(0);
  CHECK(qualify(&q, &local, &dom, &flag) == 0 && errno == ENOMEM);
  alloc_failafter(-1);
  stralloc_free(&local);
  stralloc_free(&dom);
  return t_done();
}
