/* rcpthosts: which recipient domains this host accepts mail for
   (control/rcpthosts, then control/morercpthosts.cdb; qmail-control(5)).
   Callers chdir to conf-home first.
   rcpthosts_init: 1 rcpthosts read, 0 rcpthosts missing, -1 error.
   rcpthosts_check(addr, len): 1 allowed, 0 refused, -1 error (errno).
   An address without '@' is allowed.  The domain (after the last '@',
   lowercased) matches a line equal to it, or a line ".suffix" for any
   suffix of it that starts at a dot.  Unlike qmail, a missing rcpthosts
   allows no domain at all: the module fails closed, never open. */
#ifndef RCPTHOSTS_H
#define RCPTHOSTS_H
#include <stddef.h>
extern int rcpthosts_init(void);
extern int rcpthosts_check(const char *addr, size_t len);
#endif
