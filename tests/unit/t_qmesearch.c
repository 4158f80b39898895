/* t_qmesearch: the safe extension (lowercase, '.' to ':') and the .qmail
   search order in a scratch directory: exact name, -default walk, DEFAULT
   position, directories ignored, symbolic links refused (ELOOP), the
   basic address without -default names. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qmesearch.h"
#include "str.h"
#include "t.h"

static void mk(const char *fn) { int fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644); if (fd != -1) close(fd); }

static int search(const char *dash, const char *ext, char *name, long *defpos)
{
  struct qme q = QME_ZERO;
  int r = qme_search(&q, dash, ext, str_len(ext));
  name[0] = 0;
  if (r == 1) { memcpy(name, q.fn.s, q.fn.len); close(q.fd); }
  *defpos = q.defpos;
  stralloc_free(&q.fn);
  return r;
}

int main(void)
{
  static const struct { const char *ext, *safe; } safe[] = {
    { "", "" }, { "Foo", "foo" }, { "Foo.Bar", "foo:bar" }, { "a..B-c.", "a::b-c:" },
  };
  static const struct { const char *ext; const char *want; long defpos; } tab[] = {
    { "foo", ".qmail-foo", -1 },
    { "FOO", ".qmail-foo", -1 },
    { "foo-bar-baz", ".qmail-foo-default", 4 },
    { "Zed-x", ".qmail-default", 0 },
    { "a.b-c", ".qmail-a:b-c", -1 },
    { "x-default", ".qmail-x-default", 2 },
    { "dir", ".qmail-default", 0 },
  };
  char dir[] = "/tmp/t_qmeXXXXXX", name[256];
  stralloc sa = STRALLOC_ZERO;
  long defpos;
  size_t i;

  for (i = 0; i < sizeof safe / sizeof safe[0]; ++i) {
    t_name = safe[i].ext;
    CHECK(qme_safeext(&sa, safe[i].ext, str_len(safe[i].ext)));
    CHECK(sa.len == str_len(safe[i].safe));
    CHECKMEM(sa.s, sa.len, safe[i].safe);
  }
  stralloc_free(&sa);

  if (!mkdtemp(dir) || chdir(dir) == -1) return 111;
  mk(".qmail-foo"); mk(".qmail-foo-default"); mk(".qmail-default"); mk(".qmail-a:b-c");
  mk(".qmail-x-default"); mkdir(".qmail-dir", 0755);
  for (i = 0; i < sizeof tab / sizeof tab[0]; ++i) {
    t_name = tab[i].ext;
    CHECK(search("-", tab[i].ext, name, &defpos) == 1);
    CHECKSTR(name, tab[i].want);
    CHECK(defpos == tab[i].defpos);
  }
  t_name = "no -default for the basic address";
  mk(".qmaildefault");
  CHECK(search("", "", name, &defpos) == 0);
  mk(".qmail");
  CHECK(search("", "", name, &defpos) == 1);
  CHECKSTR(name, ".qmail");
  t_name = "a symbolic link is an error, not absent";
  CHECK(symlink(".qmail-foo", ".qmail-link") == 0);
  CHECK(search("-", "link", name, &defpos) == -1 && errno == ELOOP);
  t_name = "dots in a -default name";
  mk(".qmail-x:y-default");
  CHECK(search("-", "x.y-z", name, &defpos) == 1);
  CHECKSTR(name, ".qmail-x:y-default");
  CHECK(defpos == 4);
  t_name = "an empty dash tries only the exact name";
  CHECK(search("", "foo", name, &defpos) == 0); /* .qmailfoo */
  t_name = "nothing at all";
  unlink(".qmail-default");
  CHECK(search("-", "none", name, &defpos) == 0);
  t_name = "qme_exists";
  CHECK(qme_exists(".qmail-foo") == 1);
  CHECK(qme_exists(".qmail-none") == 0);
  CHECK(qme_exists(".qmail-foo/x") == 0);
  unlink(".qmail-foo"); unlink(".qmail-foo-default"); unlink(".qmail-a:b-c"); unlink(".qmail-x-default");
  unlink(".qmaildefault"); unlink(".qmail"); unlink(".qmail-x:y-default"); unlink(".qmail-link"); rmdir(".qmail-dir");
  if (chdir("/") == 0) rmdir(dir);
  return t_done();
}
