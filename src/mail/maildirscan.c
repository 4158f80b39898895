/* maildirscan.c: list and clean a Maildir for a reader (maildirscan.h). */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "alloc.h"
#include "error.h"
#include "maildirscan.h"
#include "str.h"

#define TMPAGE (36 * 60 * 60) /* tmp/ files older than this are debris */

static int pathof(stralloc *sa, const char *dir, const char *name)
{
  return stralloc_copys(sa, dir) && stralloc_append(sa, '/')
      && stralloc_cats(sa, name) && stralloc_0(sa);
}

int maildirscan_clean(time_t now)
{
  stralloc fn = STRALLOC_ZERO;
  struct dirent *d;
  struct stat st;
  DIR *dir = opendir("tmp");
  if (!dir) return -1;
  for (;;) {
    errno = 0;
    d = readdir(dir);
    if (!d) break;
    if (d->d_name[0] == '.') continue;
    if (!pathof(&fn, "tmp", d->d_name)) { closedir(dir); stralloc_free(&fn); return -1; }
    if (lstat(fn.s, &st) == -1 || S_ISDIR(st.st_mode)) continue;
    if (st.st_atime < now - TMPAGE) unlink(fn.s);
  }
  if (errno) { int e = errno; closedir(dir); stralloc_free(&fn); errno = e; return -1; }
  closedir(dir);
  stralloc_free(&fn);
  return 0;
}

static int grow(struct maildirlist *ml)
{
  size_t n;
  if (ml->len < ml->a) return 1;
  if (ml->a > (SIZE_MAX - 16) / 2) { errno = EOVERFLOW; return 0; }
  n = ml->a + ml->a / 2 + 16;
  if (n > SIZE_MAX / sizeof *ml->m) { errno = EOVERFLOW; return 0; }
  if (!alloc_re(&ml->m, ml->len * sizeof *ml->m, n * sizeof *ml->m)) return 0;
  ml->a = n;
  return 1;
}

static int scandir1(struct maildirlist *ml, const char *sub)
{
  struct dirent *d;
  struct stat st;
  DIR *dir = opendir(sub);
  if (!dir) return 0;
  for (;;) {
    struct maildirmsg *m;
    errno = 0;
    d = readdir(dir);
    if (!d) break;
    if (d->d_name[0] == '.') continue;
    if (!grow(ml)) goto fail;
    m = &ml->m[ml->len];
    m->fn.s = 0; m->fn.len = 0; m->fn.a = 0;
    if (!pathof(&m->fn, sub, d->d_name)) { stralloc_free(&m->fn); goto fail; }
    if (stat(m->fn.s, &st) == -1) {
      /* gone meanwhile, or a name nobody can read: not a message */
      int e = errno;
      stralloc_free(&m->fn);
      if (!error_temp(e)) continue;
      errno = e;
      goto fail;
    }
    if (!S_ISREG(st.st_mode)) { stralloc_free(&m->fn); continue; }
    m->size = st.st_size < 0 ? 0 : (unsigned long)st.st_size;
    m->mtime = st.st_mtim.tv_sec;
    m->mtimens = st.st_mtim.tv_nsec;
    ++ml->len;
  }
  if (!errno) { closedir(dir); return 1; }
fail:
  { int e = errno; closedir(dir); errno = e; }
  return 0;
}

static int bytime(const void *a, const void *b)
{
  const struct maildirmsg *x = a, *y = b;
  if (x->mtime < y->mtime) return -1;
  if (x->mtime > y->mtime) return 1;
  if (x->mtimens != y->mtimens) return x->mtimens < y->mtimens ? -1 : 1;
  return str_diff(x->fn.s, y->fn.s);
}

void maildirscan_free(struct maildirlist *ml)
{
  size_t i;
  for (i = 0; i < ml->len; ++i) stralloc_free(&ml->m[i].fn);
  alloc_free(ml->m);
  ml->m = 0; ml->len = 0; ml->a = 0;
}

int maildirscan(struct maildirlist *ml)
{
  maildirscan_free(ml);
  if (!scandir1(ml, "new") || !scandir1(ml, "cur")) {
    int e = errno;
    maildirscan_free(ml);
    errno = e;
    return 0;
  }
  if (ml->len > 1) qsort(ml->m, ml->len, sizeof *ml->m, bytime);
  return 1;
}

const char *maildirscan_uid(const char *fn, size_t *len)
{
  size_t i = str_chr(fn, '/');
  if (fn[i]) fn += i + 1;
  *len = str_chr(fn, ':');
  return fn;
}

static int findin(struct maildirmsg *m, const char *sub, const char *uid, size_t len)
{
  stralloc fn = STRALLOC_ZERO;
  struct dirent *d;
  struct stat st;
  DIR *dir = opendir(sub);
  if (!dir) return errno == ENOENT ? 0 : -1;
  for (;;) {
    errno = 0;
    d = readdir(dir);
    if (!d) break;
    if (str_diffn(d->d_name, uid, len) || (d->d_name[len] && d->d_name[len] != ':')) continue;
    if (!pathof(&fn, sub, d->d_name)) break;
    if (stat(fn.s, &st) == -1 || !S_ISREG(st.st_mode)) continue;
    closedir(dir);
    stralloc_free(&m->fn);
    m->fn = fn;
    return 1;
  }
  { int e = errno; closedir(dir); stralloc_free(&fn); errno = e; }
  return errno ? -1 : 0;
}

int maildirscan_find(struct maildirmsg *m)
{
  stralloc uid = STRALLOC_ZERO;
  const char *u;
  size_t len;
  int r;
  u = maildirscan_uid(m->fn.s, &len);
  if (!stralloc_copyb(&uid, u, len) || !stralloc_0(&uid)) return -1;
  r = findin(m, "cur", uid.s, len);
  if (r == 0) r = findin(m, "new", uid.s, len);
  stralloc_free(&uid);
  return r;
}
