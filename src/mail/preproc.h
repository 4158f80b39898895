/* preproc: qmail-send's first step for a new message: todo/N read, the
   sender written to info/S/N, each recipient rewritten (rewrite.h) and
   written to local/S/N or remote/S/N (each made on first use).  Old
   copies of these files (from a crash) are removed first.
   preproc_write returns 1 with the files written and still open, not yet
   fsynced (qrec_sync them, fsync their directories, then qrec_close);
   0 when todo/N is gone; -1 on trouble, with fail naming what went wrong
   ("unable to stat ", ...) and failfn the file, all files closed.
   After 1, bytes is the size of mess/S/N, uid and qp the caller's uid and
   qmail-queue's pid (NUL-terminated text), sender the envelope sender,
   and unknown counts records of unknown type. */
#ifndef PREPROC_H
#define PREPROC_H
#include "fmtqfn.h"
#include "qrec.h"
#include "rewrite.h"
#include "stralloc.h"

struct preproc {
  unsigned long id;
  struct qrec f[3];           /* info, local, remote */
  unsigned long bytes, unknown;
  stralloc uid, qp, sender, rec, addr;
  const char *fail;
  char failfn[FMTQFN];
};

extern int preproc_write(struct preproc *p, unsigned long id, const struct rewrite *rw);
#endif
