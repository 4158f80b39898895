/* control: the one-line and list files under HOME/control.
   Callers chdir to conf-home first; names are relative ("control/me").
   control_init reads control/me (if present) as the default for the
   "me, else literal" settings.
   control_readline: 1 read (first line, trailing whitespace stripped),
     0 file missing (sa unchanged), -1 error.
   control_rldef: as readline, but a missing file gives me when flagme is
     set and me exists, else def; returns 1, 0 (missing and no def), -1.
   control_readint/readulong: first line as unsigned decimal; 1, 0 missing
     (*i unchanged), -1 error; a line that does not start with a digit
     keeps the default.
   control_readfile: list file into sa as NUL-terminated entries, trailing
     whitespace stripped, blank lines and '#' lines dropped; 1, 0 missing
     (sa empty), -1 error. */
#ifndef CONTROL_H
#define CONTROL_H
#include "stralloc.h"
extern stralloc control_me;
extern int control_flagme;
extern int control_init(void);
extern int control_readline(stralloc *sa, const char *fn);
extern int control_rldef(stralloc *sa, const char *fn, int flagme, const char *def);
extern int control_readint(int *i, const char *fn);
extern int control_readulong(unsigned long *u, const char *fn);
extern int control_readfile(stralloc *sa, const char *fn);
#endif
