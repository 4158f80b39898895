/* t_getln: lines through the separator (kept), a last line without one,
   EOF, other separators and NULs, getln_max's cap (a line of exactly max
   bytes passes, one more is E2BIG having consumed max bytes, and reading
   goes on after it), read and allocation errors; every input is fed in
   chunks of 1, 2, 3 and 100 bytes and through a buffer smaller than the
   lines. */
#include <errno.h>
#include <stdint.h>
#include "alloc.h"
#include "getln.h"
#include "t.h"

static char space[4];
static buffer b;
static void feed(const char *s, size_t ch)
{
  t_memsrc(s, strlen(s), ch);
  buffer_init(&b, t_memread, 0, space, sizeof space);
}

int main(void)
{
  stralloc line = STRALLOC_ZERO;
  int match;
  size_t c;
  static const size_t chunks[] = { 1, 2, 3, 100 };

  for (c = 0; c < 4; ++c) {
    t_name = "lines";
    feed("one\ntwo words\n\nlast", chunks[c]);
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 1);
    CHECK(line.len == 4 && !memcmp(line.s, "one\n", 4));
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 1 && line.len == 10);
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 1 && line.len == 1 && line.s[0] == '\n');
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 0);
    CHECK(line.len == 4 && !memcmp(line.s, "last", 4)); /* partial last line */
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 0 && line.len == 0);

    t_name = "empty input";
    feed("", chunks[c]);
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 0 && line.len == 0);

    t_name = "NUL separator";
    t_memsrc("a\0bc\0", 5, chunks[c]);
    CHECK(getln(&b, &line, &match, 0) == 0 && match == 1 && line.len == 2);
    CHECK(getln(&b, &line, &match, 0) == 0 && match == 1 && line.len == 3 && !memcmp(line.s, "bc", 3));

    t_name = "getln_max";
    feed("12345\n123456\nabc\n", chunks[c]);
    CHECK(getln_max(&b, &line, &match, '\n', 6) == 0 && match == 1 && line.len == 6);
    errno = 0;
    CHECK(getln_max(&b, &line, &match, '\n', 6) == -1 && errno == E2BIG);
    CHECK(line.len == 6 && !memcmp(line.s, "123456", 6)); /* max bytes consumed */
    CHECK(getln_max(&b, &line, &match, '\n', 6) == 0 && match == 1 && line.len == 1); /* the rest: "\n" */
    CHECK(getln_max(&b, &line, &match, '\n', 6) == 0 && match == 1 && line.len == 4);

    t_name = "getln_max without a final newline";
    feed("abcdef", chunks[c]);
    CHECK(getln_max(&b, &line, &match, '\n', 6) == 0 && match == 0 && line.len == 6);
    feed("abcdefg", chunks[c]);
    CHECK(getln_max(&b, &line, &match, '\n', 6) == -1 && errno == E2BIG);

    t_name = "getln_max 0 and 1";
    feed("\nx\n", chunks[c]);
    CHECK(getln_max(&b, &line, &match, '\n', 0) == -1 && errno == E2BIG && line.len == 0);
    CHECK(getln_max(&b, &line, &match, '\n', 1) == 0 && match == 1 && line.len == 1);
    CHECK(getln_max(&b, &line, &match, '\n', 1) == -1 && errno == E2BIG && line.len == 1);
    CHECK(getln_max(&b, &line, &match, '\n', SIZE_MAX) == 0 && match == 1 && line.len == 1);

    t_name = "read error";
    feed("abc\ndef\nghi", chunks[c]);
    t_memfail(4, EIO);
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 1);
    errno = 0;
    CHECK(getln(&b, &line, &match, '\n') == -1 && errno == EIO);
  }

  t_name = "long line";
  {
    static char big[100001];
    memset(big, 'x', 100000);
    feed(big, 4096);
    CHECK(getln(&b, &line, &match, '\n') == 0 && match == 0 && line.len == 100000);
    feed(big, 4096);
    CHECK(getln_max(&b, &line, &match, '\n', 99999) == -1 && errno == E2BIG && line.len == 99999);
  }

  t_name = "allocation failure";
  stralloc_free(&line);
  feed("abc\n", 100);
  alloc_failafter(0);
  errno = 0;
  CHECK(getln(&b, &line, &match, '\n') == -1 && errno == ENOMEM);
  alloc_failafter(-1);
  CHECK(getln(&b, &line, &match, '\n') == 0 && match == 1 && line.len == 4);
  stralloc_free(&line);
  return t_done();
}
