/* wait: child status.  wait_pid waits for pid (EINTR retried) and returns
   pid, or -1.  wait_nohang returns a reaped pid, 0 if none is ready, -1. */
#ifndef WAIT_H
#define WAIT_H
#include <sys/types.h>
#include <sys/wait.h>
extern pid_t wait_pid(int *status, pid_t pid);
extern pid_t wait_nohang(int *status);
#define wait_crashed(w) (WIFSIGNALED(w) ? WTERMSIG(w) : 0)
#define wait_exitcode(w) (WIFEXITED(w) ? WEXITSTATUS(w) : -1)
#endif
