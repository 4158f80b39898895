/* t_rcpthosts: the rcpthosts list and morercpthosts.cdb, suffix rules,
   case, and failing closed when the file is missing. */
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cdbmake.h"
#include "open.h"
#include "rcpthosts.h"
#include "t.h"

static int ok(const char *a) { return rcpthosts_check(a, strlen(a)); }

int main(void)
{
  struct cdbmake c;
  FILE *f;
  int fd;

  if (chdir(t_tmpdir()) == -1) return 111;
  mkdir("control", 0755);
  t_name = "missing file: closed";
  CHECK(rcpthosts_init() == 0);
  CHECK(ok("a@example.com") == 0);
  CHECK(ok("postmaster") == 1);

  f = fopen("control/rcpthosts", "w");
  fputs("# comment\nExample.COM\n\n.sub.example.org\n", f);
  fclose(f);
  fd = open_trunc("control/morercpthosts.cdb");
  CHECK(cdbmake_start(&c, fd) == 0);
  CHECK(cdbmake_add(&c, "more.test", 9, "", 0) == 0);
  CHECK(cdbmake_add(&c, ".deep.test", 10, "", 0) == 0);
  CHECK(cdbmake_finish(&c) == 0);
  close(fd);

  t_name = "lists";
  CHECK(rcpthosts_init() == 1);
  CHECK(ok("a@example.com") == 1);
  CHECK(ok("a@EXAMPLE.com") == 1);
  CHECK(ok("a@x.example.com") == 0);
  CHECK(ok("a@example.com.") == 0);
  CHECK(ok("a@sub.example.org") == 0);
  CHECK(ok("a@x.sub.example.org") == 1);
  CHECK(ok("a@y.x.SUB.example.org") == 1);
  CHECK(ok("a@more.test") == 1);
  CHECK(ok("a@x.more.test") == 0);
  CHECK(ok("a@x.deep.test") == 1);
  CHECK(ok("a@deep.test") == 0);
  CHECK(ok("a@evil.test") == 0);
  CHECK(ok("a@") == 0);
  CHECK(ok("@") == 0);
  CHECK(ok("a@evil.test@example.com") == 1);
  CHECK(ok("a@example.com@evil.test") == 0);
  CHECK(ok("a@.") == 0);
  CHECK(ok("a@.example.com") == 0);
  CHECK(ok("noat") == 1);
  CHECK(ok("") == 1);
  t_name = "counted, not NUL-terminated";
  CHECK(rcpthosts_check("a@example.comXX", 13) == 1);
  CHECK(rcpthosts_check("a@example.co", 12) == 0);
  return t_done();
}
