/* t_smtpcmd: qmail-smtpd's command lines from a stream read in chunks of
   1, 3 and 4096 bytes: CRLF and bare LF, runs of spaces, empty verbs and
   arguments, NUL bytes, lines at and over the cap (then skipped through
   their LF), EOF in the middle of a line; verbs matched
   case-insensitively and only whole. */
#include <errno.h>
#include "buffer.h"
#include "smtpcmd.h"
#include "stralloc.h"
#include "t.h"

/* in, max; then what smtpcmd_get returns (r, errno), the verb and argument
   (r 1), what smtpcmd_skip returns after E2BIG, and the bytes left */
static const struct { const char *in; size_t inlen; size_t max; int r; int err; const char *verb; size_t vl;
                      const char *arg; size_t al; int skip; size_t left; } cases[] = {
  { "MAIL FROM:<a@b>\r\n", 17, 4096, 1, 0, "MAIL", 4, "FROM:<a@b>", 10, 0, 0 },
  { "mail from:<a@b>\n", 16, 4096, 1, 0, "mail", 4, "from:<a@b>", 10, 0, 0 },
  { "HELO   a b  \r\n", 14, 4096, 1, 0, "HELO", 4, "a b  ", 5, 0, 0 },
  { "QUIT\r\n", 6, 4096, 1, 0, "QUIT", 4, "", 0, 0, 0 },
  { "QUIT   \r\n", 9, 4096, 1, 0, "QUIT", 4, "", 0, 0, 0 },
  { "\r\n", 2, 4096, 1, 0, "", 0, "", 0, 0, 0 },
  { "\n", 1, 4096, 1, 0, "", 0, "", 0, 0, 0 },
  { " NOOP\r\n", 7, 4096, 1, 0, "", 0, "NOOP", 4, 0, 0 },
  { "NOOP\r\r\n", 7, 4096, 1, 0, "NOOP\r", 5, "", 0, 0, 0 },
  { "NOOP\rx\n", 7, 4096, 1, 0, "NOOP\rx", 6, "", 0, 0, 0 },
  { "NOOP\r\nQUIT\r\n", 12, 4096, 1, 0, "NOOP", 4, "", 0, 0, 6 },
  { "RC\0PT x\0y\r\n", 11, 4096, 1, 0, "RC\nPT", 5, "x\ny", 3, 0, 0 },
  { "NOOP xxxx\r\n", 11, 11, 1, 0, "NOOP", 4, "xxxx", 4, 0, 0 },
  { "NOOP xxxxx\r\nQUIT\r\n", 18, 11, -1, E2BIG, 0, 0, 0, 0, 1, 6 },
  { "NOOP xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nQUIT\n", 48, 11, -1, E2BIG, 0, 0, 0, 0, 1, 5 },
  { "NOOP xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 42, 11, -1, E2BIG, 0, 0, 0, 0, 0, 0 },
  { "NOOP", 4, 4096, 0, 0, 0, 0, 0, 0, 0, 0 },
  { "", 0, 4096, 0, 0, 0, 0, 0, 0, 0, 0 },
};

static const struct { const char *line; const char *verb; int is; } verbs[] = {
  { "MAIL FROM:<>", "mail", 1 }, { "mAiL", "mail", 1 }, { "mail", "mail", 1 },
  { "MAILX FROM:<>", "mail", 0 }, { "MAI", "mail", 0 }, { "", "mail", 0 },
  { "EHLO x", "helo", 0 }, { "DATA", "data", 1 }, { "DATA ", "data", 1 },
  { " DATA", "data", 0 }, { "DATA\tx", "data", 0 }, { "quit\r\n", "quit", 1 },
  { "QU\0T", "quit", 0 }, { "\xc4" "ATA", "data", 0 },
};

int main(void)
{
  static const size_t chunks[] = { 1, 3, 4096 };
  stralloc line = STRALLOC_ZERO;
  size_t i, k;
  char space[16], big[SMTPCMD_MAX + 16];
  for (k = 0; k < sizeof chunks / sizeof chunks[0]; ++k)
    for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
      buffer b;
      struct smtpcmd c;
      int r;
      t_memsrc(cases[i].in, cases[i].inlen, chunks[k]);
      buffer_init(&b, t_memread, 0, space, chunks[k] < sizeof space ? chunks[k] : sizeof space);
      t_name = cases[i].in;
      errno = 0;
      r = smtpcmd_get(&b, &line, cases[i].max);
      CHECK(r == cases[i].r);
      if (r == -1) {
        CHECK(errno == cases[i].err);
        CHECK(smtpcmd_skip(&b, &line, cases[i].max) == cases[i].skip);
      }
      if (r == 1) {
        smtpcmd_split(&c, line.s, line.len);
        CHECK(c.verblen == cases[i].vl);
        CHECKMEM(c.verb, cases[i].vl, cases[i].verb);
        CHECK(c.arglen == cases[i].al);
        CHECKMEM(c.arg, cases[i].al, cases[i].arg);
        CHECK(c.verb == line.s);
        CHECK(c.arg + c.arglen <= line.s + line.len);
      }
      CHECK(t_memleft() + b.p == cases[i].left);
    }
  for (i = 0; i < sizeof verbs / sizeof verbs[0]; ++i) {
    struct smtpcmd c;
    size_t n = strlen(verbs[i].line);
    t_name = verbs[i].line;
    if (i == 12) n = 4; /* "QU\0T" */
    memcpy(space, verbs[i].line, n);
    smtpcmd_split(&c, space, n);
    CHECK(smtpcmd_is(&c, verbs[i].verb) == verbs[i].is);
  }
  /* the cap itself: SMTPCMD_MAX bytes with the LF pass, one more does not */
  for (k = 0; k < 2; ++k) {
    buffer b;
    t_name = k ? "cap+1" : "cap";
    memset(big, 'x', sizeof big);
    memcpy(big, "HELO ", 5);
    big[SMTPCMD_MAX - 1 + k] = '\n';
    t_memsrc(big, SMTPCMD_MAX + k, 4096);
    buffer_init(&b, t_memread, 0, space, sizeof space);
    errno = 0;
    if (!k) CHECK(smtpcmd_get(&b, &line, SMTPCMD_MAX) == 1 && line.len == SMTPCMD_MAX);
    else { CHECK(smtpcmd_get(&b, &line, SMTPCMD_MAX) == -1 && errno == E2BIG);
           CHECK(smtpcmd_skip(&b, &line, SMTPCMD_MAX) == 1 && t_memleft() == 0 && b.p == 0); }
  }
  stralloc_free(&line);
  return t_done();
}
