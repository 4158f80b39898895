/* mbox: pieces of the mbox format (mbox(5), mboxrd quoting).
   mbox_date(s, t) writes t in GMT as "Www Mmm DD HH:MM:SS YYYY" (the
   From_ line date, day zero-padded) and returns the length; with a null
   pointer it only counts.  MBOX_DATE bounds the result.
   mbox_fromline(sa, sender, len, t) sets sa to "From SENDER DATE\n":
   spaces, tabs and newlines in the sender become '-', an empty sender is
   written MAILER-DAEMON.  Returns 1, or 0 with errno.
   mbox_needquote(line, len) is 1 when the line matches ^>*From  and so
   gets one more '>' in mboxrd form, else 0.
   mbox_copy(out, in) copies a message from in to out in mboxrd form:
   one more '>' before each line matching ^>*From , and a newline after a
   last line that lacks one.  Lines of any length stream through (nothing
   is held but a few bytes).  Returns 0, -2 on a read error, -3 on a
   write error (errno set), like buffer_copy. */
#ifndef MBOX_H
#define MBOX_H
#include <stddef.h>
#include <time.h>
#include "buffer.h"
#include "stralloc.h"
#define MBOX_DATE 40
extern size_t mbox_date(char *s, time_t t);
extern int mbox_fromline(stralloc *sa, const char *sender, size_t len, time_t t);
extern int mbox_needquote(const char *line, size_t len);
extern int mbox_copy(buffer *out, buffer *in);
#endif
