/* t_token822: the RFC 822 lexer: token types and spans, nesting,
   escapes, and the syntax errors (unterminated quote, comment, literal;
   stray closers).  Second part: a table of token texts (8-bit atoms,
   quotes with escapes, nested comments, separators), unquoting, the list
   replaced not appended, allocation failure, and 100000 random texts
   checked against the invariants: every token inside the text, in order,
   not overlapping, of a known type, specials one byte from the set. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "alloc.h"
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
  { "a\\,b", 1, "a" },
  { "a\\", 0, 0 },
  { "a\\ b", 0, 0 },
  { "a\\\nb", 0, 0 },
  { "\"a\\\r\nb\"", 0, 0 },
  { "\"a\\ b\"", 1, "q" },
  { "[a\\\r]", 0, 0 },
  { "(a\\\n)", 0, 0 },
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

struct sc { const char *label, *in; int r; const char *toks; };
/* toks: one letter per token (a atom, q quote, l literal, c comment,
   s special) then ':' and its text, tokens separated by '|' */
static const struct sc spans[] = {
  { "address", "a@b.example", 1, "a:a|s:@|a:b|s:.|a:example" },
  { "display name", "Joe Q. <joe@x>", 1, "a:Joe|a:Q|s:.|s:<|a:joe|s:@|a:x|s:>" },
  { "quote", "\"a \\\" b\"@x", 1, "q:a \\\" b|s:@|a:x" },
  { "literal", "u@[1.2.3.4]", 1, "a:u|s:@|l:[1.2.3.4]" },
  { "nested comment", "a (b (c) d) e", 1, "a:a|c:(b (c) d)|a:e" },
  { "specials", "<>@,;:.", 1, "s:<|s:>|s:@|s:,|s:;|s::|s:." },
  { "separators", " \t\r\na\r\n\tb ", 1, "a:a|a:b" },
  { "8-bit atom", "j\303\274rgen", 1, "a:j\303\274rgen" },
  { "empty", "", 1, "" },
  { "group", "list: a@b, c@d;", 1, "a:list|s::|a:a|s:@|a:b|s:,|a:c|s:@|a:d|s:;" },
  { "open quote", "\"abc", 0, 0 },
  { "open comment", "a (b (c)", 0, 0 },
  { "open literal", "a@[1.2", 0, 0 },
  { "stray )", "a)", 0, 0 },
  { "stray ]", "a]", 0, 0 },
  { "escape at end of quote", "\"ab\\", 0, 0 },
};

static int render(const token822_list *tl, const char *s, char *out, size_t n)
{
  size_t i, k = 0;
  out[0] = 0;
  for (i = 0; i < tl->len; ++i) {
    static const char letters[] = "?aqlcs";
    int w = snprintf(out + k, n - k, "%s%c:%.*s", i ? "|" : "", letters[tl->t[i].type < 6 ? tl->t[i].type : 0],
                     (int)tl->t[i].len, s + tl->t[i].pos);
    if (w < 0 || (size_t)w >= n - k) return -1;
    k += (size_t)w;
  }
  return 0;
}

static unsigned long seed = 3;
static unsigned long rnd(void) { seed = seed * 6364136223846793005ul + 1442695040888963407ul; return seed >> 33; }

int main(void)
{
  token822_list tl = TOKEN822_LIST_ZERO;
  stralloc sa = STRALLOC_ZERO;
  char got[64];
  size_t i, j;
  static char big[100000];
  char out[512];
  int r;

  t_name = "table";
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    const char *in = cases[i].in;
    r = token822_scan(&tl, in, strlen(in));
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

  for (i = 0; i < sizeof spans / sizeof spans[0]; ++i) {
    t_name = spans[i].label;
    errno = 0;
    r = token822_scan(&tl, spans[i].in, strlen(spans[i].in));
    CHECK(r == spans[i].r);
    if (r == 1) {
      CHECK(render(&tl, spans[i].in, out, sizeof out) == 0);
      CHECKSTR(out, spans[i].toks);
    } else
      CHECK(errno == EINVAL);
  }

  t_name = "replaced, not appended";
  CHECK(token822_scan(&tl, "a b c", 5) == 1 && tl.len == 3);
  CHECK(token822_scan(&tl, "d", 1) == 1 && tl.len == 1);

  t_name = "unquote";
  CHECK(stralloc_copys(&sa, "x:"));
  CHECK(token822_unquote(&sa, "a \\\" b\\\\c", 10) == 1);
  CHECK(sa.len == 10 && !memcmp(sa.s, "x:a \" b\\c", 9 + 1));

  t_name = "allocation failure";
  token822_free(&tl);
  alloc_failafter(0);
  CHECK(token822_scan(&tl, "a b c", 5) == -1 && errno == ENOMEM);
  alloc_failafter(-1);

  t_name = "random";
  {
    static const char alpha[] = "ab \t\r\n\"\\()[]<>@,;:.\0\377";
    char s[300];
    int bad = 0;
    long round;
    for (round = 0; round < 100000 && !bad; ++round) {
      size_t n = rnd() % (round % 50 ? 30 : sizeof s), k, end = 0;
      for (k = 0; k < n; ++k) s[k] = alpha[rnd() % (sizeof alpha - 1)];
      r = token822_scan(&tl, s, n);
      if (r == -1 || (r != 0 && r != 1)) { bad = 1; break; }
      if (r == 0) continue;
      for (k = 0; k < tl.len; ++k) {
        const struct token822 *t = tl.t + k;
        if (t->pos < end || t->pos > n || t->len > n - t->pos) { bad = 2; break; }
        if (t->type < T822_ATOM || t->type > T822_SPECIAL) { bad = 3; break; }
        if (t->type == T822_SPECIAL && (t->len != 1 || !strchr("<>@,;:.", s[t->pos]) || !s[t->pos])) { bad = 4; break; }
        if (t->type == T822_QUOTE) {
          stralloc_free(&sa);
          if (token822_unquote(&sa, s + t->pos, t->len) != 1 || sa.len > t->len) { bad = 5; break; }
        }
        end = t->pos + t->len;
      }
    }
    CHECK(!bad);
    if (bad) fprintf(stderr, "round %ld: bad %d\n", round, bad);
  }
  token822_free(&tl);
  stralloc_free(&sa);
  return t_done();
}
