/* bouncesaying: bounce the message with a given text, always or only when
   a program says so.  Runs as the delivering user from a .qmail line;
   exit codes in bouncesaying(1): 100 bounce, 111 defer, 0 go on. */
#include <unistd.h>
#include "condprog.h"
#include "strerr.h"

#define FATAL "bouncesaying: fatal: "

static void __attribute__((noreturn)) die_usage(void) { strerr_die1x(100, "bouncesaying: usage: bouncesaying error [ program [ arg ... ] ]"); }
static void __attribute__((noreturn)) die_cond(int r, const char *p)
{
  if (r == -1) strerr_die5sys(111, FATAL, condprog_text(r), " ", p, ": ");
  strerr_die2x(111, FATAL, condprog_text(r));
}

int main(int argc, char **argv)
{
  int r;

  if (argc < 2) die_usage();
  if (argc > 2) {
    r = condprog_run(argv + 2);
    if (r < 0) die_cond(r, argv[2]);
    if (r == 0) _exit(0);
  }
  strerr_die1x(100, argv[1]);
}
