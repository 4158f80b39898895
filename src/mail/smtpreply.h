/* smtpreply: read one SMTP reply from b, strictly.  Every line must be
   three digits (the first 2 to 5) followed by ' ', '-' or the line end,
   all lines with the same code; a line ends with LF (a CR before it is
   dropped); a '-' line continues the reply.
   Returns the code (200..599); 0 when the reply is malformed (garbage,
   mixed codes, a line over SMTPREPLY_LINEMAX bytes, more than
   SMTPREPLY_LINES lines): the caller treats that as a temporary failure
   and drops the connection; -1 when reading fails (errno; EPIPE at EOF).
   text gets the reply, each line ending "\n", with NUL, every other
   control character and every byte >= 128 turned into '?', so remote text
   can never end or forge a report; at most SMTPREPLY_KEEP bytes are kept. */
#ifndef SMTPREPLY_H
#define SMTPREPLY_H
#include "buffer.h"
#include "stralloc.h"
#define SMTPREPLY_LINEMAX 4096
#define SMTPREPLY_LINES 1000
#define SMTPREPLY_KEEP 5000
extern int smtpreply_get(buffer *b, stralloc *text);
#endif
