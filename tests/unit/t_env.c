/* t_env: get, set (overwrite, empty value), unset, absent names, and
   that a child started with execve sees the change. */
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "env.h"
#include "t.h"

int main(void)
{
  t_name = "absent";
  CHECK(env_unset("QUAIL_T_ENV") == 1);
  CHECK(env_get("QUAIL_T_ENV") == 0);
  t_name = "set and overwrite";
  CHECK(env_set("QUAIL_T_ENV", "one") == 1);
  CHECKSTR(env_get("QUAIL_T_ENV"), "one");
  CHECK(env_set("QUAIL_T_ENV", "two=2") == 1);
  CHECKSTR(env_get("QUAIL_T_ENV"), "two=2");
  t_name = "empty value";
  CHECK(env_set("QUAIL_T_ENV", "") == 1);
  CHECK(env_get("QUAIL_T_ENV") != 0 && *env_get("QUAIL_T_ENV") == 0);
  t_name = "bad names refused";
  CHECK(env_set("A=B", "x") == 0);
  CHECK(env_set("", "x") == 0);
  t_name = "child sees it";
  CHECK(env_set("QUAIL_T_ENV", "inherited") == 1);
  {
    int st;
    pid_t pid = fork();
    if (pid == 0) {
      char *argv[] = { "/bin/sh", "-c", "test \"$QUAIL_T_ENV\" = inherited", 0 };
      execve(argv[0], argv, environ);
      _exit(127);
    }
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
  }
  t_name = "unset";
  CHECK(env_unset("QUAIL_T_ENV") == 1);
  CHECK(env_get("QUAIL_T_ENV") == 0);
  CHECK(env_unset("QUAIL_T_ENV") == 1); /* unsetting an absent name is fine */
  return t_done();
}
