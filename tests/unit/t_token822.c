/* t_token822: the RFC 822 lexer: token types and spans, nesting,
   escapes, and the syntax errors (unterminated quote, comment, literal;
   stray closers). */
#include <errno.h>
#include <string.h>
#include "stralloc.h"
#include "t.h"
#include "token822.h"

struct c { const char *in; int ok; const char *types; };
static const struct c cases[] = {
  { "", 1, "" },
  { "a@b.c", 1, "a@a.a" },
  { " \t\r\n", 1, "" },
  { "\"x y\"@z", 1, "q@a" },
  { "(a (nested) comment) x", 1, "ca" },
  { "(esc \\) paren) x", 1, "ca" },
  { "[1.2.3.4]", 1, "l" },
  { "Joe <j@x>, g: a;", 1, "a<a@a>,a:a;" },
  { "\"unterminated", 0, 0 },
  { "\"ends in backslash\\", 0, 0 },
  { "(unterminated (comment)", 0, 0 },
  { "(ends in backslash\\", 0, 0 },
  { "[unterminated", 0, 0 },
  { "[a[b]", 0, 0 },
  { "stray)", 0, 0 },
  { "stray]", 0, 0 },
  { "\xc3\xa4t\xff", 1, "a" },
};

static char letter(const struct token822 *t, const char *s)
{
  switch (t->type) {
    case T822_ATOM: return 'a';
    case T822_QUOTE: return 'q';
    case T822_LITERAL: return 'l';
    case T822_COMMENT: return 'c';
    case T822_SPECIAL: return s[t->pos];
  }
  return '?';
}

int main(void)
{
  token822_list tl = TOKEN822_LIST_ZERO;
  stralloc sa = STRALLOC_ZERO;
  char got[64];
  size_t i, j;
  static char big[100000];

  t_name = "table";
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    const char *in = cases[i].in;
    int r = token822_scan(&tl, in, strlen(in));
    CHECK(r == cases[i].ok);
    if (r != 1) { CHECK(errno == EINVAL); continue; }
    for (j = 0; j < tl.len && j < sizeof got - 1; ++j) got[j] = letter(&tl.t[j], in);
    got[j] = 0;
    CHECKSTR(got, cases[i].types);
  }

  t_name = "spans";
  CHECK(token822_scan(&tl, " \"a\\\"b\" (c) [d]", 15) == 1);
  CHECK(tl.len == 3);
  CHECK(tl.t[0].pos == 2 && tl.t[0].len == 4);
  CHECK(tl.t[1].pos == 8 && tl.t[1].len == 3);
  CHECK(tl.t[2].pos == 12 && tl.t[2].len == 3);
  CHECK(token822_unquote(&sa, " \"a\\\"b\"" + 2, 4));
  CHECKMEM(sa.s, 3, "a\"b");
  CHECK(sa.len == 3);

  t_name = "deep nesting and many tokens";
  for (j = 0; j < sizeof big / 2; ++j) big[j] = '(';
  for (; j < sizeof big; ++j) big[j] = ')';
  CHECK(token822_scan(&tl, big, sizeof big) == 1 && tl.len == 1);
  CHECK(token822_scan(&tl, big, sizeof big - 1) == 0);
  for (j = 0; j < sizeof big; ++j) big[j] = (j & 1) ? ',' : 'x';
  CHECK(token822_scan(&tl, big, sizeof big) == 1 && tl.len == sizeof big);

  token822_free(&tl);
  stralloc_free(&sa);
  return t_done();
}
