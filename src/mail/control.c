/* control.c: reads control files with qmail's rules (qmail-control(5)). */
#include <errno.h>
#include <limits.h>
#include <unistd.h>
#include "buffer.h"
#include "control.h"
#include "getln.h"
#include "open.h"
#include "scan.h"

stralloc control_me = STRALLOC_ZERO;
int control_flagme = 0;

#define LINEMAX 1000000 /* a control line longer than this is an error */

static void striptrail(stralloc *sa)
{
  while (sa->len && (sa->s[sa->len - 1] == '\n' || sa->s[sa->len - 1] == ' '
                     || sa->s[sa->len - 1] == '\t' || sa->s[sa->len - 1] == '\r'))
    --sa->len;
}

int control_readline(stralloc *sa, const char *fn)
{
  char buf[1024];
  buffer b;
  stralloc line = STRALLOC_ZERO;
  int fd, match, r;
  fd = open_read(fn);
  if (fd == -1) return errno == ENOENT ? 0 : -1;
  buffer_init(&b, buffer_unixread, fd, buf, sizeof buf);
  r = getln_max(&b, &line, &match, '\n', LINEMAX);
  close(fd);
  if (r == -1) { stralloc_free(&line); return -1; }
  striptrail(&line);
  r = stralloc_copy(sa, &line) ? 1 : -1;
  stralloc_free(&line);
  return r;
}

int control_init(void)
{
  int r = control_readline(&control_me, "control/me");
  if (r == 1) control_flagme = 1;
  return r == -1 ? -1 : 0;
}

int control_rldef(stralloc *sa, const char *fn, int flagme, const char *def)
{
  int r = control_readline(sa, fn);
  if (r) return r;
  if (flagme && control_flagme) return stralloc_copy(sa, &control_me) ? 1 : -1;
  if (def) return stralloc_copys(sa, def) ? 1 : -1;
  return 0;
}

int control_readulong(unsigned long *u, const char *fn)
{
  stralloc line = STRALLOC_ZERO;
  unsigned long v;
  int r = control_readline(&line, fn);
  if (r == 1) {
    if (!stralloc_0(&line)) r = -1;
    else if (scan_ulong(line.s, &v)) *u = v;
  }
  stralloc_free(&line);
  return r;
}

int control_readint(int *i, const char *fn)
{
  unsigned long u;
  int r;
  u = (unsigned long)*i;
  r = control_readulong(&u, fn);
  if (r == 1 && u <= INT_MAX) *i = (int)u;
  return r;
}

int control_readfile(stralloc *sa, const char *fn)
{
  char buf[4096];
  buffer b;
  stralloc line = STRALLOC_ZERO;
  int fd, match;
  if (!stralloc_copys(sa, "")) return -1;
  fd = open_read(fn);
  if (fd == -1) return errno == ENOENT ? 0 : -1;
  buffer_init(&b, buffer_unixread, fd, buf, sizeof buf);
  for (;;) {
    if (getln_max(&b, &line, &match, '\n', LINEMAX) == -1) goto fail;
    if (!match && !line.len) break;
    striptrail(&line);
    if (line.len && line.s[0] != '#') {
      if (!stralloc_cat(sa, &line) || !stralloc_0(sa)) goto fail;
    }
    if (!match) break;
  }
  close(fd);
  stralloc_free(&line);
  return 1;
fail:
  { int e = errno; close(fd); stralloc_free(&line); errno = e; }
  return -1;
}
