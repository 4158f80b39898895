/* case: ASCII case-insensitive comparison and lowering (never locale). */
#ifndef CASE_H
#define CASE_H
#include <stddef.h>
extern int case_diffb(const char *a, size_t n, const char *b);
extern int case_diffs(const char *a, const char *b);
extern int case_starts(const char *s, const char *prefix);
extern void case_lowerb(char *s, size_t n);
extern void case_lowers(char *s);
#define case_equals(a, b) (!case_diffs((a), (b)))
#endif
