/* mboxrd: copy a message into an mbox in mboxrd form (mbox(5)): every
   line matching ^>*From  gets one more '>', and a last line without a
   newline gets one.  Streams in constant memory whatever the line length.
   mboxrd_copy(out, in) returns 0, -2 on a read error, -3 on a write
   error (as buffer_copy).  The caller writes the From_ line before and the
   blank line after. */
#ifndef MBOXRD_H
#define MBOXRD_H
#include "buffer.h"
extern int mboxrd_copy(buffer *out, buffer *in);
#endif
