/* str: NUL-terminated strings.  str_chr/str_rchr return the index of the
   match or the length when there is none. */
#ifndef STR_H
#define STR_H
#include <stddef.h>
#include <string.h>
extern size_t str_chr(const char *s, int c);
extern size_t str_rchr(const char *s, int c);
extern int str_start(const char *s, const char *prefix);
#define str_len(s) strlen(s)
#define str_diff(a, b) strcmp((a), (b))
#define str_diffn(a, b, n) strncmp((a), (b), (n))
#define str_equal(a, b) (!strcmp((a), (b)))
#endif
