/* t_scan: parsing with hostile values: 0, 1, INT_MAX, UINT32_MAX,
   ULONG_MAX accepted; ULONG_MAX plus one (one more digit, or the last
   digit one higher) refused with the output untouched; signs, stops at
   non-digits, counted scans, and round trips with fmt. */
#include <limits.h>
#include <stdint.h>
#include "fmt.h"
#include "scan.h"
#include "t.h"

struct c { const char *label, *in; size_t len; unsigned long val; };

int main(void)
{
  char buf[64], over[64];
  unsigned long u;
  unsigned int ui;
  long l;
  size_t i, n;
  static const struct c ulongs[] = {
    { "zero", "0", 1, 0 },
    { "one", "1", 1, 1 },
    { "leading zeros", "007", 3, 7 },
    { "stops", "12ab", 2, 12 },
    { "stops at space", "34 5", 2, 34 },
    { "INT_MAX", "2147483647", 10, INT_MAX },
    { "UINT32_MAX", "4294967295", 10, UINT32_MAX },
    { "empty", "", 0, 0 },
    { "no digits", "x1", 0, 0 },
    { "sign refused", "-1", 0, 0 },
    { "plus refused", "+1", 0, 0 },
    { "space first", " 1", 0, 0 },
  };

  for (i = 0; i < sizeof ulongs / sizeof ulongs[0]; ++i) {
    t_name = ulongs[i].label;
    u = 4242;
    CHECK(scan_ulong(ulongs[i].in, &u) == ulongs[i].len);
    CHECK(u == (ulongs[i].len ? ulongs[i].val : 4242));
  }

  t_name = "ULONG_MAX";
  n = fmt_ulong(buf, ULONG_MAX); buf[n] = 0;
  CHECK(scan_ulong(buf, &u) == n && u == ULONG_MAX);
  t_name = "ULONG_MAX plus one";
  memcpy(over, buf, n + 1);
  over[n - 1] = (char)(over[n - 1] + 1);           /* ...616 */
  u = 4242;
  CHECK(scan_ulong(over, &u) == 0 && u == 4242);
  t_name = "ULONG_MAX times ten";
  memcpy(over, buf, n); over[n] = '0'; over[n + 1] = 0;
  CHECK(scan_ulong(over, &u) == 0 && u == 4242);
  t_name = "far too long";
  memset(over, '9', 60); over[60] = 0;
  CHECK(scan_ulong(over, &u) == 0 && u == 4242);

  t_name = "scan_ulongn";
  CHECK(scan_ulongn("12345", 3, &u) == 3 && u == 123);
  CHECK(scan_ulongn("12345", 0, &u) == 0 && u == 123);
  CHECK(scan_ulongn(buf, n, &u) == n && u == ULONG_MAX);

  t_name = "scan_uint";
  CHECK(scan_uint("4294967295", &ui) == 10 && ui == UINT_MAX);
  ui = 7;
  CHECK(scan_uint("4294967296", &ui) == 0 && ui == 7);
  CHECK(scan_uint("0", &ui) == 1 && ui == 0);

  t_name = "scan_long";
  CHECK(scan_long("-1", &l) == 2 && l == -1);
  CHECK(scan_long("+5x", &l) == 2 && l == 5);
  CHECK(scan_long("0", &l) == 1 && l == 0);
  n = (size_t)snprintf(buf, sizeof buf, "%ld", LONG_MAX);
  CHECK(scan_long(buf, &l) == n && l == LONG_MAX);
  n = (size_t)snprintf(buf, sizeof buf, "%ld", LONG_MIN);
  CHECK(scan_long(buf, &l) == n && l == LONG_MIN);
  l = 3;
  n = (size_t)snprintf(buf, sizeof buf, "%lu", (unsigned long)LONG_MAX + 1);
  CHECK(scan_long(buf, &l) == 0 && l == 3);
  buf[0] = '-'; n = (size_t)snprintf(buf + 1, sizeof buf - 1, "%lu", (unsigned long)LONG_MAX + 2);
  CHECK(scan_long(buf, &l) == 0 && l == 3);
  CHECK(scan_long("-", &l) == 0 && scan_long("", &l) == 0 && scan_long("--1", &l) == 0);

  t_name = "scan_xlong";
  CHECK(scan_xlong("fF0g", &u) == 3 && u == 0xff0);
  n = (size_t)snprintf(buf, sizeof buf, "%lx", ULONG_MAX);
  CHECK(scan_xlong(buf, &u) == n && u == ULONG_MAX);
  buf[n] = '0'; buf[n + 1] = 0;
  u = 1;
  CHECK(scan_xlong(buf, &u) == 0 && u == 1);
  t_name = "scan_8long";
  CHECK(scan_8long("0755", &u) == 4 && u == 0755);
  CHECK(scan_8long("78", &u) == 1 && u == 7);
  n = (size_t)snprintf(buf, sizeof buf, "%lo", ULONG_MAX);
  CHECK(scan_8long(buf, &u) == n && u == ULONG_MAX);
  buf[n] = '0'; buf[n + 1] = 0;
  CHECK(scan_8long(buf, &u) == 0);

  t_name = "round trips";
  for (u = 1, i = 0; i < 200; ++i, u = u * 3 + i) {
    unsigned long back = 0;
    n = fmt_ulong(buf, u);
    if (scan_ulongn(buf, n, &back) != n || back != u) break;
    n = fmt_xlong(buf, u); buf[n] = 0;
    if (scan_xlong(buf, &back) != n || back != u) break;
    n = fmt_long(buf, -(long)(u >> 1)); buf[n] = 0;
    if (scan_long(buf, &l) != n || l != -(long)(u >> 1)) break;
  }
  CHECK(i == 200);
  return t_done();
}
