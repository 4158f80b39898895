/* chanfile: reading and marking a queue channel file (local/S/N,
   remote/S/N): records "T<address>\0" (to do) and "D<address>\0" (done).
   chanfile_open opens fn for reading and marking: 1, or 0 with errno.
   chanfile_next reads on to the next T record: 1 with the address in rec
   (no type byte, no NUL) and *off the record's offset, 0 at the end, -1
   on a read error or a damaged last record (errno set).  Records of other
   types are skipped and counted in unknown.
   chanfile_mark turns the record at off into a D record: 1, or 0 with
   errno.  The mark is not fsynced (a crash may repeat a delivery). */
#ifndef CHANFILE_H
#define CHANFILE_H
#include <sys/types.h>
#include "buffer.h"
#include "stralloc.h"

#define CHANFILE_RECMAX 70000

struct chanfile {
  int fd;
  off_t pos;
  unsigned long unknown;
  buffer b;
  char buf[4096];
};

extern int chanfile_open(struct chanfile *cf, const char *fn);
extern int chanfile_next(struct chanfile *cf, stralloc *rec, off_t *off);
extern int chanfile_mark(struct chanfile *cf, off_t off);
extern void chanfile_close(struct chanfile *cf);
#endif
