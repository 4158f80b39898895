/* predate: runs a program with "Date: <local time>" followed by our stdin
   on its stdin, and exits with its exit code.  Runs as the caller.
   Exit codes: predate(1). */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "buffer.h"
#include "date822fmt.h"
#include "fd.h"
#include "fmt.h"
#include "sig.h"
#include "strerr.h"
#include "wait.h"

#define FATAL "predate: fatal: "

static void die_usage(void) { strerr_die2x(100, "predate: usage: ", "predate child [ arg ... ]"); }
static void die_pipe(void) { strerr_die2sys(111, FATAL, "unable to create pipe: "); }
static void die_fork(void) { strerr_die2sys(111, FATAL, "unable to fork: "); }
static void die_wait(void) { strerr_die2sys(111, FATAL, "unable to wait for child: "); }
static void die_crash(void) { strerr_die2x(111, FATAL, "child crashed"); }
static void die_write(void) { strerr_die2x(111, FATAL, "unable to write to child"); }
static void die_read(void) { strerr_die2sys(111, FATAL, "unable to read input: "); }

/* "Date: 21 Nov 2026 07:10:26 +0100\n" in local time: date822fmt of the
   wall-clock time, with the zone put in place of its "-0000" */
static size_t datefmt(char *s, time_t t)
{
  struct tm tm;
  long off = 0;
  size_t n = 0;
  if (localtime_r(&t, &tm)) off = tm.tm_gmtoff;
  n += fmt_str(s, "Date: ");
  n += date822fmt(s + n, t + off);
  n -= 5;
  off /= 60;
  s[n++] = off < 0 ? '-' : '+';
  if (off < 0) off = -off;
  n += fmt_ulong0(s + n, (unsigned long)(off / 60 % 100), 2);
  n += fmt_ulong0(s + n, (unsigned long)(off % 60), 2);
  s[n++] = '\n';
  return n;
}

int main(int argc, char **argv)
{
  char line[DATE822FMT + 20], outbuf[8192], inbuf[8192];
  buffer in = BUFFER_INIT(buffer_unixread, 0, inbuf, sizeof inbuf);
  buffer out;
  int pi[2], wstat, flagwrite = 1, r;
  pid_t pid;

  if (argc < 2) die_usage();
  sig_ignore(SIGPIPE);
  if (pipe(pi) == -1) die_pipe();
  pid = fork();
  if (pid == -1) die_fork();
  if (pid == 0) {
    close(pi[1]);
    if (fd_move(0, pi[0]) == -1) _exit(111);
    sig_default(SIGPIPE);
    execvp(argv[1], argv + 1);
    strerr_die4sys(111, FATAL, "unable to run ", argv[1], ": ");
  }
  close(pi[0]);
  buffer_init(&out, buffer_unixwrite, pi[1], outbuf, sizeof outbuf);
  if (buffer_put(&out, line, datefmt(line, time(0))) == -1) flagwrite = 0;
  if (flagwrite) {
    r = buffer_copy(&out, &in);
    if (r == -2) die_read();
    if (r == -3) flagwrite = 0;
  }
  if (flagwrite && buffer_flush(&out) == -1) flagwrite = 0;
  close(pi[1]);
  if (wait_pid(&wstat, pid) != pid) die_wait();
  if (wait_crashed(wstat)) die_crash();
  r = wait_exitcode(wstat);
  if (r == 0 && !flagwrite) die_write();
  _exit(r);
}
