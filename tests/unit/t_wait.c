/* t_wait: wait_pid for exit codes 0, 1, 100, 111, 255 and a signal;
   wait_crashed/wait_exitcode; wait_nohang with nothing ready (0), a child
   still running (0), a finished child, and no children at all (-1 ECHILD);
   wait_pid keeps waiting across an interrupting signal. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "sig.h"
#include "wait.h"
#include "t.h"

static void nop(int s) { (void)s; }

int main(void)
{
  static const int codes[] = { 0, 1, 100, 111, 255 };
  size_t i;
  int st, pi[2];
  pid_t pid;

  alarm(60);
  t_name = "exit codes";
  for (i = 0; i < sizeof codes / sizeof codes[0]; ++i) {
    pid = fork();
    if (pid == 0) _exit(codes[i]);
    CHECK(wait_pid(&st, pid) == pid);
    CHECK(wait_crashed(st) == 0 && wait_exitcode(st) == codes[i]);
  }
  t_name = "crash";
  pid = fork();
  if (pid == 0) { raise(SIGKILL); _exit(0); }
  CHECK(wait_pid(&st, pid) == pid && wait_crashed(st) == SIGKILL && wait_exitcode(st) == -1);

  t_name = "nohang";
  CHECK(wait_nohang(&st) == -1 && errno == ECHILD);
  CHECK(pipe(pi) == 0);
  pid = fork();
  if (pid == 0) { char c; close(pi[1]); if (read(pi[0], &c, 1) < 0) _exit(2); _exit(7); }
  close(pi[0]);
  CHECK(wait_nohang(&st) == 0); /* still running */
  close(pi[1]);                  /* let it finish */
  {
    pid_t r;
    int n;
    for (n = 0; n < 20000 && (r = wait_nohang(&st)) == 0; ++n) usleep(1000); /* up to 20 s */
    CHECK(r == pid && wait_exitcode(st) == 7);
  }

  t_name = "EINTR retried";
  sig_catch(SIGUSR1, nop); /* no SA_RESTART: waitpid gets EINTR */
  pid = fork();
  if (pid == 0) { usleep(200000); kill(getppid(), SIGUSR1); usleep(200000); _exit(3); }
  CHECK(wait_pid(&st, pid) == pid && wait_exitcode(st) == 3);
  CHECK(wait_pid(&st, pid) == -1 && errno == ECHILD);
  return t_done();
}
