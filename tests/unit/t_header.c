/* t_header: the header reader: fields and continuations, the end at a
   blank line / EOF / a non-field line (kept as the body's first line),
   the mbox From_ line, CR LF, the byte and field caps; hfield names. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "buffer.h"
#include "header.h"
#include "hfield.h"
#include "t.h"

static int rd(struct header *h, const char *s, size_t n, size_t maxb, size_t maxf)
{
  static char buf[16];
  buffer b;
  t_memsrc(s, n, 7); /* small reads: lines cross buffer fills */
  buffer_init(&b, t_memread, 0, buf, sizeof buf);
  return header_read(h, &b, maxb, maxf);
}

#define RD(h, s, mb, mf) rd((h), (s), strlen(s), (mb), (mf))

int main(void)
{
  struct header h = HEADER_ZERO;

  t_name = "fields and continuations";
  CHECK(RD(&h, "To: a,\n  b\nSubject: s\n\nbody\n", 1000, 100) == 1);
  CHECK(h.nfields == 2 && h.end == HEADER_BLANK);
  CHECK(!memcmp(h.text.s, "To: a,\n  b\nSubject: s\n", 22));
  CHECK(h.off[1] == 11 && h.off[2] == 22);

  t_name = "a non-field line starts the body";
  CHECK(RD(&h, "To: a\nnot a field\nmore\n", 1000, 100) == 1);
  CHECK(h.nfields == 1 && h.end == HEADER_BODY);
  CHECK(h.body.len == 12 && !memcmp(h.body.s, "not a field\n", 12));

  t_name = "leading continuation is body";
  CHECK(RD(&h, " indented\n", 1000, 100) == 1);
  CHECK(h.nfields == 0 && h.end == HEADER_BODY);

  t_name = "eof and missing newline";
  CHECK(RD(&h, "To: a\nSubject: s", 1000, 100) == 1);
  CHECK(h.nfields == 2 && h.end == HEADER_EOF);
  CHECK(h.text.len == 17 && h.text.s[16] == '\n');
  CHECK(RD(&h, "", 1000, 100) == 1 && h.nfields == 0 && h.end == HEADER_EOF);

  t_name = "mbox From_ and CR LF";
  CHECK(RD(&h, "From a@b Mon\r\nTo: x\r\n\r\nbody", 1000, 100) == 1);
  CHECK(h.nfields == 2 && h.end == HEADER_BLANK);
  CHECK(h.text.len == 30 && !memcmp(h.text.s, "MBOX-Line: From a@b Mon\nTo: x\n", 30));
  CHECK(RD(&h, "From : a@b\n\n", 1000, 100) == 1);
  CHECK(h.nfields == 1 && !memcmp(h.text.s, "From : a@b\n", 11));

  t_name = "caps";
  errno = 0;
  CHECK(RD(&h, "To: a\nSubject: 0123456789\n\n", 15, 100) == 0 && errno == E2BIG);
  CHECK(RD(&h, "To: a\nX: 1\nY: 2\n\n", 1000, 2) == 0 && errno == E2BIG);
  CHECK(RD(&h, "To: a\nX: 1\n\n", 1000, 2) == 1 && h.nfields == 2);
  CHECK(RD(&h, "To: a\nthis body line is long\n", 10, 100) == 1);
  CHECK(h.end == HEADER_BODY && h.body.len == 5 && !memcmp(h.body.s, "this ", 5));
  CHECK(RD(&h, "To: a\n  a long continuation\n", 10, 100) == 0);

  t_name = "hfield";
  CHECK(hfield_valid("To: x", 5) == 3);
  CHECK(hfield_valid("To \t: x", 7) == 5);
  CHECK(hfield_valid(": x", 3) == 0);
  CHECK(hfield_valid("T o: x", 6) == 0);
  CHECK(hfield_valid("To", 2) == 0);
  CHECK(hfield_valid("T\xc3\xb6: x", 6) == 0);
  CHECK(hfield_known("RESENT-bcc:", 11) == H_R_BCC);
  CHECK(hfield_known("to  :", 5) == H_TO);
  CHECK(hfield_known("x-to", 4) == H_OTHER);
  CHECK(hfield_known("mail-followup-to", 16) == H_MAILFOLLOWUPTO);

  header_free(&h);
  return t_done();
}
