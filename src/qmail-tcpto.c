/* qmail-tcpto.c: print the remote addresses whose connects timed out
   recently (HOME/queue/lock/tcpto), one line each.  Run by anyone who can
   read the table; exit codes: qmail-tcpto(8). */
#include <time.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "fmt.h"
#include "ip.h"
#include "strerr.h"
#include "tcpto.h"

#define FATAL "qmail-tcpto: fatal: "

static void die_home(void) { strerr_die4sys(111, FATAL, "unable to switch to ", auto_home, ": "); }
static void die_read(void) { strerr_die4sys(111, FATAL, "unable to read ", TCPTO_FILE, ": "); }
static void die_write(void) { strerr_die2sys(111, FATAL, "unable to write output: "); }

static void out(const char *s, size_t n) { if (buffer_put(buffer_1, s, n) == -1) die_write(); }
static void outs(const char *s) { if (buffer_puts(buffer_1, s) == -1) die_write(); }

int main(void)
{
  char table[TCPTO_SIZE], num[FMT_ULONG];
  unsigned long now = (unsigned long)time(0), when;
  const unsigned char *r;
  int i;
  if (chdir(auto_home) == -1) die_home();
  if (tcpto_read(table) == -1) die_read();
  for (i = 0; i < TCPTO_SIZE / 16; ++i) {
    r = (const unsigned char *)table + 16 * i;
    if (!r[4]) continue;
    if (r[5] == 6) {
      outs("IPv6 address with hash ");
      out(num, fmt_xlong(num, ((unsigned long)r[0] << 24) | ((unsigned long)r[1] << 16) | ((unsigned long)r[2] << 8) | r[3]));
    } else out(num, ip4_fmt(num, r));
    when = (unsigned long)r[8] | ((unsigned long)r[9] << 8) | ((unsigned long)r[10] << 16) | ((unsigned long)r[11] << 24);
    outs(" timed out ");
    out(num, fmt_ulong(num, now >= when ? now - when : 0));
    outs(" seconds ago; # recent timeouts: ");
    out(num, fmt_ulong(num, r[4]));
    outs("\n");
  }
  if (buffer_flush(buffer_1) == -1) die_write();
  _exit(0);
}
