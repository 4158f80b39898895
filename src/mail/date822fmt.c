/* date822fmt.c: gmtime_r, then fixed-width fields. */
#include "date822fmt.h"
#include "fmt.h"

static const char *const montab[12] = {
  "Jan","Feb","Mar","Apr","May","Jun","Jul","Aug","Sep","Oct","Nov","Dec" };

size_t date822fmt(char *s, time_t t)
{
  struct tm tm;
  char buf[DATE822FMT];
  size_t n = 0;
  if (!gmtime_r(&t, &tm)) { tm.tm_mday = 1; tm.tm_mon = 0; tm.tm_year = 70; tm.tm_hour = tm.tm_min = tm.tm_sec = 0; }
  n += fmt_ulong(buf + n, (unsigned long)tm.tm_mday);
  buf[n++] = ' ';
  n += fmt_str(buf + n, montab[tm.tm_mon % 12]);
  buf[n++] = ' ';
  n += fmt_long(buf + n, (long)tm.tm_year + 1900);
  buf[n++] = ' ';
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_hour, 2);
  buf[n++] = ':';
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_min, 2);
  buf[n++] = ':';
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_sec, 2);
  n += fmt_str(buf + n, " -0000");
  if (s) { size_t i; for (i = 0; i < n; ++i) s[i] = buf[i]; }
  return n;
}
