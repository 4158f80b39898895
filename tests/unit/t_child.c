/* t_child: child_exec tells "could not run" from "ran and failed", passes
   fdin as fd 0, and child_wait reports exit codes and crashes. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "t.h"
#include "child.h"

static int run(char *const *argv) { pid_t p = child_exec(argv, -1); return p == -1 ? -100 : child_wait(p); }

int main(void)
{
  char *t_true[] = { "true", 0 };
  char *t_false[] = { "false", 0 };
  char *t_code[] = { "sh", "-c", "exit 111", 0 };
  char *t_kill[] = { "sh", "-c", "kill -9 $$", 0 };
  char *t_none[] = { "/nonexistent/quail-no-such-program", 0 };
  char *t_dir[] = { "/", 0 };
  char *t_read[] = { "sh", "-c", "read x; test \"$x\" = hello", 0 };
  int pi[2];
  pid_t p;

  t_name = "child_exec";
  CHECK(run(t_true) == 0);
  CHECK(run(t_false) == 1);
  CHECK(run(t_code) == 111);
  CHECK(run(t_kill) == -2);
  errno = 0;
  CHECK(child_exec(t_none, -1) == -1 && errno == ENOENT);
  errno = 0;
  CHECK(child_exec(t_dir, -1) == -1 && errno == EACCES);

  t_name = "child_exec fdin";
  CHECK(pipe2(pi, O_CLOEXEC) == 0);
  p = child_exec(t_read, pi[0]);
  CHECK(p > 0);
  close(pi[0]);
  CHECK(write(pi[1], "hello\n", 6) == 6);
  close(pi[1]);
  CHECK(child_wait(p) == 0);

  t_name = "child_wait";
  CHECK(child_wait(getpid()) == -1);
  return t_done();
}
