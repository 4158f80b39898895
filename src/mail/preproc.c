/* preproc.c: records of todo/N are u, p, F, then T ones (qmail-queue(8)). */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "getln.h"
#include "open.h"
#include "preproc.h"
#include "str.h"

#define RECMAX 70000

static int trouble(struct preproc *p, const char *what, const char *fn, int fd)
{
  int k;
  p->fail = what;
  p->failfn[0] = 0;
  if (str_len(fn) < sizeof p->failfn) { size_t i; for (i = 0; (p->failfn[i] = fn[i]); ++i) ; }
  if (fd != -1) close(fd);
  for (k = 0; k < 3; ++k) qrec_close(&p->f[k]);
  return -1;
}

static int put(struct preproc *p, int k, char type, const char *s, size_t len)
{
  if (p->f[k].fd == -1 && !qrec_create(&p->f[k], 0600)) return 0;
  return qrec_put(&p->f[k], type, s, len);
}

int preproc_write(struct preproc *p, unsigned long id, const struct rewrite *rw)
{
  char fnt[FMTQFN], fnm[FMTQFN], buf[4096];
  struct stat st;
  buffer b;
  int fd, k, match, r;

  p->id = id;
  p->bytes = p->unknown = 0;
  p->uid.len = p->qp.len = p->sender.len = 0;
  fmtqfn(fnt, "todo/", id, 0);
  fmtqfn(fnm, "mess/", id, 1);
  fmtqfn(p->f[0].fn, "info/", id, 1);
  fmtqfn(p->f[1].fn, "local/", id, 1);
  fmtqfn(p->f[2].fn, "remote/", id, 1);
  for (k = 0; k < 3; ++k) p->f[k].fd = -1;
  fd = open_read(fnt);
  if (fd == -1) return errno == ENOENT ? 0 : trouble(p, "unable to open ", fnt, -1);
  if (stat(fnm, &st) == -1) return trouble(p, "unable to stat ", fnm, fd);
  p->bytes = (unsigned long)st.st_size;
  for (k = 0; k < 3; ++k)
    if (unlink(p->f[k].fn) == -1 && errno != ENOENT) return trouble(p, "unable to unlink ", p->f[k].fn, fd);
  if (!qrec_create(&p->f[0], 0600)) return trouble(p, "unable to create ", p->f[0].fn, fd);
  buffer_init(&b, buffer_unixread, fd, buf, sizeof buf);
  for (;;) {
    if (getln_max(&b, &p->rec, &match, 0, RECMAX) == -1) return trouble(p, "trouble reading ", fnt, fd);
    if (!match) {
      if (p->rec.len) return trouble(p, "trouble reading ", fnt, fd);
      break;
    }
    switch (p->rec.s[0]) {
      case 'u':
        if (!stralloc_copyb(&p->uid, p->rec.s + 1, p->rec.len - 1)) return trouble(p, "out of memory reading ", fnt, fd);
        break;
      case 'p':
        if (!stralloc_copyb(&p->qp, p->rec.s + 1, p->rec.len - 1)) return trouble(p, "out of memory reading ", fnt, fd);
        break;
      case 'F':
        if (!stralloc_copyb(&p->sender, p->rec.s + 1, p->rec.len - 1)) return trouble(p, "out of memory reading ", fnt, fd);
        if (!put(p, 0, 'F', p->rec.s + 1, p->rec.len - 2)) return trouble(p, "trouble writing to ", p->f[0].fn, fd);
        break;
      case 'T':
        r = rewrite_addr(rw, p->rec.s + 1, p->rec.len - 2, &p->addr);
        if (!r) return trouble(p, "out of memory rewriting for ", fnt, fd);
        k = r == REWRITE_LOCAL ? 1 : 2;
        if (!put(p, k, 'T', p->addr.s, p->addr.len)) return trouble(p, "trouble writing to ", p->f[k].fn, fd);
        break;
      default:
        ++p->unknown;
    }
  }
  close(fd);
  if (!p->uid.len && !stralloc_copyb(&p->uid, "", 1)) return trouble(p, "out of memory reading ", fnt, -1);
  if (!p->qp.len && !stralloc_copyb(&p->qp, "", 1)) return trouble(p, "out of memory reading ", fnt, -1);
  if (!p->sender.len) return trouble(p, "no sender in ", fnt, -1);
  return 1;
}
