/* stralloc.c: growth with checked arithmetic.  One byte beyond len is kept
   for a sentinel, so a ready(n) succeeds only when n + 1 fits. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include "alloc.h"
#include "fmt.h"
#include "stralloc.h"

int stralloc_ready(stralloc *sa, size_t n)
{
  size_t want;
  if (n > SIZE_MAX - 1) { errno = EOVERFLOW; return 0; }
  if (sa->s && n + 1 <= sa->a) return 1;
  /* grow by an eighth plus 30 so appends are amortised; fall back to the
     exact size when the slack itself would overflow */
  want = n + 1;
  if (want <= (SIZE_MAX - 30) - (want >> 3)) want += 30 + (want >> 3);
  if (!sa->s) {
    char *x = alloc(want);
    if (!x) return 0;
    sa->s = x; sa->a = want; sa->len = 0;
    return 1;
  }
  if (!alloc_re(&sa->s, sa->len, want)) return 0;
  sa->a = want;
  return 1;
}

int stralloc_readyplus(stralloc *sa, size_t n)
{
  size_t len = sa->s ? sa->len : 0;
  if (n > SIZE_MAX - len) { errno = EOVERFLOW; return 0; }
  return stralloc_ready(sa, len + n);
}

int stralloc_copyb(stralloc *sa, const char *s, size_t n)
{
  if (!stralloc_ready(sa, n)) return 0;
  if (n) memmove(sa->s, s, n); /* s may be null when n is 0 */
  sa->len = n;
  sa->s[n] = 'Z'; /* sentinel: nobody may rely on a NUL here */
  return 1;
}

int stralloc_copys(stralloc *sa, const char *s) { return stralloc_copyb(sa, s, strlen(s)); }
int stralloc_copy(stralloc *sa, const stralloc *from) { return stralloc_copyb(sa, from->s, from->len); }

int stralloc_catb(stralloc *sa, const char *s, size_t n)
{
  uintptr_t from = (uintptr_t)s, base = (uintptr_t)sa->s;
  if (!sa->s) return stralloc_copyb(sa, s, n);
  if (!stralloc_readyplus(sa, n)) return 0;
  /* s may lie in sa itself (stralloc_cat(sa, sa)): growth moved it */
  if (from >= base && from < base + sa->len) s = sa->s + (from - base);
  if (n) memmove(sa->s + sa->len, s, n);
  sa->len += n;
  sa->s[sa->len] = 'Z';
  return 1;
}

int stralloc_cats(stralloc *sa, const char *s) { return stralloc_catb(sa, s, strlen(s)); }
int stralloc_cat(stralloc *sa, const stralloc *from) { return stralloc_catb(sa, from->s, from->len); }
int stralloc_append(stralloc *sa, char c) { return stralloc_catb(sa, &c, 1); }

int stralloc_catulong0(stralloc *sa, unsigned long u, unsigned int width)
{
  char buf[FMT_ULONG];
  size_t n = fmt_ulong0(buf, u, width > FMT_ULONG - 1 ? FMT_ULONG - 1 : width);
  return stralloc_catb(sa, buf, n);
}

int stralloc_starts(const stralloc *sa, const char *s)
{
  size_t n = strlen(s);
  return sa->len >= n && !memcmp(sa->s, s, n);
}

void stralloc_free(stralloc *sa)
{
  alloc_free(sa->s);
  sa->s = 0; sa->len = 0; sa->a = 0;
}
