/* t_smtpreply: replies fed through a buffer in chunks of 1 and 1000
   bytes: single and multi-line, CRLF and LF, a bare code; malformed
   replies (garbage, mixed codes, first digit 1 or 6, a long line, too many
   lines) give 0; EOF gives -1 EPIPE; control and 8-bit bytes become '?';
   the kept text is bounded; then random byte streams never give anything
   but -1, 0 or a code 200..599 with clean text. */
#include <errno.h>
#include <stdlib.h>
#include "smtpreply.h"
#include "t.h"

static char space[64];
static buffer b;
static void feed(const char *s, size_t len, size_t ch)
{
  t_memsrc(s, len, ch);
  buffer_init(&b, t_memread, 0, space, sizeof space);
}

struct c { const char *label, *in; int code; const char *text; };
static const struct c cases[] = {
  { "one line", "250 ok\r\n", 250, "250 ok\n" },
  { "LF only", "250 ok\n", 250, "250 ok\n" },
  { "bare code", "354\r\n", 354, "354\n" },
  { "multi", "250-first\r\n250-second\r\n250 last\r\n", 250, "250-first\n250-second\n250 last\n" },
  { "temporary", "451 4.3.0 try later\r\n", 451, "451 4.3.0 try later\n" },
  { "permanent", "550 5.1.1 no such user\r\n", 550, "550 5.1.1 no such user\n" },
  { "control bytes", "550 a\001b\033c\r\n", 550, "550 a?b?c\n" },
  { "8-bit", "550 \303\274\r\n", 550, "550 ??\n" },
  { "mixed codes", "250-a\r\n251 b\r\n", 0, 0 },
  { "garbage", "hello\r\n", 0, 0 },
  { "first digit 1", "150 x\r\n", 0, 0 },
  { "first digit 6", "650 x\r\n", 0, 0 },
  { "two digits", "25 x\r\n", 0, 0 },
  { "bad separator", "250x\r\n", 0, 0 },
};

static unsigned long seed = 5;
static unsigned long rnd(void) { seed = seed * 6364136223846793005ul + 1442695040888963407ul; return seed >> 33; }

int main(void)
{
  stralloc text = STRALLOC_ZERO;
  size_t i, c;
  static const size_t chunks[] = { 1, 1000 };
  int r;

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i)
    for (c = 0; c < 2; ++c) {
      t_name = cases[i].label;
      feed(cases[i].in, strlen(cases[i].in), chunks[c]);
      r = smtpreply_get(&b, &text);
      CHECK(r == cases[i].code);
      if (cases[i].text) CHECK(text.len == strlen(cases[i].text) && !memcmp(text.s, cases[i].text, text.len));
    }

  t_name = "NUL";
  feed("550 a\0b\r\n", 9, 3);
  CHECK(smtpreply_get(&b, &text) == 550 && text.len == 8 && !memcmp(text.s, "550 a?b\n", 8));

  t_name = "EOF";
  feed("", 0, 10);
  CHECK(smtpreply_get(&b, &text) == -1 && errno == EPIPE);
  feed("250-more\r\n", 10, 10);
  CHECK(smtpreply_get(&b, &text) == -1 && errno == EPIPE);
  feed("250 no newline", 14, 10);
  CHECK(smtpreply_get(&b, &text) == -1 && errno == EPIPE);

  t_name = "two replies in a row";
  feed("220 hi\r\n250 ok\r\n", 16, 5);
  CHECK(smtpreply_get(&b, &text) == 220 && smtpreply_get(&b, &text) == 250);

  t_name = "long line";
  {
    size_t n = SMTPREPLY_LINEMAX + 10;
    char *x = malloc(n + 2);
    memcpy(x, "250 ", 4);
    memset(x + 4, 'a', n - 4);
    x[n] = '\n';
    feed(x, n + 1, 1000);
    CHECK(smtpreply_get(&b, &text) == 0);
    free(x);
  }
  t_name = "too many lines, kept text bounded";
  {
    size_t lines = SMTPREPLY_LINES + 5, k;
    char *x = malloc(lines * 12 + 1), *p = x;
    for (k = 0; k + 1 < lines; ++k) { memcpy(p, "250-abcdef\r\n", 12); p += 12; }
    memcpy(p, "250 abcdef\r\n", 12); p += 12;
    feed(x, (size_t)(p - x), 1000);
    CHECK(smtpreply_get(&b, &text) == 0);
    feed(x + 12 * 10, (size_t)(p - x) - 12 * 10, 1000); /* SMTPREPLY_LINES - 5 lines: fine */
    CHECK(smtpreply_get(&b, &text) == 250 && text.len <= SMTPREPLY_KEEP + 16);
    free(x);
  }

  t_name = "random";
  {
    static const char alpha[] = "0123456789 -\r\n\0\377ab";
    char s[400];
    int bad = 0;
    long round;
    for (round = 0; round < 100000 && !bad; ++round) {
      size_t n = rnd() % sizeof s, k;
      for (k = 0; k < n; ++k) s[k] = alpha[rnd() % (sizeof alpha - 1)];
      if (round % 2) { s[0] = (char)('2' + rnd() % 4); if (n > 3) s[1] = s[2] = '0'; }
      feed(s, n, 1 + rnd() % 7);
      for (k = 0; k < 5; ++k) {
        r = smtpreply_get(&b, &text);
        if (r == -1 || r == 0) break;
        if (r < 200 || r > 599) { bad = 1; break; }
        { size_t j; for (j = 0; j < text.len; ++j) if ((unsigned char)text.s[j] < 32 && text.s[j] != '\n') bad = 2;
          for (j = 0; j < text.len; ++j) if ((unsigned char)text.s[j] >= 127) bad = 3; }
      }
    }
    CHECK(!bad);
    if (bad) fprintf(stderr, "round %ld: bad %d\n", round, bad);
  }
  stralloc_free(&text);
  return t_done();
}
