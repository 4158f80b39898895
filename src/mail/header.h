/* header: read a message header into memory, as qmail-inject does.
   A field is a line starting with a valid name (hfield_valid) plus the
   lines after it that start with a space or a tab.  The header ends at an
   empty line (LF or CR LF, consumed), at end of input, or at the first
   line that is neither a field nor a continuation: that line is kept in
   h->body, the start of the body.  A first line "From ..." (an mbox
   separator) becomes the field "MBOX-Line: From ...".  CR LF line ends
   become LF; a last line without LF gets one.
   header_read returns 1; 0 when the header passes maxbytes or maxfields
   (errno E2BIG); -1 on a read error or out of memory (errno set).
   Field i is text.s[off[i] .. off[i+1]) (off[nfields] = text.len); each
   ends in LF.  h->end tells how the header ended. */
#ifndef HEADER_H
#define HEADER_H
#include <stddef.h>
#include "buffer.h"
#include "stralloc.h"

#define HEADER_EOF 0
#define HEADER_BLANK 1
#define HEADER_BODY 2

struct header {
  stralloc text;
  size_t *off;
  size_t nfields;
  size_t aoff;
  stralloc body; /* the line that ended the header, when end is HEADER_BODY */
  int end;
};
#define HEADER_ZERO { STRALLOC_ZERO, 0, 0, 0, STRALLOC_ZERO, 0 }

extern int header_read(struct header *h, buffer *b, size_t maxbytes, size_t maxfields);
extern void header_free(struct header *h);
#endif
