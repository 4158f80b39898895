/* fmtqfn.c: split directories follow qmail: id mod conf-split. */
#include "auto.h"
#include "fmt.h"
#include "fmtqfn.h"

size_t fmtqfn(char *s, const char *dir, unsigned long id, int flagsplit)
{
  size_t len = 0, i;
  i = fmt_str(s, dir); len += i; if (s) s += i;
  if (flagsplit) {
    i = fmt_ulong(s, id % auto_split); len += i; if (s) s += i;
    if (s) *s++ = '/';
    ++len;
  }
  i = fmt_ulong(s, id); len += i; if (s) s += i;
  if (s) *s++ = 0;
  ++len;
  return len;
}
