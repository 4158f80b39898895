/* chanfile.c: sequential reads through a buffer; marks with pwrite, which
   leaves the read position alone. */
#include <errno.h>
#include <unistd.h>
#include "byte.h"
#include "chanfile.h"
#include "getln.h"
#include "open.h"

int chanfile_open(struct chanfile *cf, const char *fn)
{
  cf->fd = open_readwrite(fn);
  if (cf->fd == -1) return 0;
  cf->pos = 0;
  cf->unknown = 0;
  buffer_init(&cf->b, buffer_unixread, cf->fd, cf->buf, sizeof cf->buf);
  return 1;
}

int chanfile_next(struct chanfile *cf, stralloc *rec, off_t *off)
{
  int match;
  for (;;) {
    if (getln_max(&cf->b, rec, &match, 0, CHANFILE_RECMAX) == -1) return -1;
    if (!match) {
      if (!rec->len) return 0;
      errno = EPROTO;
      return -1;
    }
    *off = cf->pos;
    cf->pos += (off_t)rec->len;
    if (rec->s[0] == 'T') {
      byte_copy(rec->s, rec->len - 1, rec->s + 1);
      rec->len -= 2;
      return 1;
    }
    if (rec->s[0] != 'D') ++cf->unknown;
  }
}

int chanfile_mark(struct chanfile *cf, off_t off)
{
  ssize_t w;
  do w = pwrite(cf->fd, "D", 1, off); while (w == -1 && errno == EINTR);
  if (w == 1) return 1;
  if (w == 0) errno = EIO;
  return 0;
}

void chanfile_close(struct chanfile *cf)
{
  if (cf->fd != -1) close(cf->fd);
  cf->fd = -1;
}
