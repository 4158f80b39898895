/* t_sig: catch (the handler runs; a blocking read is interrupted with
   EINTR), catch_restart (the read is restarted), ignore, default, block
   and unblock (a blocked signal waits and arrives on unblock), and
   unblockall. */
#include <errno.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include "sig.h"
#include "t.h"

static volatile sig_atomic_t got;
static void handler(int s) { got = s; }

/* a child that sends SIGUSR1 to us every 50 ms, n times, then writes a
   byte to fd (when n is 0 it signals until killed and never writes):
   whenever our read starts, a signal arrives during it */
static pid_t poke(int fd, int n)
{
  pid_t pid = fork();
  if (pid == 0) {
    int i;
    for (i = 0; !n || i < n; ++i) { usleep(50000); kill(getppid(), SIGUSR1); }
    if (write(fd, "x", 1) != 1) _exit(1);
    _exit(0);
  }
  return pid;
}

int main(void)
{
  int pi[2], st;
  char c;
  pid_t pid;
  sigset_t ss;

  alarm(20);
  t_name = "catch interrupts";
  CHECK(pipe(pi) == 0);
  sig_catch(SIGUSR1, handler);
  got = 0;
  pid = poke(pi[1], 0);
  errno = 0;
  CHECK(read(pi[0], &c, 1) == -1 && errno == EINTR && got == SIGUSR1);
  kill(pid, SIGKILL);
  waitpid(pid, &st, 0);

  t_name = "catch_restart restarts";
  sig_catch_restart(SIGUSR1, handler);
  got = 0;
  pid = poke(pi[1], 5);
  CHECK(read(pi[0], &c, 1) == 1 && c == 'x' && got == SIGUSR1);
  waitpid(pid, &st, 0);

  t_name = "handler stays installed";
  got = 0;
  raise(SIGUSR1);
  CHECK(got == SIGUSR1);

  t_name = "ignore";
  sig_ignore(SIGUSR1);
  raise(SIGUSR1); /* would kill us if not ignored */
  { struct sigaction sa; sigaction(SIGUSR1, 0, &sa); CHECK(sa.sa_handler == SIG_IGN); }

  t_name = "block and unblock";
  sig_catch(SIGUSR2, handler);
  sig_block(SIGUSR2);
  got = 0;
  raise(SIGUSR2);
  CHECK(got == 0);
  sigprocmask(SIG_BLOCK, 0, &ss);
  CHECK(sigismember(&ss, SIGUSR2) == 1);
  sigpending(&ss);
  CHECK(sigismember(&ss, SIGUSR2) == 1);
  sig_unblock(SIGUSR2);
  CHECK(got == SIGUSR2);

  t_name = "unblockall";
  sig_block(SIGUSR2);
  sig_block(SIGHUP);
  sig_unblockall();
  sigprocmask(SIG_BLOCK, 0, &ss);
  CHECK(!sigismember(&ss, SIGUSR2) && !sigismember(&ss, SIGHUP));

  t_name = "default";
  pid = fork();
  if (pid == 0) {
    sig_catch(SIGTERM, handler);
    sig_default(SIGTERM);
    raise(SIGTERM);
    _exit(0);
  }
  CHECK(waitpid(pid, &st, 0) == pid && WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
  return t_done();
}
