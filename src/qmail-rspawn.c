/* qmail-rspawn.c: runs remote deliveries for qmail-send.  Started by
   qmail-start as qmailr; commands on fd 0, reports on fd 1 (spawn.h).
   At start it clears queue/lock/tcpto.  Per delivery it runs
   qmail-remote DOMAIN SENDER RECIPIENT (found through $PATH) and merges
   its r/h/s and K/Z/D reports into one.  Report texts: qmail-rspawn(8). */
#include <errno.h>
#include <unistd.h>
#include "auto.h"
#include "byte.h"
#include "env.h"
#include "error.h"
#include "spawn.h"
#include "str.h"
#include "stralloc.h"
#include "tcpto.h"
#include "wait.h"

#define REPORTMAX 20000 /* qmail-remote's reply texts are capped at 5000 */

static void init(int argc, char **argv)
{
  (void)argc; (void)argv;
  tcpto_clean("../lock/tcpto"); /* forget old timeouts; a missing table only costs retries */
}

static void child(const char *sender, const char *recip, size_t at)
{
  static stralloc prog = STRALLOC_ZERO;
  char *args[5];
  args[0] = (char *)"qmail-remote";
  args[1] = (char *)recip + at + 1;
  args[2] = (char *)sender;
  args[3] = (char *)recip;
  args[4] = 0;
  if (env_get("PATH")) execvp(*args, args);
  else {
    if (!stralloc_copys(&prog, auto_home) || !stralloc_cats(&prog, "/bin/qmail-remote") || !stralloc_0(&prog)) _exit(111);
    execv(prog.s, args);
  }
  _exit(error_temp(errno) || errno == ENOENT ? 111 : 100);
}

static int fixed(stralloc *rep, const char *s) { return stralloc_copys(rep, s); }

/* K is better than Z, Z better than D */
static int rank(char c) { return c == 'K' ? 2 : c == 'Z' ? 1 : 0; }

static int report(stralloc *rep, int wstat, const char *out, size_t len)
{
  size_t first, i, msg = len;
  char verdict;

  if (wait_crashed(wstat)) return fixed(rep, "Zqmail-remote crashed.");
  switch (wait_exitcode(wstat)) {
    case 0: break;
    case 111: return fixed(rep, "ZUnable to run qmail-remote.");
    default: return fixed(rep, "DUnable to run qmail-remote.");
  }
  if (!len) return fixed(rep, "Zqmail-remote produced no output.");
  for (i = 0; i < len; i += byte_chr(out + i, len - i, 0) + 1)
    if (out[i] == 'K' || out[i] == 'Z' || out[i] == 'D') { msg = i; break; }
  if (msg == len) return fixed(rep, "Zqmail-remote produced no message report.");
  first = byte_chr(out, len, 0);
  switch (out[0]) {
    case 'K': case 'Z': case 'D': return stralloc_catb(rep, out, first);
    case 'r': verdict = out[msg]; break;
    case 's': verdict = 'Z'; break;
    case 'h': verdict = 'D'; break;
    default: return fixed(rep, "Zqmail-remote produced a mangled report.");
  }
  if (!stralloc_append(rep, verdict) || !stralloc_catb(rep, out + 1, first - 1)) return 0;
  if (out[0] != 'r' && rank(out[msg]) > rank(verdict)) return 1;
  return stralloc_catb(rep, out + msg + 1, byte_chr(out + msg + 1, len - msg - 1, 0));
}

static const struct spawn_ops ops = { REPORTMAX, init, child, report };

int main(int argc, char **argv)
{
  _exit(spawn_main(argc, argv, &ops));
}
