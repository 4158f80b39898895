/* getln: read one line (through sep, which is kept) into sa.
   getln returns 0 with *match = 1 for a whole line, 0 with *match = 0 at
   EOF (sa holds any partial last line), or -1 on a read or memory error.
   getln_max is the same but refuses lines longer than max bytes: it
   returns -1 with errno E2BIG, having consumed max bytes of the line. */
#ifndef GETLN_H
#define GETLN_H
#include "buffer.h"
#include "stralloc.h"
extern int getln(buffer *b, stralloc *sa, int *match, int sep);
extern int getln_max(buffer *b, stralloc *sa, int *match, int sep, size_t max);
#endif
