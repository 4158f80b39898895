/* t_netstring: formatting, and strict reading from a buffer fed a byte at
   a time and in big chunks: non-digits, leading zeros, lengths past max or
   past SIZE_MAX, a missing ':' or ',', EOF at each point, and a read
   error, are all refused with the documented return and errno. */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include "alloc.h"
#include "buffer.h"
#include "netstring.h"
#include "t.h"

static char space[16];
static buffer b;

static void feed(const char *s, size_t len, size_t ch)
{
  t_memsrc(s, len, ch);
  buffer_init(&b, t_memread, 0, space, sizeof space);
}

struct c { const char *label, *in; size_t max; int r; int err; const char *out; };
static const struct c cases[] = {
  { "empty", "0:,", 10, 1, 0, "" },
  { "simple", "5:hello,", 10, 1, 0, "hello" },
  { "exactly max", "5:hello,", 5, 1, 0, "hello" },
  { "binary", "3:\0:,,", 10, 1, 0, "\0:," },
  { "over max", "6:hello!,", 5, 0, E2BIG, 0 },
  { "long digits over max", "100000000000000000000000000000:", 1000, 0, E2BIG, 0 },
  { "SIZE_MAX plus one", "18446744073709551616:", SIZE_MAX, 0, E2BIG, 0 },
  { "leading zero", "05:hello,", 10, 0, EPROTO, 0 },
  { "double zero", "00:,", 10, 0, EPROTO, 0 },
  { "no digits", ":,", 10, 0, EPROTO, 0 },
  { "letter", "5a:hello,", 10, 0, EPROTO, 0 },
  { "sign", "+5:hello,", 10, 0, EPROTO, 0 },
  { "space", " 5:hello,", 10, 0, EPROTO, 0 },
  { "missing comma", "5:hello;", 10, 0, EPROTO, 0 },
  { "too long body", "4:hello,", 10, 0, EPROTO, 0 },
  { "eof in length", "12", 100, -1, EPIPE, 0 },
  { "eof before body", "5:", 10, -1, EPIPE, 0 },
  { "eof in body", "5:hel", 10, -1, EPIPE, 0 },
  { "eof before comma", "5:hello", 10, -1, EPIPE, 0 },
  { "nothing", "", 10, -1, EPIPE, 0 },
  { "max zero", "0:,", 0, 1, 0, "" },
  { "max zero refuses 1", "1:x,", 0, 0, E2BIG, 0 },
};

int main(void)
{
  stralloc sa = STRALLOC_ZERO, out = STRALLOC_ZERO;
  size_t i, len, ch;
  static const size_t chunks[] = { 1, 3, 1000 };

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    /* inputs with a NUL are only the "binary" row: its length is known */
    size_t inlen = !strcmp(cases[i].label, "binary") ? 7 : strlen(cases[i].in);
    t_name = cases[i].label;
    for (ch = 0; ch < sizeof chunks / sizeof chunks[0]; ++ch) {
      int r;
      feed(cases[i].in, inlen, chunks[ch]);
      errno = 0;
      r = netstring_get(&b, &sa, cases[i].max);
      CHECK(r == cases[i].r);
      if (r != 1) CHECK(errno == cases[i].err);
      if (cases[i].out) CHECK(sa.len == (cases[i].label[0] == 'b' ? 3 : strlen(cases[i].out)) && !memcmp(sa.s, cases[i].out, sa.len));
    }
  }

  t_name = "scanlen";
  feed("123:rest", 8, 2);
  CHECK(netstring_scanlen(&b, 1000, &len) == 1 && len == 123);
  { char c4[4]; CHECK(buffer_get(&b, c4, 4) == 2); } /* the buffer is left after ':' */
  feed("18446744073709551615:", 21, 5);
  CHECK(netstring_scanlen(&b, SIZE_MAX, &len) == 1 && len == SIZE_MAX);
  feed("4294967296:", 11, 5);
  CHECK(netstring_scanlen(&b, UINT32_MAX, &len) == 0 && errno == E2BIG);
  feed("4294967295:", 11, 5);
  CHECK(netstring_scanlen(&b, UINT32_MAX, &len) == 1 && len == UINT32_MAX);
  feed("2147483648:", 11, 5);
  CHECK(netstring_scanlen(&b, 2147483647, &len) == 0 && errno == E2BIG);

  t_name = "read error";
  feed("5:hello,", 8, 1);
  t_memfail(3, EIO);
  errno = 0;
  CHECK(netstring_get(&b, &sa, 10) == -1 && errno == EIO);

  t_name = "a lying length costs no memory up front";
  feed("1000000000:abc", 14, 1000);
  CHECK(netstring_get(&b, &sa, SIZE_MAX) == -1 && errno == EPIPE);
  CHECK(sa.a < 1000000);

  t_name = "several in a row";
  feed("1:a,2:bc,0:,", 12, 4);
  CHECK(netstring_get(&b, &sa, 9) == 1 && sa.len == 1 && sa.s[0] == 'a');
  CHECK(netstring_get(&b, &sa, 9) == 1 && sa.len == 2 && !memcmp(sa.s, "bc", 2));
  CHECK(netstring_get(&b, &sa, 9) == 1 && sa.len == 0);
  CHECK(netstring_get(&b, &sa, 9) == -1 && errno == EPIPE);

  t_name = "fmt";
  CHECK(netstring_fmt(&out, "hello", 5) == 1);
  CHECK(netstring_fmt(&out, "", 0) == 1);
  CHECK(netstring_fmt(&out, "\0,", 2) == 1);
  CHECK(out.len == 8 + 3 + 5 && !memcmp(out.s, "5:hello,0:,2:\0,,", 16));
  feed(out.s, out.len, 7);
  CHECK(netstring_get(&b, &sa, 5) == 1 && sa.len == 5);
  CHECK(netstring_get(&b, &sa, 5) == 1 && sa.len == 0);
  CHECK(netstring_get(&b, &sa, 5) == 1 && sa.len == 2 && !memcmp(sa.s, "\0,", 2));

  t_name = "fmt failure leaves sa as it was";
  {
    size_t before = out.len;
    static char big[200000];
    alloc_failafter(0);
    CHECK(netstring_fmt(&out, big, sizeof big) == 0 && errno == ENOMEM);
    alloc_failafter(-1);
    CHECK(out.len == before);
    CHECK(netstring_fmt(&out, "x", SIZE_MAX - 3) == 0); /* the size would wrap */
    CHECK(out.len == before);
  }

  t_name = "get allocation failure";
  feed("5:hello,", 8, 100);
  stralloc_free(&sa);
  alloc_failafter(0);
  CHECK(netstring_get(&b, &sa, 10) == -1 && errno == ENOMEM);
  alloc_failafter(-1);
  stralloc_free(&sa);
  stralloc_free(&out);
  return t_done();
}
