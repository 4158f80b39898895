/* fuzz_assign: assign_parse (qmail-newu's users/assign lines) on every LF
   separated line of arbitrary bytes.  Invariants: a line is accepted if
   and only if it starts with = or +, holds no NUL and at least seven ':';
   an accepted line re-formats from its fields (kind local ':' field ':'
   ... ) to exactly its first assign_len bytes; no field holds ':' or NUL. */
#include <stdlib.h>
#include "assign.h"
#include "byte.h"
#include "fuzz.h"
#include "stralloc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  const char *s = (const char *)data;
  stralloc re = STRALLOC_ZERO;
  struct assign a;
  size_t i, j, k, colons;
  int f, ok, want;

  for (i = 0; i <= n; i = j + 1) {
    j = i + byte_chr(s + i, n - i, '\n');
    for (colons = 0, k = i; k < j; ++k) colons += s[k] == ':';
    want = j - i >= 1 && (s[i] == '=' || s[i] == '+')
      && byte_chr(s + i, j - i, 0) == j - i && colons >= 7;
    ok = assign_parse(&a, s + i, j - i);
    if (ok != want) abort();
    if (!ok) continue;
    if (a.kind != s[i] || a.local != s + i + 1) abort();
    if (byte_chr(a.local, a.locallen, ':') != a.locallen) abort();
    re.len = 0;
    if (!stralloc_append(&re, a.kind) || !stralloc_catb(&re, a.local, a.locallen)
        || !stralloc_append(&re, ':')) break;
    for (f = 0; f < ASSIGN_FIELDS; ++f) {
      if (byte_chr(a.field[f], a.fieldlen[f], ':') != a.fieldlen[f]) abort();
      if (byte_chr(a.field[f], a.fieldlen[f], 0) != a.fieldlen[f]) abort();
      if (!stralloc_catb(&re, a.field[f], a.fieldlen[f]) || !stralloc_append(&re, ':')) break;
    }
    if (f < ASSIGN_FIELDS) break;
    if (re.len != assign_len(&a) || re.len > j - i || byte_diff(re.s, re.len, s + i)) abort();
  }
  stralloc_free(&re);
  return 0;
}
