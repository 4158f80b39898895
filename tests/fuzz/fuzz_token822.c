/* fuzz_token822: the RFC 822 tokenizer of qmail-inject's header fields.
   Invariants: tokens lie inside the text, in order, without overlap; a
   special is one byte of <>@,;:.; a quoted string sits between quotes, a
   comment between parentheses, a literal between brackets; unquoting
   never grows the text. */
#include <stdlib.h>
#include "fuzz.h"
#include "str.h"
#include "token822.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  token822_list tl = TOKEN822_LIST_ZERO;
  stralloc u = STRALLOC_ZERO;
  const char *s = (const char *)data;
  size_t i, end = 0;
  int r = token822_scan(&tl, s, n);
  if (r == 1) {
    for (i = 0; i < tl.len; ++i) {
      struct token822 *t = &tl.t[i];
      if (t->pos < end || t->pos > n || t->len > n - t->pos) abort();
      end = t->pos + t->len;
      switch (t->type) {
        case T822_ATOM: if (!t->len) abort(); break;
        case T822_SPECIAL:
          if (t->len != 1 || str_chr("<>@,;:.", s[t->pos]) >= 7) abort();
          break;
        case T822_QUOTE:
          if (t->pos < 1 || end >= n || s[t->pos - 1] != '"' || s[end] != '"') abort();
          end++;
          u.len = 0;
          if (token822_unquote(&u, s + t->pos, t->len) != 1) abort();
          if (u.len > t->len) abort();
          break;
        case T822_COMMENT:
          if (t->len < 2 || s[t->pos] != '(' || s[end - 1] != ')') abort();
          break;
        case T822_LITERAL:
          if (t->len < 2 || s[t->pos] != '[' || s[end - 1] != ']') abort();
          break;
        default: abort();
      }
    }
  } else if (r != 0 && r != -1) abort();
  token822_free(&tl);
  stralloc_free(&u);
  return 0;
}
