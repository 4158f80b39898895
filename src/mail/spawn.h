/* spawn: the engine shared by qmail-lspawn and qmail-rspawn (reference 5.2).
   spawn_main chdirs to HOME/queue/mess, calls ops->init, writes the
   one-byte concurrency limit (conf-spawn) on fd 1, then reads commands
   (slot byte, "S/N" NUL, sender NUL, recipient NUL) from fd 0 and writes
   one report (slot byte, K/Z/D + text, NUL) per command on fd 1.
   For each valid command it opens the message (a regular file owned by
   qmailq, no symlink), forks, and in the child makes fd 0 the message and
   fds 1 and 2 the report pipe, restores SIGCHLD/SIGPIPE, and calls
   ops->child (which must exec or _exit; if it returns the child exits 111).
   at is the index of the recipient's last '@'.
   When the child has exited AND its pipe has reached EOF, ops->report
   turns the exit status and the collected output (at most truncreport
   bytes; longer output is cut and "\nError report too long, sorry.\n"
   appended) into status + text in rep (rep is emptied first); it returns
   1, or 0 with errno (out of memory: a Z report is sent instead).  The
   text is cut at its first NUL before it is sent.
   spawn_main returns the exit code for the program: 0 after fd 0 reached
   EOF and every child has been reported, 111 when it cannot start (no
   HOME/queue/mess, unknown qmailq account) or cannot write reports. */
#ifndef SPAWN_H
#define SPAWN_H
#include <stddef.h>
#include "stralloc.h"

struct spawn_ops {
  size_t truncreport;  /* > 0: cap on the output kept per delivery */
  void (*init)(int argc, char **argv);
  void (*child)(const char *sender, const char *recip, size_t at);
  int (*report)(stralloc *rep, int wstat, const char *out, size_t len);
};

extern int spawn_main(int argc, char **argv, const struct spawn_ops *ops);
#endif
