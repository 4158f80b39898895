/* t_stralloc: growth, copies, and the CVE-2005-1513 class: a growth whose
   size would wrap is refused and leaves the object unchanged. */
#include <errno.h>
#include <stdint.h>
#include <limits.h>
#include "alloc.h"
#include "stralloc.h"
#include "t.h"

int main(void)
{
  stralloc sa = STRALLOC_ZERO;
  static const size_t hostile[] = { SIZE_MAX, SIZE_MAX - 1, SIZE_MAX - 30, SIZE_MAX / 2 + 1 };
  size_t i;

  t_name = "basic";
  CHECK(stralloc_copys(&sa, "hello"));
  CHECK(sa.len == 5);
  CHECK(stralloc_cats(&sa, ", world"));
  CHECKMEM(sa.s, 12, "hello, world");
  CHECK(stralloc_append(&sa, '!'));
  CHECK(sa.len == 13);
  CHECK(stralloc_starts(&sa, "hello"));
  CHECK(!stralloc_starts(&sa, "world"));
  CHECK(stralloc_copyb(&sa, "", 0) && sa.len == 0);
  CHECK(stralloc_catulong0(&sa, 42, 5));
  CHECKMEM(sa.s, 5, "00042");

  t_name = "wrap refused";
  CHECK(stralloc_copys(&sa, "keep"));
  for (i = 0; i < sizeof hostile / sizeof hostile[0]; ++i) {
    char *s = sa.s; size_t len = sa.len, a = sa.a;
    errno = 0;
    CHECK(!stralloc_readyplus(&sa, hostile[i]));
    CHECK(errno == EOVERFLOW || errno == ENOMEM);
    CHECK(sa.s == s && sa.len == len && sa.a == a);
    CHECKMEM(sa.s, 4, "keep");
    CHECK(!stralloc_catb(&sa, "x", hostile[i]) || hostile[i] == 0);
    CHECK(sa.s == s && sa.len == len && sa.a == a);
  }
  CHECK(!stralloc_ready(&sa, SIZE_MAX));

  t_name = "allocation failure";
  CHECK(stralloc_copys(&sa, "abc"));
  alloc_failafter(0);
  { char *s = sa.s; size_t len = sa.len, a = sa.a;
    CHECK(!stralloc_readyplus(&sa, a + 100));
    CHECK(errno == ENOMEM);
    CHECK(sa.s == s && sa.len == len && sa.a == a); }
  alloc_failafter(-1);
  CHECK(stralloc_readyplus(&sa, 100000));
  CHECKMEM(sa.s, 3, "abc");

  t_name = "copies";
  { stralloc b = STRALLOC_ZERO;
    CHECK(stralloc_copys(&sa, "abc"));
    CHECK(stralloc_copy(&b, &sa) && b.len == 3 && b.s != sa.s);
    CHECKMEM(b.s, 3, "abc");
    CHECK(stralloc_cat(&b, &sa) && b.len == 6);
    CHECKMEM(b.s, 6, "abcabc");
    CHECK(stralloc_copyb(&b, "xyz", 2) && b.len == 2);
    CHECKMEM(b.s, 2, "xy");
    stralloc_free(&b); }

  t_name = "self append";
  stralloc_free(&sa); /* small, so that every doubling must move the string */
  CHECK(stralloc_copys(&sa, "0123456789"));
  for (i = 0; i < 12; ++i) CHECK(stralloc_cat(&sa, &sa)); /* growth moves s */
  CHECK(sa.len == 10 << 12);
  CHECKMEM(sa.s + sa.len - 10, 10, "0123456789");
  CHECK(stralloc_catb(&sa, sa.s + 3, 4));
  CHECKMEM(sa.s + sa.len - 4, 4, "3456");
  CHECK(stralloc_copyb(&sa, sa.s + 2, 3) && sa.len == 3); /* overlapping copy */
  CHECKMEM(sa.s, 3, "234");

  t_name = "sentinel";
  CHECK(stralloc_copys(&sa, "ab"));
  CHECK(sa.a > sa.len);        /* room for the byte after */
  CHECK(stralloc_0(&sa) && sa.len == 3 && sa.s[2] == 0);

  t_name = "numbers";
  CHECK(stralloc_copys(&sa, ""));
  CHECK(stralloc_catulong(&sa, 0));
  CHECK(stralloc_catulong(&sa, ULONG_MAX));
  { char want[64]; int n = snprintf(want, sizeof want, "0%lu", ULONG_MAX);
    CHECK(sa.len == (size_t)n && !memcmp(sa.s, want, sa.len)); }
  CHECK(stralloc_copys(&sa, "") && stralloc_catulong0(&sa, 7, 1000)); /* width capped */
  CHECK(sa.len < 100 && sa.s[sa.len - 1] == '7' && sa.s[0] == '0');
  CHECK(stralloc_copys(&sa, "") && stralloc_catulong0(&sa, 12345, 2));
  CHECKMEM(sa.s, 5, "12345");

  t_name = "ready keeps contents";
  CHECK(stralloc_copys(&sa, "keep me"));
  CHECK(stralloc_ready(&sa, 3) && sa.len == 7);       /* no shrink */
  CHECK(stralloc_ready(&sa, 100000) && sa.len == 7 && sa.a >= 100001);
  CHECKMEM(sa.s, 7, "keep me");
  CHECK(stralloc_readyplus(&sa, 0));
  CHECK(!stralloc_ready(&sa, SIZE_MAX - 1) && errno == ENOMEM); /* fits size_t, not memory */
  CHECK(!stralloc_ready(&sa, (size_t)INT_MAX * 8 + SIZE_MAX / 2));
  CHECK(sa.len == 7);
  CHECKMEM(sa.s, 7, "keep me");

  t_name = "failure midway through growth";
  stralloc_free(&sa);
  alloc_failafter(1);
  CHECK(stralloc_copys(&sa, "first"));
  { char *s = sa.s; size_t a = sa.a;
    static char big[4096];
    CHECK(!stralloc_catb(&sa, big, sizeof big) && errno == ENOMEM);
    CHECK(sa.s == s && sa.a == a && sa.len == 5); }
  alloc_failafter(-1);

  t_name = "empty";
  stralloc_free(&sa);
  CHECK(sa.s == 0 && sa.len == 0);
  CHECK(stralloc_catb(&sa, "", 0) && sa.len == 0);
  stralloc_free(&sa);
  return t_done();
}
