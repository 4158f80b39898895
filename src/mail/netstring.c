/* netstring.c: "len:bytes," framing, read strictly.  The length prefix is
   checked against max digit by digit, so no value can overflow, and the
   body is stored as it arrives (a lying length costs no memory up front). */
#include <errno.h>
#include "buffer.h"
#include "netstring.h"
#include "stralloc.h"

int netstring_fmt(stralloc *sa, const char *s, size_t len)
{
  size_t old = sa->s ? sa->len : 0;
  if (stralloc_catulong(sa, len) && stralloc_append(sa, ':')
      && stralloc_catb(sa, s, len) && stralloc_append(sa, ',')) return 1;
  if (sa->s) sa->len = old;
  return 0;
}

/* one byte: 1, or -1 on a read error or EOF (EPIPE) */
static int getch(buffer *b, char *ch)
{
  ssize_t r = buffer_get(b, ch, 1);
  if (r == 1) return 1;
  if (r == 0) errno = EPIPE;
  return -1;
}

int netstring_scanlen(buffer *b, size_t max, size_t *len)
{
  size_t v = 0, digits = 0;
  char ch;
  for (;;) {
    if (getch(b, &ch) == -1) return -1;
    if (ch == ':' && digits) break;
    if (ch < '0' || ch > '9') { errno = EPROTO; return 0; }
    if (digits == 1 && v == 0) { errno = EPROTO; return 0; } /* leading zero */
    if ((size_t)(ch - '0') > max || v > (max - (size_t)(ch - '0')) / 10) { errno = E2BIG; return 0; }
    v = v * 10 + (size_t)(ch - '0');
    ++digits;
  }
  *len = v;
  return 1;
}

int netstring_get(buffer *b, stralloc *sa, size_t max)
{
  size_t len, got = 0;
  char ch;
  int r = netstring_scanlen(b, max, &len);
  if (r != 1) return r;
  if (!stralloc_copyb(sa, "", 0)) return -1;
  while (got < len) {
    size_t want = len - got;
    ssize_t n;
    if (want > 65536) want = 65536;
    if (!stralloc_readyplus(sa, want)) return -1;
    n = buffer_get(b, sa->s + sa->len, want);
    if (n == 0) { errno = EPIPE; return -1; }
    if (n < 0) return -1;
    sa->len += (size_t)n;
    got += (size_t)n;
  }
  if (getch(b, &ch) == -1) return -1;
  if (ch != ',') { errno = EPROTO; return 0; }
  return 1;
}
