/* condredirect: run a program on the message (fd 0); when it exits 0,
   queue the message to a new address from $SENDER with $DTLINE in front
   and exit 99 so qmail-local stops reading the .qmail file.  Runs as the
   delivering user.  Exit codes in condredirect(1). */
#include <signal.h>
#include <unistd.h>
#include "condprog.h"
#include "env.h"
#include "fmt.h"
#include "requeue.h"
#include "sig.h"
#include "strerr.h"

#define FATAL "condredirect: fatal: "

static void __attribute__((noreturn)) die_usage(void) { strerr_die1x(100, "condredirect: usage: condredirect newaddress program [ arg ... ]"); }
static void __attribute__((noreturn)) die_env(const char *v) { strerr_die3x(100, FATAL, v, " not set"); }
static void __attribute__((noreturn)) die_cond(int r, const char *p)
{
  if (r == -1) strerr_die5sys(111, FATAL, condprog_text(r), " ", p, ": ");
  strerr_die2x(111, FATAL, condprog_text(r));
}
static void __attribute__((noreturn)) die_rewind(void) { strerr_die2sys(111, FATAL, "unable to rewind message: "); }
static void __attribute__((noreturn)) die_queue(void) { strerr_die2sys(111, FATAL, "unable to queue message: "); }
static void __attribute__((noreturn)) die_qq(const char *x) { strerr_die2x(*x == 'D' ? 100 : 111, FATAL, x + 1); }

int main(int argc, char **argv)
{
  const char *sender, *dtline, *qqx;
  char *rcpt[2];
  unsigned long qp = 0;
  char num[FMT_ULONG];
  int r;

  sig_ignore(SIGPIPE);
  if (argc < 3 || !*argv[2]) die_usage();
  sender = env_get("SENDER");
  if (!sender) die_env("SENDER");
  dtline = env_get("DTLINE");
  if (!dtline) die_env("DTLINE");

  r = condprog_run(argv + 2);
  if (r < 0) die_cond(r, argv[2]);
  if (r == 0) _exit(0);

  if (lseek(0, 0, SEEK_SET) == -1) die_rewind();
  rcpt[0] = argv[1];
  rcpt[1] = 0;
  if (!requeue_fd(&qqx, &qp, 0, dtline, sender, rcpt)) die_queue();
  if (*qqx) die_qq(qqx);
  num[fmt_ulong(num, qp)] = 0;
  strerr_die2x(99, "condredirect: qp ", num);
}
