/* fuzz_header: qmail-inject's header reader, through short reads.
   Invariants: at most maxfields fields, field offsets ascend inside the
   text, every field ends in LF and begins with a valid field name; a
   continuation line never starts a field. */
#include <stdlib.h>
#include "fuzz.h"
#include "header.h"
#include "hfield.h"
#include "str.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  struct header h = HEADER_ZERO;
  buffer b;
  size_t i;
  int r;
  fuzz_membuffer(&b, data, n);
  r = header_read(&h, &b, 2000, 40);
  if (r == 1) {
    if (h.nfields > 40) abort();
    if (h.nfields && (!h.off || h.off[0] != 0)) abort();
    for (i = 0; i < h.nfields; ++i) {
      size_t a = h.off[i], z = i + 1 < h.nfields ? h.off[i + 1] : h.text.len;
      if (z <= a || z > h.text.len) abort();
      if (h.text.s[z - 1] != '\n') abort();
      if (!hfield_valid(h.text.s + a, z - a)) abort();
      (void)hfield_known(h.text.s + a, z - a);
    }
    if (h.end != HEADER_EOF && h.end != HEADER_BLANK && h.end != HEADER_BODY) abort();
  } else if (r != 0 && r != -1) abort();
  header_free(&h);
  return 0;
}
