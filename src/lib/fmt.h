/* fmt: numbers to text.  Each returns the number of bytes written; with a
   null pointer it only counts.  No NUL is written. */
#ifndef FMT_H
#define FMT_H
#include <stddef.h>
#define FMT_ULONG 40 /* enough for any unsigned long, plus slack */
#define FMT_LEN ((char *)0)
extern size_t fmt_ulong(char *s, unsigned long u);
extern size_t fmt_ulong0(char *s, unsigned long u, size_t width);
extern size_t fmt_long(char *s, long l);
extern size_t fmt_xlong(char *s, unsigned long u);
extern size_t fmt_8long(char *s, unsigned long u);
extern size_t fmt_str(char *s, const char *t);
extern size_t fmt_strn(char *s, const char *t, size_t n);
#endif
