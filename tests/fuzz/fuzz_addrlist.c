/* fuzz_addrlist: qmail-inject's address-list parser (To:, Cc:, From:).
   Invariant: a parsed list written back by addrlist_fmt parses again to
   the same number of entries with the same envelope addresses (so what
   qmail-inject writes into a header means what it read).  This target
   found an '@' in a local part without a domain written unquoted, a
   backslash before a raw LF dropped after quoting, and "g: a@b\" written
   back as "g: a@b\;" (address a@b\;); all fixed in 16e6823. */
#include <stdlib.h>
#include <string.h>
#include "addrlist.h"
#include "byte.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  addrlist a = ADDRLIST_ZERO, b = ADDRLIST_ZERO;
  stralloc f = STRALLOC_ZERO, e1 = STRALLOC_ZERO, e2 = STRALLOC_ZERO;
  size_t i;
  int r = addrlist_parse(&a, (const char *)data, n);
  if (r < -1 || r > 1) abort();
  if (r == 1) {
    if (addrlist_fmt(&f, &a, 4) == 1) {
      r = addrlist_parse(&b, f.s ? f.s : "", f.len);
      if (r == 0) abort(); /* we wrote something we cannot read */
      if (r == 1) {
        if (b.len != a.len) abort();
        for (i = 0; i < a.len; ++i) {
          if (a.x[i].kind != b.x[i].kind) abort();
          if (a.x[i].kind != A822_MAILBOX) continue;
          e1.len = e2.len = 0;
          if (addr822_env(&e1, &a.x[i]) != 1 || addr822_env(&e2, &b.x[i]) != 1) continue;
          if (e1.len != e2.len || (e1.len && !byte_equal(e1.s, e1.len, e2.s))) abort();
        }
      }
    }
  }
  addrlist_free(&a); addrlist_free(&b);
  stralloc_free(&f); stralloc_free(&e1); stralloc_free(&e2);
  return 0;
}
