/* mbox.c: From_ lines and the mboxrd quoting test. */
#include "byte.h"
#include "date822fmt.h"
#include "mbox.h"

static const char wdays[] = "ThuFriSatSunMonTueWed"; /* 1 Jan 1970 was a Thursday */

/* reorders date822fmt's "D Mon YYYY HH:MM:SS -0000" */
size_t mbox_date(char *s, time_t t)
{
  char d[DATE822FMT], buf[MBOX_DATE];
  size_t f[5], len[5], i, k = 0, n;
  long days = (long)(t / 86400) - (t % 86400 < 0);

  n = date822fmt(d, t);
  for (i = 0; i < 5; ++i) {
    f[i] = k;
    while (k < n && d[k] != ' ') ++k;
    len[i] = k - f[i];
    ++k;
  }
  n = 0;
  i = (size_t)(((days % 7) + 7) % 7);
  byte_copy(buf, 3, wdays + 3 * i); n += 3;
  buf[n++] = ' ';
  byte_copy(buf + n, len[1], d + f[1]); n += len[1];
  buf[n++] = ' ';
  if (len[0] < 2) buf[n++] = '0';
  byte_copy(buf + n, len[0], d + f[0]); n += len[0];
  buf[n++] = ' ';
  byte_copy(buf + n, len[3], d + f[3]); n += len[3];
  buf[n++] = ' ';
  byte_copy(buf + n, len[2], d + f[2]); n += len[2];
  if (s) byte_copy(s, n, buf);
  return n;
}

int mbox_fromline(stralloc *sa, const char *sender, size_t len, time_t t)
{
  char date[MBOX_DATE];
  size_t i, start;

  if (!stralloc_copys(sa, "From ")) return 0;
  if (!len) { if (!stralloc_cats(sa, "MAILER-DAEMON")) return 0; }
  else {
    start = sa->len;
    if (!stralloc_catb(sa, sender, len)) return 0;
    for (i = start; i < sa->len; ++i)
      if (sa->s[i] == ' ' || sa->s[i] == '\t' || sa->s[i] == '\n') sa->s[i] = '-';
  }
  if (!stralloc_append(sa, ' ')) return 0;
  if (!stralloc_catb(sa, date, mbox_date(date, t))) return 0;
  return stralloc_append(sa, '\n');
}

int mbox_needquote(const char *line, size_t len)
{
  size_t i = 0;
  while (i < len && line[i] == '>') ++i;
  return len - i >= 5 && byte_equal(line + i, 5, "From ");
}

static int putgt(buffer *out, size_t n)
{
  static const char gt[] = ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>";
  size_t k;
  while (n) {
    k = n < sizeof gt - 1 ? n : sizeof gt - 1;
    if (buffer_put(out, gt, k) == -1) return -1;
    n -= k;
  }
  return 0;
}

/* At a line start the bytes ">...>From " are only counted (gt, fm) until
   the line is known to match or not; then they are written and the rest
   of the line is copied as it comes. */
int mbox_copy(buffer *out, buffer *in)
{
  static const char from[] = "From ";
  size_t gt = 0, fm = 0, i, k, n;
  int mid = 0;
  ssize_t r;
  char *p;

  for (;;) {
    r = buffer_feed(in);
    if (r < 0) return -2;
    if (r == 0) break;
    p = buffer_peek(in);
    n = (size_t)r;
    for (i = 0; i < n; ) {
      if (mid) {
        k = byte_chr(p + i, n - i, '\n');
        if (k < n - i) { ++k; mid = 0; }
        if (buffer_put(out, p + i, k) == -1) return -3;
        i += k;
        continue;
      }
      if (!fm && p[i] == '>') { ++gt; ++i; continue; }
      if (p[i] == from[fm]) {
        ++i;
        if (++fm < 5) continue;
        if (buffer_put(out, ">", 1) == -1) return -3;
      }
      if (putgt(out, gt) == -1) return -3;
      if (buffer_put(out, from, fm) == -1) return -3;
      gt = fm = 0;
      mid = 1;
    }
    buffer_seek(in, n);
  }
  if (!mid && !gt && !fm) return 0;
  if (putgt(out, gt) == -1) return -3;
  if (buffer_put(out, from, fm) == -1) return -3;
  if (buffer_put(out, "\n", 1) == -1) return -3;
  return 0;
}
