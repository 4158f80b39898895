/* t_token822: a table of header texts and their token lists (atoms with
   8-bit bytes, quotes with escapes, literals, nested comments, specials,
   separators), the refusals (unterminated quote, comment or literal,
   stray ')' or ']'), unquoting, and 100000 random texts checked against
   the invariants: every token inside the text, in order, not
   overlapping, of a known type, specials one byte from the set. */
#include <errno.h>
#include <stdlib.h>
#include "alloc.h"
#include "token822.h"
#include "t.h"

struct c { const char *label, *in; int r; const char *toks; };
/* toks: one letter per token (a atom, q quote, l literal, c comment,
   s special) then ':' and its text, tokens separated by '|' */
static const struct c cases[] = {
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
  char out[512];
  size_t i;
  int r;

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    errno = 0;
    r = token822_scan(&tl, cases[i].in, strlen(cases[i].in));
    CHECK(r == cases[i].r);
    if (r == 1) {
      CHECK(render(&tl, cases[i].in, out, sizeof out) == 0);
      CHECKSTR(out, cases[i].toks);
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
