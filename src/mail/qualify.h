/* qualify: qmail-inject's address rewriting (qmail-inject(8)), applied to
   a local part and a domain (flagdomain: the address had an @).
   In order: the empty address and a domain of "[]" are left alone; dots
   at the end of the domain go, and an empty domain counts as none; no
   domain: host is used; a domain ending in '+' loses it and gets
   "." plus appended; a domain without a dot that is not a [literal] gets
   "." domain appended.  Returns 1, or 0 with errno. */
#ifndef QUALIFY_H
#define QUALIFY_H
#include "stralloc.h"

struct qualify {
  const char *host;   /* defaulthost */
  const char *domain; /* defaultdomain */
  const char *plus;   /* plusdomain */
};

extern int qualify(const struct qualify *q, const stralloc *local, stralloc *domain, int *flagdomain);
#endif
