/* t_datain: the DATA reader, table-driven, fed whole and one byte per
   read: end of data only at CR LF . CR LF, dot-unstuffing, lone CR kept,
   bare LF refused wherever it is, the SMTP smuggling set, hop counting
   (header only, any case), the size cap, and what stays in the buffer. */
#include <errno.h>
#include "buffer.h"
#include "datain.h"
#include "stralloc.h"
#include "t.h"

static void put(void *sa, const char *s, size_t len) { stralloc_catb((stralloc *)sa, s, len); }

static const struct { const char *label; const char *in; size_t inlen; int ret; const char *out; size_t outlen; const char *rest; } tab[] = {
#define T(l, in, r, out, rest) { l, in, sizeof in - 1, r, out, sizeof out - 1, rest }
  T("empty message", ".\r\nQUIT\r\n", 1, "", "QUIT\r\n"),
  T("plain", "a\r\nb\r\n.\r\n", 1, "a\nb\n", ""),
  T("unstuff", "..a\r\n...\r\n.b\r\n.\r\n", 1, ".a\n..\nb\n", ""),
  T("lone CR kept", "a\rb\r\r\n\r.\r\n.\r\n", 1, "a\rb\r\n\r.\n", ""),
  T(".CR then text", "x\r\n.\ry\r\n.\r\n", 1, "x\n\ry\n", ""),
  T(".CRCR", "x\r\n.\r\r\n.\r\n", 1, "x\n\r\n", ""),
  T(".NUL", "x\r\n.\0\r\n.\r\n", 1, "x\n\0\n", ""),
  T("CR.CR", "x\r.\rMAIL\r\n.\r\n", 1, "x\r.\rMAIL\n", ""),
  T("8 bit", "\xff\xfe\r\n.\r\n", 1, "\xff\xfe\n", ""),
  T("bare LF", "a\nb\r\n.\r\n", 0, "a", "\nb\r\n.\r\n"),
  T("LF.LF", "a\r\nb\n.\nMAIL FROM:<x>\r\n", 0, "a\nb", "\n.\nMAIL FROM:<x>\r\n"),
  T("CRLF.LF", "a\r\n.\nx\r\n.\r\n", 0, "a\n", "\nx\r\n.\r\n"),
  T("LF.CRLF", "a\n.\r\n", 0, "a", "\n.\r\n"),
  T("LF at start", "\n.\r\n", 0, "", "\n.\r\n"),
  T("dot LF at start", ".\n", 0, "", "\n"),
  T("eof", "abc\r\n", -1, "abc\n", ""),
  T("eof after dot CR", "abc\r\n.\r", -1, "abc\n", ""),
};

int main(void)
{
  char space[16];
  buffer b;
  struct datain d;
  stralloc got = STRALLOC_ZERO;
  size_t i, c;
  int r;

  if (!stralloc_ready(&got, 64)) return 111;  /* got.s never null for CHECKMEM */
  for (i = 0; i < sizeof tab / sizeof tab[0]; ++i)
    for (c = 1; c <= 64; c *= 64) {
      t_name = tab[i].label;
      t_memsrc(tab[i].in, tab[i].inlen, c);
      buffer_init(&b, t_memread, 0, space, sizeof space);
      got.len = 0;
      datain_init(&d, 1000, put, &got);
      errno = 0;
      r = datain_get(&d, &b);
      CHECK(r == tab[i].ret);
      if (r == 0) CHECK(errno == EPROTO);
      if (r == -1) CHECK(errno == EPIPE);
      CHECK(got.len == tab[i].outlen);
      CHECKMEM(got.s, got.len, tab[i].out);
      CHECK(d.bytes == tab[i].outlen);
      { /* what is left: the buffered part, then the unread input */
        stralloc rest = STRALLOC_ZERO;
        if (!stralloc_ready(&rest, 64)) return 111;
        stralloc_catb(&rest, buffer_peek(&b), b.p);
        stralloc_catb(&rest, tab[i].in + tab[i].inlen - t_memleft(), t_memleft());
        CHECK(rest.len == strlen(tab[i].rest));
        CHECKMEM(rest.s, rest.len, tab[i].rest);
        stralloc_free(&rest);
      }
    }

  t_name = "hops";
  { const char *s = "Received: a\r\nDELIVERED-TO: b\r\nreceivedX\r\nDeliveredto\r\nReceive: no\r\n Received: folded\r\nX-Received: no\r\n\r\nReceived: body\r\n.\r\n";
    t_memsrc(s, strlen(s), 3); }
  buffer_init(&b, t_memread, 0, space, sizeof space);
  got.len = 0;
  datain_init(&d, 1000, put, &got);
  CHECK(datain_get(&d, &b) == 1);
  CHECK(d.hops == 4);

  t_name = "size cap";
  t_memsrc("12345\r\n67890\r\n.\r\nNEXT", 21, 64);
  buffer_init(&b, t_memread, 0, space, sizeof space);
  got.len = 0;
  datain_init(&d, 6, put, &got);
  CHECK(datain_get(&d, &b) == 1);
  CHECK(d.toobig && d.bytes == 6 && got.len == 6);
  CHECK(b.p + t_memleft() == 4);
  datain_init(&d, 12, put, &got);
  t_memsrc("12345\r\n67890\r\n.\r\n", 17, 64);
  buffer_init(&b, t_memread, 0, space, sizeof space);
  got.len = 0;
  CHECK(datain_get(&d, &b) == 1 && !d.toobig && d.bytes == 12);
  stralloc_free(&got);
  return t_done();
}
