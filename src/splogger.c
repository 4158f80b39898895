/* splogger: send each line of stdin to syslog, stamped with the time,
   as qmail-start's logger or at the end of any log pipeline.  Runs as
   qmaill (or anyone).  Usage and exit codes in splogger(8). */
#include <errno.h>
#include <sys/time.h>
#include <syslog.h>
#include <unistd.h>
#include "buffer.h"
#include "fmt.h"
#include "scan.h"
#include "str.h"
#include "strerr.h"

#define LINEMAX 799 /* longer lines go out in pieces: syslog cuts them */

static void __attribute__((noreturn)) die_usage(void) { strerr_die1x(100, "splogger: usage: splogger [ tag [ facility ] ]"); }

static char line[LINEMAX + 1];
static size_t len;
static int flagcont;         /* the next piece continues a long line */
static int prio;             /* of the line being sent */
static char stamp[FMT_ULONG * 2 + 2];

static void makestamp(void)
{
  struct timeval tv;
  size_t n;
  gettimeofday(&tv, 0);
  n = fmt_ulong(stamp, (unsigned long)tv.tv_sec);
  stamp[n++] = '.';
  n += fmt_ulong0(stamp + n, (unsigned long)tv.tv_usec, 6);
  stamp[n] = 0;
}

/* "STAMP text" for a line's first piece, "STAMP+text" for the rest */
static void flush(void)
{
  if (!len) return;
  line[len] = 0;
  len = 0;
  if (flagcont) { syslog(prio, "%s+%s", stamp, line); return; }
  makestamp();
  prio = LOG_INFO;
  if (str_start(line, "warning:")) prio = LOG_WARNING;
  if (str_start(line, "alert:")) prio = LOG_ALERT;
  syslog(prio, "%s %s", stamp, line);
  flagcont = 1;
}

int main(int argc, char **argv)
{
  const char *tag = "splogger";
  unsigned long fac = LOG_MAIL >> 3;
  char buf[BUFFER_INSIZE];
  ssize_t r, i;
  char c;

  if (argc > 3) die_usage();
  if (argc > 1) tag = argv[1];
  if (argc > 2) {
    size_t k = scan_ulong(argv[2], &fac);
    if (!k || argv[2][k] || fac >= LOG_NFACILITIES) die_usage();
  }
  openlog(tag, 0, (int)(fac << 3));

  for (;;) {
    r = read(0, buf, sizeof buf);
    if (r == -1) { if (errno == EINTR) continue; strerr_die2sys(111, "splogger: fatal: ", "unable to read input: "); }
    if (r == 0) break;
    for (i = 0; i < r; ++i) {
      c = buf[i];
      if (c == '\n') { flush(); flagcont = 0; continue; }
      if (len == LINEMAX) flush();
      line[len++] = (c >= 32 && c <= 126) ? c : '?';
    }
  }
  flush();  /* a last line without newline is logged too */
  _exit(0);
}
