/* t_control: a scratch directory with control files: first lines with
   trailing spaces, tabs and CR stripped; empty and missing files; me as
   the default (control_init, control_rldef); numbers (leading junk,
   overflow, > INT_MAX keep the default); list files with comments,
   blank and whitespace-only lines, leading spaces kept, no final newline;
   a directory in place of a file and an over-long line are errors. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "control.h"
#include "t.h"

static void put(const char *fn, const char *s, size_t len)
{
  int fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd == -1 || write(fd, s, len) != (ssize_t)len) { perror(fn); exit(2); }
  close(fd);
}
#define PUT(fn, lit) put((fn), (lit), sizeof (lit) - 1)

static int is(const stralloc *sa, const char *s) { return sa->len == strlen(s) && !memcmp(sa->s, s, sa->len); }

struct c { const char *label, *content; const char *line; };
static const struct c lines[] = {
  { "plain", "mail.example.com\n", "mail.example.com" },
  { "trailing space and tab", "mail.example.com \t \n", "mail.example.com" },
  { "CRLF", "mail.example.com\r\n", "mail.example.com" },
  { "no newline", "mail.example.com", "mail.example.com" },
  { "first line only", "first\nsecond\n", "first" },
  { "leading space kept", "  indented\n", "  indented" },
  { "inner space kept", "a b\n", "a b" },
  { "empty file", "", "" },
  { "empty first line", "\nsecond\n", "" },
  { "comment is a line here", "#x\n", "#x" },
};

int main(void)
{
  stralloc sa = STRALLOC_ZERO;
  size_t i;
  int n;
  unsigned long u;

  CHECK(chdir(t_tmpdir()) == 0);
  CHECK(mkdir("control", 0755) == 0);

  t_name = "init without me";
  CHECK(control_init() == 0 && control_flagme == 0);

  for (i = 0; i < sizeof lines / sizeof lines[0]; ++i) {
    t_name = lines[i].label;
    put("control/x", lines[i].content, strlen(lines[i].content));
    CHECK(stralloc_copys(&sa, "junk"));
    CHECK(control_readline(&sa, "control/x") == 1 && is(&sa, lines[i].line));
  }

  t_name = "missing";
  CHECK(stralloc_copys(&sa, "unchanged"));
  CHECK(control_readline(&sa, "control/missing") == 0 && is(&sa, "unchanged"));

  t_name = "rldef without me";
  CHECK(control_rldef(&sa, "control/missing", 1, "def.example") == 1 && is(&sa, "def.example"));
  CHECK(stralloc_copys(&sa, "kept"));
  CHECK(control_rldef(&sa, "control/missing", 1, 0) == 0 && is(&sa, "kept"));

  t_name = "init with me";
  PUT("control/me", "me.example \n");
  CHECK(control_init() == 0 && control_flagme == 1 && is(&control_me, "me.example"));
  t_name = "rldef with me";
  CHECK(control_rldef(&sa, "control/missing", 1, "def.example") == 1 && is(&sa, "me.example"));
  CHECK(control_rldef(&sa, "control/missing", 0, "def.example") == 1 && is(&sa, "def.example"));
  PUT("control/present", "present.example\n");
  CHECK(control_rldef(&sa, "control/present", 1, "def.example") == 1 && is(&sa, "present.example"));

  t_name = "numbers";
  PUT("control/n", "42\n");
  n = 7;
  CHECK(control_readint(&n, "control/n") == 1 && n == 42);
  PUT("control/n", "42abc \n");
  CHECK(control_readint(&n, "control/n") == 1 && n == 42);
  PUT("control/n", " 5\n");
  n = 7;
  CHECK(control_readint(&n, "control/n") == 1 && n == 7); /* no leading digit: default */
  PUT("control/n", "-5\n");
  CHECK(control_readint(&n, "control/n") == 1 && n == 7);
  PUT("control/n", "3000000000\n");
  CHECK(control_readint(&n, "control/n") == 1 && n == 7); /* > INT_MAX */
  u = 1;
  CHECK(control_readulong(&u, "control/n") == 1 && u == 3000000000ul);
  PUT("control/n", "99999999999999999999999999\n");
  CHECK(control_readulong(&u, "control/n") == 1 && u == 3000000000ul); /* overflow: default */
  PUT("control/n", "2147483647\n");
  CHECK(control_readint(&n, "control/n") == 1 && n == INT_MAX);
  PUT("control/n", "0\n");
  CHECK(control_readint(&n, "control/n") == 1 && n == 0);
  PUT("control/n", "");
  n = 9;
  CHECK(control_readint(&n, "control/n") == 1 && n == 9);
  CHECK(control_readint(&n, "control/missing") == 0 && n == 9);
  CHECK(control_readulong(&u, "control/missing") == 0 && u == 3000000000ul);

  t_name = "list";
  PUT("control/list", "# a comment\nexample.com\n\n   \nexample.net \t\r\n  lead.example\n#another\nlast.example");
  CHECK(control_readfile(&sa, "control/list") == 1);
  CHECK(sa.len == 52 && !memcmp(sa.s, "example.com\0example.net\0  lead.example\0last.example\0", 52));
  t_name = "list empty";
  PUT("control/list", "\n\n# only comments\n");
  CHECK(control_readfile(&sa, "control/list") == 1 && sa.len == 0);
  PUT("control/list", "");
  CHECK(control_readfile(&sa, "control/list") == 1 && sa.len == 0);
  t_name = "list missing";
  CHECK(stralloc_copys(&sa, "junk"));
  CHECK(control_readfile(&sa, "control/missing") == 0 && sa.len == 0);

  t_name = "errors";
  CHECK(mkdir("control/dir", 0755) == 0);
  CHECK(control_readline(&sa, "control/dir") == -1 && errno == EISDIR);
  CHECK(control_readfile(&sa, "control/dir") == -1 && errno == EISDIR);
  n = 3;
  CHECK(control_readint(&n, "control/dir") == -1 && n == 3);
  CHECK(control_readline(&sa, "control/missing/x") == 0); /* ENOENT */
  CHECK(control_readline(&sa, "control/present/x") == -1 && errno == ENOTDIR);
  {
    size_t big = 1000001;
    char *x = malloc(big + 1);
    memset(x, 'a', big);
    x[big] = '\n';
    put("control/long", x, big + 1);
    CHECK(control_readline(&sa, "control/long") == -1 && errno == E2BIG);
    CHECK(control_readfile(&sa, "control/long") == -1 && errno == E2BIG);
    put("control/long", x + 2, big - 1); /* 999999 bytes and the newline: fine */
    CHECK(control_readline(&sa, "control/long") == 1 && sa.len == big - 2);
    free(x);
  }
  stralloc_free(&sa);
  CHECK(chdir("/") == 0);
  return t_done();
}
