/* t_condprog: exit 0 gives 1, exit 1 and 100 give 0, 111 gives -3, a
   signal gives -2, a program that cannot be run gives -1 with the exec
   error; fd 0 is inherited; the texts. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "condprog.h"
#include "t.h"

struct c { const char *label, *script; int r; };
static const struct c cases[] = {
  { "exit 0", "exit 0", 1 },
  { "exit 1", "exit 1", 0 },
  { "exit 100", "exit 100", 0 },
  { "exit 111", "exit 111", -3 },
  { "signal", "kill -TERM $$", -2 },
  { "reads stdin", "read x; test \"$x\" = hello", 1 },
};

int main(void)
{
  size_t i;
  int pi[2];
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    char *argv[] = { "/bin/sh", "-c", (char *)cases[i].script, 0 };
    int save = dup(0);
    t_name = cases[i].label;
    CHECK(pipe(pi) == 0 && write(pi[1], "hello\n", 6) == 6);
    close(pi[1]);
    dup2(pi[0], 0); close(pi[0]);
    CHECK(condprog_run(argv) == cases[i].r);
    dup2(save, 0); close(save);
  }
  t_name = "not runnable";
  {
    char *argv[] = { "/nonexistent/prog", 0 };
    errno = 0;
    CHECK(condprog_run(argv) == -1 && errno == ENOENT); /* child_exec reports the exec error */
  }
  t_name = "texts";
  CHECK(condprog_text(-1) != 0 && condprog_text(-2) != 0 && condprog_text(-3) != 0);
  CHECK(strcmp(condprog_text(-2), condprog_text(-3)) != 0);
  return t_done();
}
