/* t_smtpdata: the canonical DATA encoder (every line-end style, dots,
   missing final newline, input split at every point, 8-bit flag, the
   counting pass) and the strict SMTP reply reader (codes, continuations,
   garbage, sanitising, caps, EOF). */
#include <errno.h>
#include <stdlib.h>
#include "buffer.h"
#include "smtpdata.h"
#include "smtpreply.h"
#include "t.h"

static char sink[1 << 16];
static size_t sunk;
static ssize_t sinkwrite(int fd, char *buf, size_t len)
{
  (void)fd;
  if (len > sizeof sink - sunk) { errno = ENOSPC; return -1; }
  memcpy(sink + sunk, buf, len);
  sunk += len;
  return (ssize_t)len;
}

static const struct { const char *label, *in, *out; } enc[] = {
  { "empty", "", ".\r\n" },
  { "lf", "a\nb\n", "a\r\nb\r\n.\r\n" },
  { "crlf", "a\r\nb\r\n", "a\r\nb\r\n.\r\n" },
  { "bare cr", "a\rb\r", "a\r\nb\r\n.\r\n" },
  { "cr cr lf", "a\r\r\nb\n", "a\r\n\r\nb\r\n.\r\n" },
  { "no final newline", "a\nb", "a\r\nb\r\n.\r\n" },
  { "lone dot", ".\n", "..\r\n.\r\n" },
  { "dot lines", ".a\n..\nb.\n", "..a\r\n...\r\nb.\r\n.\r\n" },
  { "dot after bare cr", "x\r.\r\n", "x\r\n..\r\n.\r\n" },
  { "smuggle lf.lf", "a\n.\nb\n", "a\r\n..\r\nb\r\n.\r\n" },
  { "smuggle cr.cr", "a\r.\rb", "a\r\n..\r\nb\r\n.\r\n" },
  { "dot no newline", ".", "..\r\n.\r\n" },
  { "blank lines", "\n\n", "\r\n\r\n.\r\n" },
};

static void encode(const char *in, size_t n, size_t chunk, struct smtpdata *st)
{
  char bspace[7];
  buffer b = BUFFER_INIT(sinkwrite, 1, bspace, sizeof bspace);
  size_t i, k;
  sunk = 0;
  for (i = 0; i < n; i += k) {
    k = n - i < chunk ? n - i : chunk;
    CHECK(smtpdata_put(&b, st, in + i, k) == 0);
  }
  CHECK(smtpdata_end(&b, st) == 0);
  CHECK(buffer_flush(&b) == 0);
}

static int reply(const char *in, size_t n, stralloc *text)
{
  char bspace[16];
  buffer b = BUFFER_INIT(t_memread, 0, bspace, sizeof bspace);
  t_memsrc(in, n, 3); /* small reads: lines cross buffer refills */
  return smtpreply_get(&b, text);
}

static const struct { const char *label, *in; int code; const char *text; } rep[] = {
  { "simple", "250 ok\r\n", 250, "250 ok\n" },
  { "lf only", "250 ok\n", 250, "250 ok\n" },
  { "bare code", "250\r\n", 250, "250\n" },
  { "multi", "250-a\r\n250-b\r\n250 c\r\n", 250, "250-a\n250-b\n250 c\n" },
  { "mixed codes", "250-a\r\n251 b\r\n", 0, 0 },
  { "letters", "2x0 ok\r\n", 0, 0 },
  { "no space", "250ok\r\n", 0, 0 },
  { "1xx", "150 what\r\n", 0, 0 },
  { "6xx", "650 what\r\n", 0, 0 },
  { "short", "25\r\n", 0, 0 },
  { "empty line", "\r\n", 0, 0 },
  { "eof", "250-a\r\n", -1, 0 },
  { "eof mid line", "250 ok", -1, 0 },
  { "nothing", "", -1, 0 },
  { "4xx", "451 later\r\n", 451, "451 later\n" },
  { "cr inside", "550 a\rb\r\n", 550, "550 a?b\n" },
  { "tab esc del 8bit", "550 \t\x1b\x7f\xff\r\n", 550, "550 ????\n" },
};

int main(void)
{
  size_t i, chunk;
  stralloc text = STRALLOC_ZERO;
  static char big[SMTPREPLY_LINEMAX + 20];

  for (i = 0; i < sizeof enc / sizeof enc[0]; ++i)
    for (chunk = 1; chunk <= 9; ++chunk) {
      struct smtpdata st = SMTPDATA_ZERO, cnt = SMTPDATA_ZERO;
      t_name = enc[i].label;
      encode(enc[i].in, strlen(enc[i].in), chunk, &st);
      CHECK(sunk == strlen(enc[i].out));
      CHECKMEM(sink, strlen(enc[i].out), enc[i].out);
      /* the counting pass agrees with what was written, less stuffing */
      CHECK(smtpdata_put(0, &cnt, enc[i].in, strlen(enc[i].in)) == 0);
      CHECK(smtpdata_end(0, &cnt) == 0);
      CHECK(cnt.bytes == st.bytes);
      CHECK(!st.eightbit);
    }
  {
    struct smtpdata st = SMTPDATA_ZERO;
    t_name = "8bit";
    encode("caf\xc3\xa9\n", 6, 2, &st);
    CHECK(st.eightbit);
    CHECK(st.bytes == 7);
  }
  {
    struct smtpdata st = SMTPDATA_ZERO;
    char bspace[4];
    buffer b = BUFFER_INIT(sinkwrite, 1, bspace, sizeof bspace);
    t_name = "write error";
    sunk = sizeof sink;
    CHECK(smtpdata_put(&b, &st, "hello world\n", 12) == -1);
  }

  for (i = 0; i < sizeof rep / sizeof rep[0]; ++i) {
    int r;
    t_name = rep[i].label;
    r = reply(rep[i].in, strlen(rep[i].in), &text);
    CHECK(r == rep[i].code);
    if (rep[i].text) { CHECK(text.len == strlen(rep[i].text)); CHECKMEM(text.s, text.len, rep[i].text); }
  }
  t_name = "nul";
  CHECK(reply("550 a\0Kb\r\n", 10, &text) == 550);
  CHECKMEM(text.s, text.len, "550 a?Kb\n");
  t_name = "line too long";
  memset(big, 'x', sizeof big);
  memcpy(big, "250 ", 4);
  big[sizeof big - 1] = '\n';
  CHECK(reply(big, sizeof big, &text) == 0);
  t_name = "kept text capped";
  {
    stralloc many = STRALLOC_ZERO;
    for (i = 0; i < 200; ++i) CHECK(stralloc_cats(&many, "250-0123456789012345678901234567890123456789\r\n"));
    CHECK(stralloc_cats(&many, "250 end\r\n"));
    CHECK(reply(many.s, many.len, &text) == 250);
    CHECK(text.len == SMTPREPLY_KEEP);
    stralloc_free(&many);
  }
  t_name = "too many lines";
  {
    stralloc many = STRALLOC_ZERO;
    for (i = 0; i < SMTPREPLY_LINES + 1; ++i) CHECK(stralloc_cats(&many, "250-x\r\n"));
    CHECK(stralloc_cats(&many, "250 end\r\n"));
    CHECK(reply(many.s, many.len, &text) == 0);
    stralloc_free(&many);
  }
  stralloc_free(&text);
  return t_done();
}
