/* qmail.c: runs HOME/bin/qmail-queue (or $QMAILQUEUE) with the message on
   its fd 0 and the envelope on its fd 1, and maps its exit code to text.
   $QMAILQUEUE is honoured by unprivileged callers only in the sense that
   qmail-queue itself never reads it; callers run as the invoking user. */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>
#include "auto.h"
#include "env.h"
#include "fd.h"
#include "qmail.h"
#include "wait.h"

int qmail_open(struct qmail *qq)
{
  int pim[2], pie[2];
  const char *binqqargs[2] = { "bin/qmail-queue", 0 };
  const char *x;

  if (pipe(pim) == -1) return -1;
  if (pipe(pie) == -1) { close(pim[0]); close(pim[1]); return -1; }
  switch (qq->pid = fork()) {
    case -1:
      close(pim[0]); close(pim[1]); close(pie[0]); close(pie[1]);
      return -1;
    case 0:
      close(pim[1]);
      close(pie[1]);
      if (fd_move(0, pim[0]) == -1) _exit(120);
      if (fd_move(1, pie[0]) == -1) _exit(120);
      if (chdir(auto_home) == -1) _exit(61);
      /* never a program name from the environment of a set-id caller */
      x = getuid() == geteuid() && getgid() == getegid() ? env_get("QMAILQUEUE") : 0;
      if (x && *x) binqqargs[0] = x;
      execv(binqqargs[0], (char *const *)binqqargs);
      _exit(120);
  }
  close(pim[0]);
  close(pie[0]);
  qq->fdm = pim[1];
  qq->fde = pie[1];
  buffer_init(&qq->ss, buffer_unixwrite, qq->fdm, qq->buf, sizeof qq->buf);
  qq->flagerr = 0;
  return 0;
}

unsigned long qmail_qp(struct qmail *qq) { return (unsigned long)qq->pid; }

void qmail_fail(struct qmail *qq) { qq->flagerr = 1; }

void qmail_put(struct qmail *qq, const char *s, size_t len)
{
  if (!qq->flagerr) if (buffer_put(&qq->ss, s, len) == -1) qq->flagerr = 1;
}

void qmail_puts(struct qmail *qq, const char *s)
{
  if (!qq->flagerr) if (buffer_puts(&qq->ss, s) == -1) qq->flagerr = 1;
}

static void envrecord(struct qmail *qq, char type, const char *s)
{
  if (qq->flagerr) return;
  if (buffer_put(&qq->ss, &type, 1) == -1) qq->flagerr = 1;
  else if (buffer_put(&qq->ss, s, strlen(s) + 1) == -1) qq->flagerr = 1;
}

void qmail_from(struct qmail *qq, const char *s)
{
  if (buffer_flush(&qq->ss) == -1) qq->flagerr = 1;
  close(qq->fdm);
  qq->fdm = -1;
  buffer_init(&qq->ss, buffer_unixwrite, qq->fde, qq->buf, sizeof qq->buf);
  envrecord(qq, 'F', s);
}

void qmail_to(struct qmail *qq, const char *s) { envrecord(qq, 'T', s); }

const char *qmail_close(struct qmail *qq)
{
  int wstat, exitcode;
  void (*oldpipe)(int) = signal(SIGPIPE, SIG_IGN);

  if (!qq->flagerr && buffer_put(&qq->ss, "", 1) == -1) qq->flagerr = 1;
  if (buffer_flush(&qq->ss) == -1) qq->flagerr = 1;
  if (qq->fdm != -1) close(qq->fdm);
  close(qq->fde);
  signal(SIGPIPE, oldpipe);

  if (wait_pid(&wstat, qq->pid) != qq->pid) return "Zqq waitpid surprise (#4.3.0)";
  if (wait_crashed(wstat)) return "Zqq crashed (#4.3.0)";
  exitcode = wait_exitcode(wstat);
  switch (exitcode) {
    case 0: if (qq->flagerr) return "Zqq read error (#4.3.0)"; return "";
    case 115: /* compatibility */
    case 11: return "Denvelope address too long for qq (#5.1.3)";
    case 31: return "Dmail server permanently rejected message (#5.3.0)";
    case 51: return "Zqq out of memory (#4.3.0)";
    case 52: return "Zqq timeout (#4.3.0)";
    case 53: return "Zqq write error or disk full (#4.3.0)";
    case 54: return "Zqq read error (#4.3.0)";
    case 55: return "Zqq unable to read configuration (#4.3.0)";
    case 56: return "Zqq trouble making network connection (#4.3.0)";
    case 61: return "Zqq trouble in home directory (#4.3.0)";
    case 62: case 63: case 64: case 65: case 66:
      return "Zqq trouble creating files in queue (#4.3.0)";
    case 71: return "Zmail server temporarily rejected message (#4.3.0)";
    case 72: return "Zconnection to mail server timed out (#4.4.1)";
    case 73: return "Zconnection to mail server rejected (#4.4.1)";
    case 74: return "Zcommunication with mail server failed (#4.4.2)";
    case 81: case 91: return "Zqq internal bug (#4.3.0)";
    case 120: return "Zunable to exec qq (#4.3.0)";
    default:
      if (exitcode >= 11 && exitcode <= 40) return "Dqq permanent problem (#5.3.0)";
      return "Zqq temporary problem (#4.3.0)";
  }
}
