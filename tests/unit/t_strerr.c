/* t_strerr: in a child with fd 2 captured: strerr_die*x writes exactly
   the parts and one newline and exits with the code; *sys appends the
   errno text; warn keeps errno and returns; a line longer than the
   buffer is cut (one line, still ending in a newline); more parts than
   the limit are dropped, not overrun. */
#include <errno.h>
#include <stdlib.h>
#include <sys/wait.h>
#include "strerr.h"
#include "t.h"

static void die_x(void *a) { (void)a; strerr_die2x(100, "prog: fatal: ", "bad address (#5.1.3)"); }
static void die_sys(void *a) { (void)a; errno = ENOENT; strerr_die4sys(111, "prog: fatal: ", "unable to open ", "control/me", ": "); }
static void warn_then(void *a)
{
  (void)a;
  errno = EACCES;
  strerr_warn2sys("prog: warning: ", "cannot read: ");
  if (errno != EACCES) _exit(3);
  strerr_warn1x("prog: second");
  _exit(7);
}
static char longpart[5000];
static void die_long(void *a) { (void)a; strerr_die3x(111, "prog: ", longpart, longpart); }
static void die_many(void *a)
{
  (void)a;
  strerr_die(50, 0, "1", "2", "3", "4", "5", "6", "7", "8", "9", "a", "b", "c", "d", "e", "f", "g", "h", "i", (char *)0);
}
static void die_zero(void *a) { (void)a; strerr_die1x(0, "ok"); }

int main(void)
{
  char out[8192];
  int st;
  size_t n;

  t_name = "die x";
  n = t_capture(die_x, 0, out, sizeof out, &st);
  CHECKSTR(out, "prog: fatal: bad address (#5.1.3)\n");
  CHECK(n == strlen(out) && WIFEXITED(st) && WEXITSTATUS(st) == 100);

  t_name = "die sys";
  t_capture(die_sys, 0, out, sizeof out, &st);
  {
    char want[256];
    snprintf(want, sizeof want, "prog: fatal: unable to open control/me: %s\n", strerror(ENOENT));
    CHECKSTR(out, want);
  }
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 111);
  CHECKSTR(strerr_sysstr(ENOENT), strerror(ENOENT));

  t_name = "warn";
  t_capture(warn_then, 0, out, sizeof out, &st);
  {
    char want[256];
    snprintf(want, sizeof want, "prog: warning: cannot read: %s\nprog: second\n", strerror(EACCES));
    CHECKSTR(out, want);
  }
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 7);

  t_name = "long line cut";
  memset(longpart, 'x', sizeof longpart - 1);
  n = t_capture(die_long, 0, out, sizeof out, &st);
  CHECK(n > 100 && n <= 1024 && out[n - 1] == '\n' && strchr(out, '\n') == out + n - 1);
  CHECK(!memcmp(out, "prog: xxx", 9));
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 111);

  t_name = "too many parts";
  t_capture(die_many, 0, out, sizeof out, &st);
  CHECK(strlen(out) >= 2 && !strncmp(out, "123456789abc", 12) && out[strlen(out) - 1] == '\n');
  CHECK(strlen(out) <= 19);
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 50);

  t_name = "exit 0";
  t_capture(die_zero, 0, out, sizeof out, &st);
  CHECKSTR(out, "ok\n");
  CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  return t_done();
}
