/* t_pop3cmd: POP3 command lines split into verb and argument, from a
   stream read in chunks of 1, 3 and 4096 bytes: CRLF and bare LF, runs of
   spaces, empty arguments, NUL bytes, lines at and over the cap, EOF in
   the middle of a line. */
#include <errno.h>
#include "buffer.h"
#include "pop3cmd.h"
#include "stralloc.h"
#include "t.h"

static const struct { const char *in; size_t inlen; size_t max; int r; int err; const char *verb; const char *arg; size_t left; } cases[] = {
  { "USER alice\r\n", 12, 1024, 1, 0, "USER", "alice", 0 },
  { "user alice\n", 11, 1024, 1, 0, "user", "alice", 0 },
  { "PASS two  words \r\n", 18, 1024, 1, 0, "PASS", "two  words ", 0 },
  { "TOP   1   2\r\n", 13, 1024, 1, 0, "TOP", "1   2", 0 },
  { "QUIT\r\n", 6, 1024, 1, 0, "QUIT", "", 0 },
  { "QUIT \r\n", 7, 1024, 1, 0, "QUIT", "", 0 },
  { "\r\n", 2, 1024, 1, 0, "", "", 0 },
  { "NOOP\r\r\n", 7, 1024, 1, 0, "NOOP\r", "", 0 },
  { "NOOP\r\nSTAT\r\n", 12, 1024, 1, 0, "NOOP", "", 6 },
  { "US\0ER x\r\nNOOP\r\n", 15, 1024, -1, EINVAL, 0, 0, 6 },
  { "NOOP\0\r\n", 7, 1024, -1, EINVAL, 0, 0, 0 },
  { "NOOP xxxx\r\n", 11, 11, 1, 0, "NOOP", "xxxx", 0 },
  { "NOOP xxxxx\r\n", 12, 11, -1, E2BIG, 0, 0, 1 },
  { "NOOP xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", 41, 11, -1, E2BIG, 0, 0, 30 },
  { "NOOP", 4, 1024, 0, 0, 0, 0, 0 },
  { "", 0, 1024, 0, 0, 0, 0, 0 },
};

int main(void)
{
  static const size_t chunks[] = { 1, 3, 4096 };
  stralloc line = STRALLOC_ZERO;
  size_t i, k;
  char space[16];
  for (k = 0; k < sizeof chunks / sizeof chunks[0]; ++k)
    for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
      buffer b;
      char *arg = 0;
      int r;
      t_memsrc(cases[i].in, cases[i].inlen, chunks[k]);
      buffer_init(&b, t_memread, 0, space, chunks[k] < sizeof space ? chunks[k] : sizeof space);
      t_name = cases[i].in;
      errno = 0;
      r = pop3cmd_get(&b, &line, cases[i].max, &arg);
      CHECK(r == cases[i].r);
      if (r == -1) CHECK(errno == cases[i].err);
      if (r == 1) { CHECKSTR(line.s, cases[i].verb); CHECKSTR(arg, cases[i].arg); }
      /* what was not taken is still there for the next reader */
      CHECK(t_memleft() + b.p == cases[i].left);
    }
  stralloc_free(&line);
  return t_done();
}
