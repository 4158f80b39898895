/* except: run a program and reverse its verdict, for .qmail lines such as
   |except grep -q spam.  Runs as the delivering user.  Exit codes are in
   except(1): program 0 -> 100, 111 -> 111, anything else -> 0. */
#include <unistd.h>
#include "condprog.h"
#include "strerr.h"

#define FATAL "except: fatal: "

static void __attribute__((noreturn)) die_usage(void) { strerr_die1x(100, "except: usage: except program [ arg ... ]"); }
static void __attribute__((noreturn)) die_cond(int r, const char *p)
{
  if (r == -1) strerr_die5sys(111, FATAL, condprog_text(r), " ", p, ": ");
  strerr_die2x(111, FATAL, condprog_text(r));
}

int main(int argc, char **argv)
{
  int r;

  if (argc < 2 || !*argv[1]) die_usage();
  r = condprog_run(argv + 1);
  if (r < 0) die_cond(r, argv[1]);
  _exit(r ? 100 : 0);
}
