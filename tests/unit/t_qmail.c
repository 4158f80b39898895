/* t_qmail: qmail_open runs $QMAILQUEUE, here a shell script that copies
   its fd 0 (the message) and fd 1 (the envelope) to files, then exits
   with a chosen code or kills itself.  Checked: the exact message and
   envelope bytes (small and 1 MiB), qmail_close's text for exit codes 0,
   11, 31, 53, 81, 100, a crash, an exec failure, a queue that exits 0
   without reading (not success), qmail_fail, and that a set-id caller's
   $QMAILQUEUE is ignored.  auto_home is defined here as "/" (the child
   chdirs there), so the generated one is not linked. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>
#include "env.h"
#include "qmail.h"
#include "t.h"

const char auto_home[] = "/";

static char dir[256], script[300];

static void setmode(const char *mode, int code)
{
  char fn[300], buf[64];
  int fd, n;
  snprintf(fn, sizeof fn, "%s/mode", dir);
  fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  n = snprintf(buf, sizeof buf, "%s %d\n", mode, code);
  if (fd == -1 || write(fd, buf, (size_t)n) != n) { perror(fn); exit(2); }
  close(fd);
  snprintf(fn, sizeof fn, "%s/msg", dir); unlink(fn);
  snprintf(fn, sizeof fn, "%s/env", dir); unlink(fn);
}

static size_t slurp(const char *name, char *buf, size_t n)
{
  char fn[300];
  int fd;
  size_t got = 0;
  ssize_t r;
  snprintf(fn, sizeof fn, "%s/%s", dir, name);
  fd = open(fn, O_RDONLY);
  if (fd == -1) return (size_t)-1;
  while (got < n && (r = read(fd, buf + got, n - got)) > 0) got += (size_t)r;
  close(fd);
  return got;
}

static const char *send1(const char *msg, size_t len, int fail)
{
  struct qmail qq;
  if (qmail_open(&qq) == -1) return "open failed";
  if (qmail_qp(&qq) == 0) return "no pid";
  qmail_put(&qq, msg, len);
  if (fail) qmail_fail(&qq);
  qmail_from(&qq, "a@b.example");
  qmail_to(&qq, "c@d.example");
  qmail_to(&qq, "e@f.example");
  return qmail_close(&qq);
}

static const char envelope[] = "Fa@b.example\0Tc@d.example\0Te@f.example\0";

struct c { const char *label, *mode; int code; const char *want; };
static const struct c codes[] = {
  { "0", "read", 0, "" },
  { "11", "read", 11, "Denvelope address too long for qq (#5.1.3)" },
  { "31", "read", 31, "Dmail server permanently rejected message (#5.3.0)" },
  { "53", "read", 53, "Zqq write error or disk full (#4.3.0)" },
  { "81", "read", 81, "Zqq internal bug (#4.3.0)" },
  { "100", "read", 100, "Zqq temporary problem (#4.3.0)" },
  { "20 unlisted permanent", "read", 20, "Dqq permanent problem (#5.3.0)" },
  { "crash", "crash", 0, "Zqq crashed (#4.3.0)" },
};

int main(void)
{
  static const char msg[] = "Subject: hi\n\nbody\n";
  static char got[1 << 21];
  static char big[1 << 20];
  size_t i, n;
  const char *r;
  int fd;

  signal(SIGPIPE, SIG_IGN); /* as every caller must: the queue may die early */
  snprintf(dir, sizeof dir, "%s", t_tmpdir());
  snprintf(script, sizeof script, "%s/qq", dir);
  fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755);
  dprintf(fd, "#!/bin/sh\nd='%s'\nread mode code < \"$d/mode\"\n"
              "[ \"$mode\" = noread ] && exit $code\n"
              "cat > \"$d/msg\" || exit 54\n"
              "cat <&1 > \"$d/env\" || exit 54\n"
              "[ \"$mode\" = crash ] && kill -SEGV $$\n"
              "exit $code\n", dir);
  close(fd);
  CHECK(env_set("QMAILQUEUE", script));

  for (i = 0; i < sizeof codes / sizeof codes[0]; ++i) {
    t_name = codes[i].label;
    setmode(codes[i].mode, codes[i].code);
    r = send1(msg, sizeof msg - 1, 0);
    CHECKSTR(r, codes[i].want);
    n = slurp("msg", got, sizeof got);
    CHECK(n == sizeof msg - 1 && !memcmp(got, msg, n));
    n = slurp("env", got, sizeof got);
    CHECK(n == sizeof envelope && !memcmp(got, envelope, n)); /* closing NUL included */
  }

  t_name = "1 MiB";
  for (i = 0; i < sizeof big; ++i) big[i] = (char)(i % 251);
  setmode("read", 0);
  CHECKSTR(send1(big, sizeof big, 0), "");
  n = slurp("msg", got, sizeof got);
  CHECK(n == sizeof big && !memcmp(got, big, n));

  t_name = "exit 0 without reading is not success";
  setmode("noread", 0);
  r = send1(big, sizeof big, 0);
  CHECK(r && r[0] == 'Z');

  t_name = "qmail_fail";
  setmode("read", 0);
  r = send1(msg, sizeof msg - 1, 1);
  CHECK(r && r[0] == 'Z');

  t_name = "exec failure";
  CHECK(env_set("QMAILQUEUE", "/nonexistent/qmail-queue"));
  CHECKSTR(send1(msg, sizeof msg - 1, 0), "Zunable to exec qq (#4.3.0)");
  CHECK(env_set("QMAILQUEUE", script));

  t_name = "set-id caller ignores QMAILQUEUE";
  if (geteuid() == 0 && access("/bin/qmail-queue", F_OK) == -1) {
    int st;
    pid_t pid;
    setmode("read", 0);
    pid = fork();
    if (pid == 0) {
      if (setresuid(0, 54321, 0) == -1) _exit(2);
      r = send1(msg, sizeof msg - 1, 0);
      _exit(!strcmp(r, "Zunable to exec qq (#4.3.0)") ? 0 : 1);
    }
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
    CHECK(slurp("msg", got, sizeof got) == (size_t)-1); /* the script never ran */
  } else
    printf("skip: set-id case needs root and no /bin/qmail-queue\n");
  return t_done();
}
