/* condprog.c: child_exec + child_wait, mapped to yes / no / failure. */
#include "child.h"
#include "condprog.h"

int condprog_run(char *const *argv)
{
  pid_t pid = child_exec(argv, -1);
  if (pid == -1) return -1;
  switch (child_wait(pid)) {
    case -1: return -1;
    case -2: return -2;
    case 0: return 1;
    case 111: return -3;
    default: return 0;
  }
}

const char *condprog_text(int r)
{
  if (r == -2) return "child crashed";
  if (r == -3) return "temporary child error";
  return "unable to run";
}
