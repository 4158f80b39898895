/* t_rcpthosts: in a scratch home: control/rcpthosts with exact names,
   ".suffix" lines, case and comments; control/morercpthosts.cdb made with
   cdbmake; addresses without '@' allowed; the last '@' decides; a missing
   rcpthosts refuses every domain (fails closed; see the header).  The
   module keeps its state in statics, so the missing-file case runs in a
   child. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include "cdbmake.h"
#include "rcpthosts.h"
#include "t.h"

struct c { const char *label, *addr; int r; };
static const struct c cases[] = {
  { "exact", "joe@example.com", 1 },
  { "case", "joe@EXAMPLE.Com", 1 },
  { "not a subdomain by exact line", "joe@sub.example.com", 0 },
  { "suffix line", "joe@mail.example.net", 1 },
  { "suffix line, deeper", "joe@a.b.example.net", 1 },
  { "suffix line is not the domain itself", "joe@example.net", 0 },
  { "look-alike", "joe@badexample.com", 0 },
  { "other", "joe@evil.example", 0 },
  { "no @", "postmaster", 1 },
  { "last @ decides", "a@example.com@evil.example", 0 },
  { "last @ decides 2", "a@evil.example@example.com", 1 },
  { "empty domain", "joe@", 0 },
  { "trailing dot", "joe@example.com.", 0 },
  { "cdb exact", "joe@more.example", 1 },
  { "cdb case", "joe@MORE.example", 1 },
  { "cdb suffix", "joe@x.moresuffix.example", 1 },
  { "cdb miss", "joe@less.example", 0 },
  { "comment line is not a host", "joe@# comment", 0 },
};

static void put(const char *fn, const char *s)
{
  int fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd == -1 || write(fd, s, strlen(s)) != (ssize_t)strlen(s)) { perror(fn); exit(2); }
  close(fd);
}

int main(void)
{
  size_t i;
  int st;
  pid_t pid;
  struct cdbmake m;
  int fd;

  CHECK(chdir(t_tmpdir()) == 0 && mkdir("control", 0755) == 0);

  t_name = "missing rcpthosts fails closed";
  pid = fork();
  if (pid == 0) {
    if (rcpthosts_init() != 0) _exit(1);
    if (rcpthosts_check("joe@example.com", 15) != 0) _exit(2);
    if (rcpthosts_check("joe", 3) != 1) _exit(3);
    _exit(0);
  }
  CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);

  put("control/rcpthosts", "# comment\nExample.COM\n.example.net\n\n  \n");
  fd = open("control/morercpthosts.cdb", O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(cdbmake_start(&m, fd) == 0);
  CHECK(cdbmake_add(&m, "more.example", 12, "", 0) == 0);
  CHECK(cdbmake_add(&m, ".moresuffix.example", 19, "", 0) == 0);
  CHECK(cdbmake_finish(&m) == 0);
  close(fd);

  t_name = "init";
  CHECK(rcpthosts_init() == 1);
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(rcpthosts_check(cases[i].addr, strlen(cases[i].addr)) == cases[i].r);
  }
  t_name = "counted";
  CHECK(rcpthosts_check("joe@example.comXX", 15) == 1);
  CHECK(chdir("/") == 0);
  return t_done();
}
