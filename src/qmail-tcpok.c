/* qmail-tcpok.c: forget every recorded connect timeout (clears
   HOME/queue/lock/tcpto), so qmail-remote tries those hosts again at
   once.  Run by the administrator; exit codes: qmail-tcpok(8). */
#include <unistd.h>
#include "auto.h"
#include "strerr.h"
#include "tcpto.h"

#define FATAL "qmail-tcpok: fatal: "

static void die_home(void) { strerr_die4sys(111, FATAL, "unable to switch to ", auto_home, ": "); }
static void die_clean(void) { strerr_die4sys(111, FATAL, "unable to clear ", TCPTO_FILE, ": "); }

int main(void)
{
  if (chdir(auto_home) == -1) die_home();
  if (tcpto_clean(TCPTO_FILE) == -1) die_clean();
  _exit(0);
}
