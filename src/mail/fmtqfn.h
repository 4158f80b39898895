/* fmtqfn: queue file names.  fmtqfn(s, dir, id, flagsplit) writes
   dir + [id % conf-split + "/"] + id + NUL, e.g. "mess/7/12345".
   Returns the length including the NUL; with a null pointer it only
   counts.  FMTQFN bounds any result for a dir of up to 40 bytes. */
#ifndef FMTQFN_H
#define FMTQFN_H
#include <stddef.h>
#define FMTQFN 128
extern size_t fmtqfn(char *s, const char *dir, unsigned long id, int flagsplit);
#endif
