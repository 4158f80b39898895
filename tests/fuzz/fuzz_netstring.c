/* fuzz_netstring: netstring_get on arbitrary bytes (QMTP/QMQP framing);
   every accepted netstring must re-encode to the bytes it came from. */
#include <string.h>
#include "fuzz.h"
#include "netstring.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  buffer b;
  stralloc sa = STRALLOC_ZERO, re = STRALLOC_ZERO;
  fuzz_membuffer(&b, data, n);
  for (;;) {
    int r = netstring_get(&b, &sa, 4096);
    if (r != 1) break;
    if (!netstring_fmt(&re, sa.s, sa.len)) break;
    if (re.len > n) __builtin_trap();
    re.len = 0;
  }
  stralloc_free(&sa);
  stralloc_free(&re);
  return 0;
}
