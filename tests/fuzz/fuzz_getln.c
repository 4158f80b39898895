/* fuzz_getln: getln and getln_max through short reads.
   Invariants: getln's lines put back together are the input byte for
   byte; getln_max never returns a line over max and, when it refuses one,
   has consumed exactly max bytes of it. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "getln.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  stralloc line = STRALLOC_ZERO;
  buffer b;
  size_t pos = 0, max;
  int match, r;
  fuzz_membuffer(&b, data, n);
  for (;;) {
    if (getln(&b, &line, &match, '\n') != 0) abort();
    if (line.len > n - pos || (line.len && memcmp(line.s, data + pos, line.len))) abort();
    pos += line.len;
    if (!match) break;
    if (line.s[line.len - 1] != '\n') abort();
  }
  if (pos != n) abort();
  max = n ? 1 + data[0] % 16 : 1;
  fuzz_membuffer(&b, data, n);
  pos = 0;
  for (;;) {
    r = getln_max(&b, &line, &match, '\n', max);
    if (r == -1) {
      pos += max; /* the refused line: max bytes consumed */
      if (pos > n) abort();
      continue;
    }
    if (r != 0) abort();
    if (line.len > max) abort();
    if (line.len > n - pos || (line.len && memcmp(line.s, data + pos, line.len))) abort();
    pos += line.len;
    if (!match) break;
  }
  if (pos != n) abort();
  stralloc_free(&line);
  return 0;
}
