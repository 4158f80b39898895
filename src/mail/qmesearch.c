/* qmesearch.c: the .qmail search.  "Exists" means it opens (no symlink
   followed) and is a regular file; ENOENT and ENOTDIR mean absent, any
   other failure is reported so the delivery is deferred, never bounced. */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include "open.h"
#include "qmesearch.h"
#include "str.h"

int qme_safeext(stralloc *sa, const char *ext, size_t len)
{
  size_t i;
  if (!stralloc_copyb(sa, ext, len)) return 0;
  for (i = 0; i < sa->len; ++i) {
    char c = sa->s[i];
    if (c >= 'A' && c <= 'Z') sa->s[i] = (char)(c + 32);
    else if (c == '.') sa->s[i] = ':';
  }
  return 1;
}

int qme_exists(const char *fn)
{
  struct stat st;
  if (stat(fn, &st) == 0) return 1;
  if (errno == ENOENT || errno == ENOTDIR) return 0;
  return -1;
}

/* 1 opened a regular file, 0 absent, -1 error */
static int try(struct qme *q)
{
  struct stat st;
  int fd, e;
  if (!stralloc_0(&q->fn)) return -1;
  fd = open_nofollow_read(q->fn.s);
  if (fd == -1) {
    if (errno == ENOENT || errno == ENOTDIR) return 0;
    return -1;
  }
  if (fstat(fd, &st) == -1) { e = errno; close(fd); errno = e; return -1; }
  if (!S_ISREG(st.st_mode)) { close(fd); return 0; }
  q->fd = fd;
  return 1;
}

static int build(struct qme *q, const char *dash, const char *s, size_t n, const char *tail)
{
  if (!stralloc_copys(&q->fn, ".qmail")) return 0;
  if (!stralloc_cats(&q->fn, dash)) return 0;
  if (!stralloc_catb(&q->fn, s, n)) return 0;
  return stralloc_cats(&q->fn, tail);
}

int qme_search(struct qme *q, const char *dash, const char *ext, size_t len)
{
  stralloc safe = STRALLOC_ZERO;
  size_t i;
  int r;

  q->fd = -1;
  q->defpos = -1;
  if (!qme_safeext(&safe, ext, len)) return -1;
  if (!build(q, dash, safe.s, safe.len, "")) goto nomem;
  r = try(q);
  if (r) {
    if (r == 1 && safe.len >= 7 && str_diffn(safe.s + safe.len - 7, "default", 7) == 0)
      q->defpos = (long)safe.len - 7;
    stralloc_free(&safe);
    return r;
  }
  if (!*dash) i = 0; /* the basic address has no -default names */
  else i = safe.len + 1;
  for (; i-- > 0;) {
    if (i > 0 && safe.s[i - 1] != '-') continue;
    if (!build(q, dash, safe.s, i, "default")) goto nomem;
    r = try(q);
    if (r) {
      if (r == 1) q->defpos = (long)i;
      stralloc_free(&safe);
      return r;
    }
  }
  stralloc_free(&safe);
  return 0;
nomem:
  stralloc_free(&safe);
  return -1;
}
