/* forward: queue a copy of the message (fd 0) to the addresses given, from
   $NEWSENDER, with $DTLINE in front; for .qmail lines "|forward a b".
   Runs as the delivering user.  Exit codes in forward(1). */
#include <signal.h>
#include <unistd.h>
#include "env.h"
#include "fmt.h"
#include "requeue.h"
#include "sig.h"
#include "strerr.h"

#define FATAL "forward: fatal: "

static void __attribute__((noreturn)) die_usage(void) { strerr_die1x(100, "forward: usage: forward address [ address ... ]"); }
static void __attribute__((noreturn)) die_env(const char *v) { strerr_die3x(100, FATAL, v, " not set"); }
static void __attribute__((noreturn)) die_queue(void) { strerr_die2sys(111, FATAL, "unable to queue message: "); }
static void __attribute__((noreturn)) die_qq(const char *x) { strerr_die2x(*x == 'D' ? 100 : 111, FATAL, x + 1); }

int main(int argc, char **argv)
{
  const char *sender, *dtline, *qqx;
  unsigned long qp = 0;
  char num[FMT_ULONG];

  sig_ignore(SIGPIPE);
  if (argc < 2) die_usage();
  sender = env_get("NEWSENDER");
  if (!sender) die_env("NEWSENDER");
  dtline = env_get("DTLINE");
  if (!dtline) die_env("DTLINE");

  if (!requeue_fd(&qqx, &qp, 0, dtline, sender, argv + 1)) die_queue();
  if (*qqx) die_qq(qqx);
  num[fmt_ulong(num, qp)] = 0;
  strerr_die2x(0, "forward: qp ", num);
}
