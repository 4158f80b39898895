/* maildir: deliver one message into a Maildir (maildir(5)), durably.
   maildir_deliver(dir, hdr, hdrlen, in, host, &step) creates
   dir/tmp/NAME with O_EXCL (no symbolic link followed: not for dir's last
   component, tmp, new, nor the file), writes hdr then everything in, fsyncs
   and closes the file, links it as dir/new/NAME, fsyncs new/, and removes
   the tmp/ name.  NAME is TIME.MusecPpid.HOST (host with '/' and ':'
   written \057 and \072); a name already taken in tmp/ or new/ is never
   reused (a fresh one is tried, at most 5 times).  Returns 0, or -1 with
   errno set and *step naming what failed (for the caller's message): a
   failed read of in sets *step to "read"; a symbolic link gives ELOOP.  Nothing is left in new/ on
   failure; a tmp/ file may be left after a crash (readers remove tmp/
   files older than 36 hours). */
#ifndef MAILDIR_H
#define MAILDIR_H
#include <stddef.h>
#include "buffer.h"
extern int maildir_deliver(const char *dir, const char *hdr, size_t hdrlen, buffer *in,
  const char *host, const char **step);
#endif
