/* smtpdata: a message as SMTP DATA text.  Every line end of the input --
   CRLF, a bare LF or a bare CR -- leaves as CRLF, a line that starts with
   '.' gets one more '.', a missing final line end is added, and
   smtpdata_end adds the ".\r\n" terminator, so no bare CR or LF can ever
   reach the wire.  The state lives in struct smtpdata (SMTPDATA_ZERO to
   start).  With out = 0 nothing is written: the calls only count, so a
   first pass gives the size for SIZE= and whether there is 8-bit data.
   st->bytes counts the canonical message (without the dot-stuffing and
   the terminator); st->eightbit is set by any byte >= 128.
   smtpdata_put/smtpdata_end return 0, or -1 when a buffer write fails. */
#ifndef SMTPDATA_H
#define SMTPDATA_H
#include <stddef.h>
#include "buffer.h"
struct smtpdata { int bol; int cr; int eightbit; unsigned long long bytes; };
#define SMTPDATA_ZERO { 1, 0, 0, 0 }
extern int smtpdata_put(buffer *out, struct smtpdata *st, const char *s, size_t n);
extern int smtpdata_end(buffer *out, struct smtpdata *st);
#endif
