/* preline: feed a command the message (fd 0) with $UFLINE, $RPLINE and
   $DTLINE in front, as qmail-local does for mbox files; for .qmail lines
   such as "|preline procmail".  Runs as the delivering user.  Exits with
   the command's exit code; the other codes are in preline(1). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <unistd.h>
#include "buffer.h"
#include "child.h"
#include "env.h"
#include "error.h"
#include "sig.h"
#include "strerr.h"

#define FATAL "preline: fatal: "

static void __attribute__((noreturn)) die_usage(void) { strerr_die1x(100, "preline: usage: preline [ -frdFRD ] cmd [ arg ... ]"); }
static void __attribute__((noreturn)) die_pipe(void) { strerr_die2sys(111, FATAL, "unable to create pipe: "); }
static void __attribute__((noreturn)) die_run(const char *p) { strerr_die4sys(error_temp(errno) ? 111 : 100, FATAL, "unable to run ", p, ": "); }
static void __attribute__((noreturn)) die_read(void) { strerr_die2sys(111, FATAL, "unable to read message: "); }
static void __attribute__((noreturn)) die_write(void) { strerr_die2sys(111, FATAL, "unable to write to command: "); }
static void __attribute__((noreturn)) die_wait(void) { strerr_die2sys(111, FATAL, "unable to wait for child: "); }
static void __attribute__((noreturn)) die_crash(void) { strerr_die2x(111, FATAL, "child crashed"); }

static char outbuf[BUFFER_OUTSIZE];
static char inbuf[BUFFER_INSIZE];

/* the command may stop reading early (it saw enough): that is its right,
   so a broken pipe ends the copy without an error; its exit code decides */
static void feed(int fd, const char *const *lines)
{
  buffer out = BUFFER_INIT(buffer_unixwrite, fd, outbuf, sizeof outbuf);
  buffer in = BUFFER_INIT(buffer_unixread, 0, inbuf, sizeof inbuf);
  int r = 0;

  for (; *lines && r == 0; ++lines) r = buffer_puts(&out, *lines);
  if (r == 0) {
    r = buffer_copy(&out, &in);
    if (r == -2) die_read();
  }
  if (r == 0) r = buffer_flush(&out);
  if (r != 0 && errno != EPIPE) die_write();
  close(fd);
}

int main(int argc, char **argv)
{
  const char *uf, *rp, *dt;
  const char *lines[4];
  int flaguf = 1, flagrp = 1, flagdt = 1;
  int i = 1, n = 0, pi[2], code;
  const char *o;
  pid_t pid;

  sig_ignore(SIGPIPE);
  if (!(uf = env_get("UFLINE"))) die_usage();
  if (!(rp = env_get("RPLINE"))) die_usage();
  if (!(dt = env_get("DTLINE"))) die_usage();
  for (; i < argc && argv[i][0] == '-' && argv[i][1]; ++i) {
    if (argv[i][1] == '-' && !argv[i][2]) { ++i; break; }
    for (o = argv[i] + 1; *o; ++o)
      switch (*o) {
        case 'f': flaguf = 0; break;
        case 'r': flagrp = 0; break;
        case 'd': flagdt = 0; break;
        case 'F': flaguf = 1; break;
        case 'R': flagrp = 1; break;
        case 'D': flagdt = 1; break;
        default: die_usage();
      }
  }
  if (i >= argc) die_usage();
  if (flaguf) lines[n++] = uf;
  if (flagrp) lines[n++] = rp;
  if (flagdt) lines[n++] = dt;
  lines[n] = 0;

  if (pipe2(pi, O_CLOEXEC) == -1) die_pipe();
  pid = child_exec(argv + i, pi[0]);
  if (pid == -1) die_run(argv[i]);
  close(pi[0]);
  feed(pi[1], lines);
  code = child_wait(pid);
  if (code == -1) die_wait();
  if (code == -2) die_crash();
  _exit(code);
}
