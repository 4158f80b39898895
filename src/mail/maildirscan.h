/* maildirscan: a Maildir as a reader (qmail-pop3d) sees it.  Callers
   chdir into the Maildir first; names are "new/X" or "cur/X:2,FLAGS".
   maildirscan_clean(now): unlink tmp/ files not accessed for 36 hours;
     0, or -1 with errno when tmp/ cannot be read (one failed unlink is
     skipped, not an error).
   maildirscan(ml): list the regular files of new/ and cur/ whose names do
     not start with '.', sorted by mtime (to the nanosecond), then by name;
     1, or 0 with errno (ml is emptied first; a file that vanishes while
     listed is skipped).
   maildirscan_uid(fn, &len): the unique name of fn (after "new/" or
     "cur/", up to the first ':'), its length in len.
   maildirscan_find(m): m's file is gone; look in cur/ then new/ for the
     same unique name (another reader moved it or changed its flags) and
     point m at it; 1 found, 0 absent, -1 error.
   maildirscan_free(ml) releases everything. */
#ifndef MAILDIRSCAN_H
#define MAILDIRSCAN_H
#include <stddef.h>
#include <time.h>
#include "stralloc.h"

struct maildirmsg {
  stralloc fn;          /* NUL-terminated */
  unsigned long size;   /* bytes on disk (LF line ends) */
  time_t mtime;
  long mtimens;         /* nanoseconds, so same-second order holds */
};
struct maildirlist {
  struct maildirmsg *m;
  size_t len;
  size_t a;
};
#define MAILDIRLIST_ZERO { 0, 0, 0 }

extern int maildirscan_clean(time_t now);
extern int maildirscan(struct maildirlist *ml);
extern const char *maildirscan_uid(const char *fn, size_t *len);
extern int maildirscan_find(struct maildirmsg *m);
extern void maildirscan_free(struct maildirlist *ml);
#endif
