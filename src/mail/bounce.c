/* bounce.c: the notice is Date/From/To/Subject, the introduction, the
   paragraphs of bounce/N, the break line, Return-Path and the message. */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include "bounce.h"
#include "buffer.h"
#include "byte.h"
#include "date822fmt.h"
#include "getln.h"
#include "open.h"
#include "qmail.h"
#include "quote.h"
#include "str.h"
#include "syncdir.h"

int bounce_para(stralloc *out, const char *recip, size_t rlen, const char *text, size_t tlen)
{
  size_t i;
  if (!stralloc_append(out, '<')) return 0;
  for (i = 0; i < rlen; ++i)
    if (!stralloc_append(out, recip[i] == '\n' ? '_' : recip[i])) return 0;
  if (!stralloc_cats(out, ">:\n")) return 0;
  for (i = 0; i < tlen; ++i) {
    if (text[i] == '\n' && (i == 0 || text[i - 1] == '\n'))
      if (!stralloc_append(out, '/')) return 0;
    if (!stralloc_append(out, text[i])) return 0;
  }
  if (tlen && text[tlen - 1] != '\n') if (!stralloc_append(out, '\n')) return 0;
  return stralloc_append(out, '\n');
}

int bounce_kind(const char *sender)
{
  if (!*sender) return BOUNCE_DOUBLE;
  if (str_equal(sender, "#@[]")) return BOUNCE_NONE;
  return BOUNCE_SINGLE;
}

static int quoted(stralloc *out, const char *addr)
{
  stralloc a = STRALLOC_ZERO;
  int r = stralloc_copys(&a, addr) && quote_addr(out, &a);
  stralloc_free(&a);
  return r;
}

/* copy fd to qq: all of it, or at most max bytes; 0 on a read error */
static int copyfd(struct qmail *qq, int fd, unsigned long max)
{
  char buf[8192];
  unsigned long done = 0;
  for (;;) {
    size_t want = sizeof buf;
    ssize_t r;
    if (max) {
      if (done >= max) return 1;
      if (max - done < want) want = max - done;
    }
    r = buffer_unixread(fd, buf, want);
    if (r == -1) return 0;
    if (r == 0) return 1;
    qmail_put(qq, buf, (size_t)r);
    done += (unsigned long)r;
  }
}

const char *bounce_inject(const struct bounce_msg *bm, unsigned long *qp)
{
  struct qmail qq;
  stralloc brecip = STRALLOC_ZERO, q = STRALLOC_ZERO;
  char date[DATE822FMT];
  int kind = bounce_kind(bm->sender), e;
  size_t n;

  if (kind == BOUNCE_SINGLE) {
    if (!stralloc_copys(&brecip, bm->sender)) return 0;
    n = str_len(bm->sender);
    if (n >= 4 && str_equal(bm->sender + n - 4, "-@[]")) brecip.len = n - 4;
  } else {
    if (!stralloc_copys(&brecip, bm->dbto) || !stralloc_append(&brecip, '@')
        || !stralloc_cats(&brecip, bm->dbhost)) goto nomem;
  }
  if (!stralloc_0(&brecip)) goto nomem;
  if (qmail_open(&qq) == -1) goto fail;
  *qp = qmail_qp(&qq);

  qmail_puts(&qq, "Date: ");
  qmail_put(&qq, date, date822fmt(date, bm->now));
  qmail_puts(&qq, "\nFrom: ");
  if (!quoted(&q, bm->bouncefrom)) goto killqq;
  qmail_put(&qq, q.s, q.len);
  qmail_puts(&qq, "@");
  qmail_puts(&qq, bm->bouncehost);
  qmail_puts(&qq, "\nTo: ");
  if (!quoted(&q, brecip.s)) goto killqq;
  qmail_put(&qq, q.s, q.len);
  qmail_puts(&qq, "\nSubject: failure notice\n\nHi. This is the qmail-send program at ");
  qmail_puts(&qq, bm->bouncehost);
  if (kind == BOUNCE_SINGLE)
    qmail_puts(&qq, ".\nI'm afraid I wasn't able to deliver your message to the following addresses.\n"
               "This is a permanent error; I've given up. Sorry it didn't work out.\n\n");
  else
    qmail_puts(&qq, ".\nI tried to deliver a bounce message to this address, but the bounce bounced!\n\n");
  if (lseek(bm->fdbounce, 0, SEEK_SET) == -1 || !copyfd(&qq, bm->fdbounce, 0)) goto killqq;
  if (kind == BOUNCE_SINGLE) qmail_puts(&qq, "--- Below this line is a copy of the message.\n\n");
  else qmail_puts(&qq, "--- Below this line is the original bounce.\n\n");
  qmail_puts(&qq, "Return-Path: <");
  if (!quoted(&q, bm->sender)) goto killqq;
  qmail_put(&qq, q.s, q.len);
  qmail_puts(&qq, ">\n");
  if (lseek(bm->fdmess, 0, SEEK_SET) == -1 || !copyfd(&qq, bm->fdmess, bm->maxbytes)) goto killqq;
  qmail_from(&qq, kind == BOUNCE_SINGLE ? "" : "#@[]");
  qmail_to(&qq, brecip.s);
  stralloc_free(&brecip);
  stralloc_free(&q);
  return qmail_close(&qq);

killqq:
  e = errno;
  qmail_fail(&qq);
  qmail_close(&qq);
  errno = e;
fail:
nomem:
  e = errno;
  stralloc_free(&brecip);
  stralloc_free(&q);
  errno = e;
  return 0;
}

int bounce_append(const char *fn, const stralloc *para)
{
  struct stat st;
  int fd = open_append(fn), e;
  if (fd == -1) return 0;
  if (fstat(fd, &st) == -1) goto fail;
  if (buffer_unixwrite(fd, para->s, para->len) != (ssize_t)para->len) goto cut;
  if (fsync_fd(fd) == -1) goto cut;
  if (!st.st_size && syncdir_parent(fn) == -1) goto cut;
  close(fd);
  return 1;
cut:
  e = errno;
  if (ftruncate(fd, st.st_size) == -1) { /* the paragraph may then repeat */ }
  errno = e;
fail:
  e = errno;
  close(fd);
  errno = e;
  return 0;
}

int bounce_seenload(stralloc *seen, const char *fn)
{
  char buf[4096];
  stralloc line = STRALLOC_ZERO;
  buffer b;
  int fd, match, atstart = 1, r = 1, e;
  seen->len = 0;
  fd = open_read(fn);
  if (fd == -1) return errno == ENOENT;
  buffer_init(&b, buffer_unixread, fd, buf, sizeof buf);
  for (;;) {
    if (getln_max(&b, &line, &match, '\n', 1000000) == -1) { r = 0; break; }
    if (!match) break;
    if (atstart && !stralloc_cat(seen, &line)) { r = 0; break; }
    atstart = line.len == 1;
  }
  e = errno;
  close(fd);
  stralloc_free(&line);
  errno = e;
  return r;
}

int bounce_seen(const stralloc *seen, const stralloc *para)
{
  size_t i = 0, n = byte_chr(para->s, para->len, '\n') + 1, k;
  while (i < seen->len) {
    k = byte_chr(seen->s + i, seen->len - i, '\n') + 1;
    if (k == n && byte_equal(seen->s + i, n, para->s)) return 1;
    i += k;
  }
  return 0;
}
