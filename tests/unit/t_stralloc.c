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

  t_name = "empty";
  stralloc_free(&sa);
  CHECK(sa.s == 0 && sa.len == 0);
  CHECK(stralloc_catb(&sa, "", 0) && sa.len == 0);
  stralloc_free(&sa);
  return t_done();
}
