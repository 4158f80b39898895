/* stralloc: a counted, growable byte string.
   s points to a allocated bytes of which len are used; {0} is empty.
   Builders return 1, or 0 with errno set (ENOMEM, or EOVERFLOW when a size
   would not fit in size_t).  On failure the object is unchanged.
   Every size sum is checked: growth whose size would wrap is refused. */
#ifndef STRALLOC_H
#define STRALLOC_H
#include <stddef.h>

typedef struct stralloc { char *s; size_t len; size_t a; } stralloc;
#define STRALLOC_ZERO { 0, 0, 0 }

extern int stralloc_ready(stralloc *sa, size_t n);
extern int stralloc_readyplus(stralloc *sa, size_t n);
extern int stralloc_copyb(stralloc *sa, const char *s, size_t n);
extern int stralloc_copys(stralloc *sa, const char *s);
extern int stralloc_copy(stralloc *sa, const stralloc *from);
extern int stralloc_catb(stralloc *sa, const char *s, size_t n);
extern int stralloc_cats(stralloc *sa, const char *s);
extern int stralloc_cat(stralloc *sa, const stralloc *from);
extern int stralloc_append(stralloc *sa, char c);
extern int stralloc_catulong0(stralloc *sa, unsigned long u, unsigned int width);
extern int stralloc_starts(const stralloc *sa, const char *s);
extern void stralloc_free(stralloc *sa);
#define stralloc_0(sa) stralloc_append((sa), 0)
#define stralloc_catulong(sa, u) stralloc_catulong0((sa), (u), 0)
#endif
