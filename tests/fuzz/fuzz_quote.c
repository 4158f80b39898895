/* fuzz_quote: quote_addr on any internal address, the way qmail-remote,
   qmail-send's bounces and qmail-inject write it out.  Invariants: the
   quoted form parses back (addrparse of "<quoted>") to the same address
   when it has no control bytes and a plain domain; a local part that needs
   no quoting is written bare; the .qmail extension mapping (qme_safeext)
   keeps the length and leaves no '.' nor upper case. */
#include <stdlib.h>
#include "addrparse.h"
#include "byte.h"
#include "fuzz.h"
#include "qmesearch.h"
#include "quote.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  stralloc a = STRALLOC_ZERO, q = STRALLOC_ZERO, w = STRALLOC_ZERO, b = STRALLOC_ZERO;
  size_t i, at, off;
  int plain = 1, r;
  if (!stralloc_copyb(&a, (const char *)data, n)) return 0;
  if (quote_addr(&q, &a) != 1) abort();
  if (n) {
    at = byte_rchr(a.s, n, '@');
    if (!quote_need(a.s, at) && (q.len != n || !byte_equal(q.s, n, a.s))) abort();
    for (i = 0; i < n; ++i) {
      unsigned char c = data[i];
      if (c < 32 || c == 127) plain = 0;
      if (i > at && (c == ' ' || c == '"' || c == '\\' || c == '<' || c == '>' || c == '@' || c == '(' || c == ')')) plain = 0;
    }
    if (plain && n <= ADDRPARSE_MAX && q.len + 2 <= ADDRPARSE_MAX) {
      stralloc_copyb(&w, "<", 1); stralloc_cat(&w, &q); stralloc_catb(&w, ">", 1);
      r = addrparse(w.s, w.len, &b, &off);
      if (r != 1 || b.len != n || !byte_equal(b.s, n, a.s)) abort();
    }
  } else if (q.len) abort();
  if (qme_safeext(&b, (const char *)data, n) != 1) abort();
  if (b.len != n) abort();
  for (i = 0; i < n; ++i) if (b.s[i] == '.' || (b.s[i] >= 'A' && b.s[i] <= 'Z')) abort();
  stralloc_free(&a); stralloc_free(&q); stralloc_free(&w); stralloc_free(&b);
  return 0;
}
