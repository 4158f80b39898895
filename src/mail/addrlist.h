/* addrlist: the address list in a header field such as To, Cc or From
   (RFC 822 mailboxes, <route-addr>s, groups), parsed into entries that
   qmail-inject can qualify and write back.
   Each entry is a mailbox, the start of a group ("name:") or its end (";").
   A mailbox keeps its display phrase and its comments as unfolded source
   text, and its address as local part (unquoted) and domain; a source
   route is dropped.  Addresses separated only by white space become
   separate entries ("djb fred" is two mailboxes).
   addrlist_parse returns 1, 0 on a syntax error (errno EINVAL), or -1
   when out of memory.  The list is replaced.
   addr822_fmt appends one entry in header form, the local part quoted
   when it needs it; addr822_env appends the envelope form local@domain.
   addrlist_fmt appends the whole list, separated by ", " and folded
   before an entry that would pass column 78; col is the column where the
   list starts.  The builders return 1, or 0 with errno. */
#ifndef ADDRLIST_H
#define ADDRLIST_H
#include <stddef.h>
#include "stralloc.h"

#define A822_MAILBOX 1
#define A822_GROUP 2
#define A822_GROUPEND 3

struct addr822 {
  int kind;
  int flagangle;   /* written as <...> */
  int flagdomain;  /* had an @ */
  stralloc phrase; /* display name, or the group's name */
  stralloc comment;
  stralloc local;
  stralloc domain; /* a domain literal keeps its brackets */
};
typedef struct addrlist { struct addr822 *x; size_t len; size_t a; } addrlist;
#define ADDRLIST_ZERO { 0, 0, 0 }

extern int addrlist_parse(addrlist *al, const char *s, size_t n);
extern int addrlist_fmt(stralloc *out, const addrlist *al, size_t col);
extern int addr822_fmt(stralloc *out, const struct addr822 *a);
extern int addr822_env(stralloc *out, const struct addr822 *a);
extern int addr822_isempty(const struct addr822 *a);
extern void addrlist_free(addrlist *al);
#endif
