/* fuzz_smtpreply: qmail-remote's reader of the peer's SMTP replies.
   Invariants: the result is a code 200..599, 0 or -1; the kept text is at
   most SMTPREPLY_KEEP bytes (plus a line end) and holds no NUL, no control
   character but LF and no byte >= 128, so a peer cannot forge a report. */
#include <stdlib.h>
#include "fuzz.h"
#include "smtpreply.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  stralloc t = STRALLOC_ZERO;
  buffer b;
  size_t i;
  int r, k;
  fuzz_membuffer(&b, data, n);
  for (k = 0; k < 50; ++k) {
    t.len = 0;
    r = smtpreply_get(&b, &t);
    if (r == -1) break;
    if (r != 0 && (r < 200 || r > 599)) abort();
    if (t.len > SMTPREPLY_KEEP + 1) abort();
    for (i = 0; i < t.len; ++i) {
      unsigned char c = (unsigned char)t.s[i];
      if (c >= 128 || (c < 32 && c != '\n') || c == 127) abort();
    }
    if (r == 0) break;
  }
  stralloc_free(&t);
  return 0;
}
