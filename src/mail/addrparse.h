/* addrparse: the address inside an SMTP MAIL FROM or RCPT TO argument.
   addrparse(arg, len, addr, &paramoff) follows qmail-smtpd: with a '<' the
   address runs from after the first '<' to the first '>' outside double
   quotes; without one it is the text after the first ':' (leading spaces
   skipped) up to a space.  A leading source route "@a,@b:" is dropped,
   "\x" becomes x and double quotes are removed.  quail also refuses what
   qmail let through: a missing '>' or ':', an unterminated quote, a route
   without ':', control bytes (NUL, CR, LF, ...) and addresses longer than
   ADDRPARSE_MAX.  Returns 1 with addr holding the address (no NUL added)
   and *paramoff the offset in arg where the ESMTP parameters start; 0 for
   a syntax error (errno EINVAL); -1 out of memory.
   addrparse_size finds SIZE=n among the parameters: 1 found (*size set;
   a value too big for an unsigned long gives ULONG_MAX), 0 absent,
   -1 malformed (errno EINVAL).
   addrparse_literal: domain text "[d.d.d.d]" or "[IPv6:x:x::x]" (the tag
   case-insensitive) gives 1 with ip (16 bytes; IPv4 as ::ffff:a.b.c.d)
   and *v6 set, else 0. */
#ifndef ADDRPARSE_H
#define ADDRPARSE_H
#include <stddef.h>
#include "stralloc.h"
#define ADDRPARSE_MAX 900
extern int addrparse(const char *arg, size_t len, stralloc *addr, size_t *paramoff);
extern int addrparse_size(const char *params, size_t len, unsigned long *size);
extern int addrparse_literal(const char *dom, size_t len, unsigned char ip[16], int *v6);
#endif
