/* child.c: fork + execvp; a close-on-exec pipe carries exec's errno back,
   so the caller can tell "could not run" from "ran and failed". */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include "child.h"
#include "fd.h"
#include "wait.h"

static ssize_t readall(int fd, char *buf, size_t len)
{
  size_t got = 0;
  ssize_t r;
  while (got < len) {
    r = read(fd, buf + got, len - got);
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    if (r == 0) break;
    got += (size_t)r;
  }
  return (ssize_t)got;
}

pid_t child_exec(char *const *argv, int fdin)
{
  int pe[2];
  int e;
  pid_t pid;
  ssize_t r;

  if (pipe2(pe, O_CLOEXEC) == -1) return -1;
  pid = fork();
  if (pid == -1) { e = errno; close(pe[0]); close(pe[1]); errno = e; return -1; }
  if (pid == 0) {
    close(pe[0]);
    signal(SIGPIPE, SIG_DFL);
    if (fdin != -1 && fd_move(0, fdin) == -1) e = errno;
    else { execvp(argv[0], argv); e = errno; }
    while (write(pe[1], &e, sizeof e) == -1 && errno == EINTR) ;
    _exit(127);
  }
  close(pe[1]);
  r = readall(pe[0], (char *)&e, sizeof e);
  close(pe[0]);
  if (r == 0) return pid;
  if (r == -1) { e = errno; kill(pid, SIGKILL); } /* cannot tell: do not leave it running */
  else if (r != (ssize_t)sizeof e) e = EPROTO; /* a pipe write this small is atomic */
  while (waitpid(pid, 0, 0) == -1 && errno == EINTR) ;
  errno = e;
  return -1;
}

int child_wait(pid_t pid)
{
  int wstat;
  if (wait_pid(&wstat, pid) != pid) return -1;
  if (wait_crashed(wstat)) return -2;
  return wait_exitcode(wstat);
}
