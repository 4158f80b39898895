/* fuzz_pop3cmd: qmail-pop3d's and qmail-popup's command reader.
   Invariants: the verb holds no space, LF or NUL and is NUL-ended; the
   argument lies inside the line; no line passes max. */
#include <stdlib.h>
#include "byte.h"
#include "fuzz.h"
#include "pop3cmd.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  stralloc line = STRALLOC_ZERO;
  buffer b;
  char *arg;
  size_t i, vl;
  int r, k;
  fuzz_membuffer(&b, data, n);
  for (k = 0; k < 200; ++k) {
    r = pop3cmd_get(&b, &line, 64, &arg);
    if (r == 0) break;
    if (r == -1) continue; /* E2BIG or EINVAL: the session goes on */
    if (r != 1) abort();
    if (line.len > 64) abort();
    if (arg < line.s || arg > line.s + line.len) abort();
    for (vl = 0; line.s[vl]; ++vl) {
      if (vl >= line.len) abort();
      if (line.s[vl] == ' ' || line.s[vl] == '\n') abort();
    }
    for (i = 0; arg[i]; ++i) if (arg[i] == '\n') abort();
  }
  stralloc_free(&line);
  return 0;
}
