/* qmesearch: which .qmail file controls a local address (reference 8.2).
   qme_safeext(sa, ext, len): sa = ext lowercased with every '.' turned
   into ':' (so no dot from an address reaches a file name); 1, or 0 with
   errno.
   qme_search(q, dash, ext, len): tries ".qmail" dash safeext, then the
   "-default" names walking back over '-' boundaries (with an empty dash
   only the exact name is tried).  Files are opened
   read-only without following a symbolic link in the last component.
   Returns 1 found (q->fd open, q->fn the NUL-terminated name, q->defpos
   the offset in ext where DEFAULT starts, or -1 when the name does not end
   in "default"), 0 none (q->fd -1), -1 error (errno set, q->fn names the
   file; ELOOP for a symbolic link).  A non-regular file counts as absent.
   qme_exists(fn): stat says it exists: 1, 0 absent, -1 error. */
#ifndef QMESEARCH_H
#define QMESEARCH_H
#include <stddef.h>
#include "stralloc.h"
struct qme {
  stralloc fn;
  int fd;
  long defpos;
};
#define QME_ZERO { STRALLOC_ZERO, -1, -1 }
extern int qme_safeext(stralloc *sa, const char *ext, size_t len);
extern int qme_search(struct qme *q, const char *dash, const char *ext, size_t len);
extern int qme_exists(const char *fn);
#endif
