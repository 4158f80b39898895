/* child: run a program as a child process and learn whether it started.
   child_exec(argv, fdin) forks; the child makes fdin its fd 0 (fdin -1
   keeps fd 0), sets SIGPIPE back to default and execvp's argv[0].  It
   returns the child's pid once the exec has succeeded, or -1 with errno:
   from pipe or fork, or the error that made exec fail (that child has
   then been reaped).  Descriptors the child must not keep (the other end
   of a pipe given as fdin) must be close-on-exec.
   child_wait(pid) waits for it and returns its exit code 0..255, -2 when
   a signal killed it, or -1 with errno when waiting failed. */
#ifndef CHILD_H
#define CHILD_H
#include <sys/types.h>
extern pid_t child_exec(char *const *argv, int fdin);
extern int child_wait(pid_t pid);
#endif
