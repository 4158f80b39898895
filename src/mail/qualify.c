/* qualify.c: defaulthost, plusdomain and defaultdomain, as qmail-inject
   applies them. */
#include "byte.h"
#include "qualify.h"

int qualify(const struct qualify *q, const stralloc *local, stralloc *domain, int *flagdomain)
{
  if (!local->len && !*flagdomain) return 1;
  if (*flagdomain && domain->len == 2 && domain->s[0] == '[' && domain->s[1] == ']') return 1;
  if (*flagdomain) {
    while (domain->len && domain->s[domain->len - 1] == '.') --domain->len;
    if (!domain->len) *flagdomain = 0;
  }
  if (!*flagdomain) {
    if (!stralloc_copys(domain, q->host)) return 0;
    *flagdomain = 1;
  }
  if (domain->len && domain->s[domain->len - 1] == '+') {
    --domain->len;
    if (domain->len && !stralloc_append(domain, '.')) return 0;
    if (!stralloc_cats(domain, q->plus)) return 0;
  }
  if (domain->len && domain->s[0] != '[' && byte_chr(domain->s, domain->len, '.') == domain->len) {
    if (!stralloc_append(domain, '.') || !stralloc_cats(domain, q->domain)) return 0;
  }
  return 1;
}
