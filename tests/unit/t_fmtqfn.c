/* t_fmtqfn: queue names with and without the split directory
   (id mod conf-split), the NUL counted in the length, counting with a
   null pointer, and the FMTQFN bound for a 40-byte dir and ULONG_MAX. */
#include <limits.h>
#include "auto.h"
#include "fmtqfn.h"
#include "t.h"

int main(void)
{
  char s[FMTQFN], want[FMTQFN];
  static const unsigned long ids[] = { 0, 1, 22, 23, 24, 12345, 4294967295ul, ULONG_MAX };
  size_t i, n;
  static const char dir40[] = "0123456789012345678901234567890123456/x/";

  for (i = 0; i < sizeof ids / sizeof ids[0]; ++i) {
    t_name = "split";
    n = fmtqfn(s, "mess/", ids[i], 1);
    snprintf(want, sizeof want, "mess/%lu/%lu", ids[i] % auto_split, ids[i]);
    CHECK(n == strlen(want) + 1 && !strcmp(s, want));
    CHECK(fmtqfn(0, "mess/", ids[i], 1) == n);
    t_name = "flat";
    n = fmtqfn(s, "todo/", ids[i], 0);
    snprintf(want, sizeof want, "todo/%lu", ids[i]);
    CHECK(n == strlen(want) + 1 && !strcmp(s, want));
    CHECK(fmtqfn(0, "todo/", ids[i], 0) == n);
  }
  t_name = "bound";
  CHECK(strlen(dir40) == 40);
  CHECK(fmtqfn(0, dir40, ULONG_MAX, 1) <= FMTQFN);
  n = fmtqfn(s, dir40, ULONG_MAX, 1);
  CHECK(n <= FMTQFN && s[n - 1] == 0);
  t_name = "empty dir";
  CHECK(fmtqfn(s, "", 7, 0) == 2 && !strcmp(s, "7"));
  CHECK(auto_split > 0);
  return t_done();
}
