/* t_fd: fd_copy and fd_move (onto a used and an unused number, onto
   itself, from a closed descriptor), coe (survives fork, closed by exec),
   ndelay_on/off (a read that would block gives EAGAIN). */
#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "fd.h"
#include "t.h"

int main(void)
{
  int pi[2], st;
  char c;
  pid_t pid;

  t_name = "copy";
  CHECK(pipe(pi) == 0);
  CHECK(fd_copy(20, pi[1]) == 0);
  CHECK(write(20, "a", 1) == 1 && read(pi[0], &c, 1) == 1 && c == 'a');
  CHECK(fcntl(pi[1], F_GETFD) != -1); /* the original stays */
  CHECK(fd_copy(20, 20) == 0);
  t_name = "move";
  CHECK(fd_move(21, 20) == 0);
  CHECK(fcntl(20, F_GETFD) == -1 && errno == EBADF);
  CHECK(write(21, "b", 1) == 1 && read(pi[0], &c, 1) == 1 && c == 'b');
  CHECK(fd_move(21, 21) == 0 && fcntl(21, F_GETFD) != -1); /* onto itself: kept */
  t_name = "from a closed fd";
  CHECK(fd_copy(22, 20) == -1 && errno == EBADF);
  CHECK(fd_move(22, 20) == -1 && errno == EBADF);
  CHECK(fd_move(21, 20) == -1 && fcntl(21, F_GETFD) != -1); /* target untouched */
  close(21);

  t_name = "coe";
  CHECK(coe(pi[1]) == 0);
  CHECK(fcntl(pi[1], F_GETFD) & FD_CLOEXEC);
  pid = fork();
  if (pid == 0) {
    /* the write end is open here; exec closes it, so the shell sees EBADF */
    char fdarg[64];
    snprintf(fdarg, sizeof fdarg, "exec 2>/dev/null; echo x >&%d", pi[1]);
    if (fcntl(pi[1], F_GETFD) == -1) _exit(5);
    execl("/bin/sh", "sh", "-c", fdarg, (char *)0);
    _exit(127);
  }
  CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) != 0 && WEXITSTATUS(st) != 5);
  CHECK(coe(999) == -1 && errno == EBADF);

  t_name = "ndelay";
  CHECK(ndelay_on(pi[0]) == 0);
  CHECK(fcntl(pi[0], F_GETFL) & O_NONBLOCK);
  CHECK(read(pi[0], &c, 1) == -1 && errno == EAGAIN);
  CHECK(ndelay_off(pi[0]) == 0);
  CHECK(!(fcntl(pi[0], F_GETFL) & O_NONBLOCK));
  CHECK(ndelay_on(999) == -1 && ndelay_off(999) == -1);
  close(pi[0]); close(pi[1]);
  return t_done();
}
