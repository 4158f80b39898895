/* quote: RFC 5321/822 address text.  quote_addr turns the internal form
   of an address (local@domain, the local part raw) into the form for an
   SMTP envelope or a header: the local part is left bare when it is a
   dot-atom and quoted with backslash escapes otherwise ("a b"@x).
   Returns 1, or 0 with errno.  quote_need says whether a local part needs
   quoting.  The empty address stays empty. */
#ifndef QUOTE_H
#define QUOTE_H
#include <stddef.h>
#include "stralloc.h"
extern int quote_need(const char *local, size_t len);
extern int quote_addr(stralloc *out, const stralloc *addr);
#endif
