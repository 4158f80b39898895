/* qrec: writing a new queue file of records (type byte, text, NUL), as
   qmail-send's preprocessing does for info/, local/ and remote/.
   qrec_create makes fn with O_EXCL and the given mode: 1, or 0 with errno.
   qrec_put appends one record: 1, or 0 with errno.
   qrec_sync flushes and fsyncs the file (not its directory, so a caller
   writing many files can fsync each directory once): 1, or 0 with errno.  qrec_close closes (fd -1 means not open). */
#ifndef QREC_H
#define QREC_H
#include <stddef.h>
#include "buffer.h"
#include "fmtqfn.h"

struct qrec {
  int fd;
  char fn[FMTQFN];
  buffer b;
  char buf[4096];
};

extern int qrec_create(struct qrec *q, int mode);
extern int qrec_put(struct qrec *q, char type, const char *s, size_t len);
extern int qrec_sync(struct qrec *q);
extern void qrec_close(struct qrec *q);
#endif
