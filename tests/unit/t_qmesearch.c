/* t_qmesearch: in a scratch home: the exact .qmail-EXT first, then the
   -default names from the longest '-' prefix down to .qmail-default, with
   defpos at the start of DEFAULT; dots become ':' and letters are
   lowercased; an empty dash tries only .qmail; a symbolic link is an error
   (ELOOP) and a directory counts as absent; qme_exists. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "qmesearch.h"
#include "t.h"

static void touch(const char *fn)
{
  int fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd == -1) { perror(fn); exit(2); }
  close(fd);
}

struct c { const char *label, *dash, *ext; int r; const char *fn; long defpos; };
static const struct c cases[] = {
  { "plain .qmail", "", "", 1, ".qmail", -1 },
  { "empty dash: only the exact name", "", "foo", 0, 0, -1 },
  { "exact", "-", "foo", 1, ".qmail-foo", -1 },
  { "case", "-", "FOO", 1, ".qmail-foo", -1 },
  { "default one level", "-", "foo-bar", 1, ".qmail-foo-default", 4 },
  { "default deeper", "-", "foo-bar-baz", 1, ".qmail-foo-bar-default", 8 },
  { "catch-all", "-", "other", 1, ".qmail-default", 0 },
  { "dots", "-", "a.b", 1, ".qmail-a:b", -1 },
  { "dots in default", "-", "x.y-z", 1, ".qmail-x:y-default", 4 },
  { "directory is absent", "-", "dir", 1, ".qmail-default", 0 },
  { "symlink", "-", "link", -1, ".qmail-link", 0 },
};

int main(void)
{
  struct qme q = QME_ZERO;
  stralloc sa = STRALLOC_ZERO;
  size_t i;
  int r;

  CHECK(chdir(t_tmpdir()) == 0);
  t_name = "nothing there";
  CHECK(qme_search(&q, "-", "foo", 3) == 0 && q.fd == -1);
  touch(".qmail"); touch(".qmail-foo"); touch(".qmail-foo-default"); touch(".qmail-foo-bar-default");
  touch(".qmail-default"); touch(".qmail-a:b"); touch(".qmail-x:y-default");
  CHECK(mkdir(".qmail-dir", 0755) == 0);
  CHECK(symlink(".qmail", ".qmail-link") == 0);

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    errno = 0;
    r = qme_search(&q, cases[i].dash, cases[i].ext, strlen(cases[i].ext));
    CHECK(r == cases[i].r);
    if (r) CHECK(q.fn.s && !strcmp(q.fn.s, cases[i].fn)); else CHECK(q.fd == -1);
    if (r == 1) { CHECK(q.fd != -1 && q.defpos == cases[i].defpos); close(q.fd); q.fd = -1; }
    if (r == -1) CHECK(errno == ELOOP);
  }

  t_name = "safeext";
  CHECK(qme_safeext(&sa, "A.B..c", 6) == 1 && sa.len == 6 && !memcmp(sa.s, "a:b::c", 6));
  t_name = "exists";
  CHECK(qme_exists(".qmail") == 1);
  CHECK(qme_exists(".qmail-none") == 0);
  stralloc_free(&sa);
  stralloc_free(&q.fn);
  CHECK(chdir("/") == 0);
  return t_done();
}
