/* date822fmt: an RFC 822 date in GMT, as qmail writes it in Received lines:
   "26 Sep 1995 04:46:54 -0000" (day without leading zero).  Returns the
   length; with a null pointer it only counts.  DATE822FMT bounds it. */
#ifndef DATE822FMT_H
#define DATE822FMT_H
#include <stddef.h>
#include <time.h>
#define DATE822FMT 60
extern size_t date822fmt(char *s, time_t t);
#endif
