/* t_mbox: From_ dates and lines, the mboxrd test, and mbox_copy over
   buffers of every small size (so matches straddle reads), with read
   and write errors injected. */
#include <errno.h>
#include <stdlib.h>
#include "t.h"
#include "buffer.h"
#include "mbox.h"
#include "stralloc.h"

static int readfail, writefail; /* reads fail from half the input on; writes fail */
static stralloc dst = STRALLOC_ZERO;

static ssize_t memwrite(int fd, char *buf, size_t len)
{
  (void)fd;
  if (writefail) { errno = ENOSPC; return -1; }
  if (!stralloc_catb(&dst, buf, len)) return -1;
  return (ssize_t)len;
}

static int copy(const char *in, size_t inlen, size_t ch, size_t bufsize)
{
  char ib[64], ob[64];
  buffer bi, bo;
  int r;
  t_memsrc(in, inlen, ch); dst.len = 0;
  if (readfail) t_memfail(inlen / 2, EIO);
  buffer_init(&bi, t_memread, 0, ib, bufsize);
  buffer_init(&bo, memwrite, 1, ob, bufsize);
  r = mbox_copy(&bo, &bi);
  if (r == 0 && buffer_flush(&bo) == -1) r = -3;
  return r;
}

static const struct { const char *in, *out; } cases[] = {
  { "", "" },
  { "a", "a\n" },
  { "a\n", "a\n" },
  { "\n", "\n" },
  { "From x\n", ">From x\n" },
  { ">From x\n", ">>From x\n" },
  { ">>>From x\n", ">>>>From x\n" },
  { "From", "From\n" },
  { "From ", ">From \n" },
  { ">From", ">From\n" },
  { ">", ">\n" },
  { ">>", ">>\n" },
  { "Fro x\n", "Fro x\n" },
  { "FromX\n", "FromX\n" },
  { " From x\n", " From x\n" },
  { "from x\n", "from x\n" },
  { ">F>From\n", ">F>From\n" },
  { "a\nFrom b\n>From c\nd From e\n", "a\n>From b\n>>From c\nd From e\n" },
  { "From a\nFrom b", ">From a\n>From b\n" },
  { "x\n\nFrom \n", "x\n\n>From \n" },
};

int main(void)
{
  stralloc sa = STRALLOC_ZERO;
  char d[MBOX_DATE];
  size_t i, ch, bs, n;
  char *big;

  t_name = "mbox_date";
  CHECKMEM(d, mbox_date(d, 0), "Thu Jan 01 00:00:00 1970");
  CHECK(mbox_date(0, 0) == 24);
  CHECKMEM(d, mbox_date(d, 1000000000), "Sun Sep 09 01:46:40 2001");
  CHECKMEM(d, mbox_date(d, -1), "Wed Dec 31 23:59:59 1969");
  CHECKMEM(d, mbox_date(d, 1795240800), "Sat Nov 21 06:00:00 2026");
  CHECKMEM(d, mbox_date(d, 951782400), "Tue Feb 29 00:00:00 2000");

  t_name = "mbox_fromline";
  CHECK(mbox_fromline(&sa, "a@b", 3, 0));
  CHECKMEM(sa.s, sa.len, "From a@b Thu Jan 01 00:00:00 1970\n");
  CHECK(sa.len == 34);
  CHECK(mbox_fromline(&sa, "", 0, 0));
  CHECKMEM(sa.s, sa.len, "From MAILER-DAEMON Thu Jan 01 00:00:00 1970\n");
  CHECK(mbox_fromline(&sa, "a b\tc\nd", 7, 0));
  CHECKMEM(sa.s, sa.len, "From a-b-c-d Thu Jan 01 00:00:00 1970\n");

  t_name = "mbox_needquote";
  CHECK(mbox_needquote("From x", 6));
  CHECK(mbox_needquote(">>From ", 7));
  CHECK(!mbox_needquote(">>From", 6));
  CHECK(!mbox_needquote("", 0));
  CHECK(!mbox_needquote(">>>>", 4));

  t_name = "mbox_copy";
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i)
    for (ch = 1; ch <= 8; ++ch)
      for (bs = 1; bs <= 9; bs += 4) {
        int ok = copy(cases[i].in, strlen(cases[i].in), ch, bs) == 0
          && dst.len == strlen(cases[i].out) && (!dst.len || !memcmp(dst.s, cases[i].out, dst.len));
        CHECK(ok);
        if (!ok) fprintf(stderr, "case %zu chunk %zu buf %zu: \"%.*s\"\n", i, ch, bs, (int)dst.len, dst.s);
      }

  /* a line of 200000 '>' then "From ": streamed, one '>' more */
  n = 200000;
  big = malloc(n + 8);
  CHECK(big != 0);
  if (big) {
    memset(big, '>', n);
    memcpy(big + n, "From z\n", 7);
    CHECK(copy(big, n + 7, 4096, 64) == 0);
    CHECK(dst.len == n + 8);
    CHECK(dst.len == n + 8 && dst.s[0] == '>' && !memcmp(dst.s + n + 1, "From z\n", 7));
    memset(big, 'x', n);  /* a long plain line is copied unchanged */
    CHECK(copy(big, n + 7, 4096, 64) == 0);
    CHECK(dst.len == n + 7 && !memcmp(dst.s, big, n + 7));
    t_name = "mbox_copy errors";
    readfail = 1;
    CHECK(copy(big, n + 7, 4096, 64) == -2);
    readfail = 0;
    writefail = 1;
    CHECK(copy(big, n + 7, 4096, 64) == -3);
    CHECK(copy("From x\n", 7, 1, 1) == -3);
    writefail = 0;
    free(big);
  }
  stralloc_free(&sa);
  stralloc_free(&dst);
  return t_done();
}
