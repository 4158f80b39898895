/* fuzz_ip: ip4_scan and ip6_scan on arbitrary text; whatever scans must
   format and rescan to the same address. */
#include <string.h>
#include "ip.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n)
{
  char s[128], out[IP6_FMT + 1];
  unsigned char a[16], b[16];
  size_t k;
  if (n >= sizeof s) n = sizeof s - 1;
  memcpy(s, data, n);
  s[n] = 0;
  if (ip4_scan(s, a)) {
    k = ip4_fmt(out, a); out[k] = 0;
    if (!ip4_scan(out, b) || memcmp(a, b, 4)) __builtin_trap();
  }
  if (ip6_scan(s, a)) {
    k = ip6_fmt(out, a); out[k] = 0;
    if (k > IP6_FMT || !ip6_scan(out, b) || memcmp(a, b, 16)) __builtin_trap();
  }
  return 0;
}
