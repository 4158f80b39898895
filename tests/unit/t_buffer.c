/* t_buffer: the writer and reader over fake operation functions that give
   short writes, EINTR, errors after k bytes and a zero-byte write; reads
   in chunks, EOF and errors; buffer_copy's 0/-2/-3; unixread/unixwrite on
   a real pipe. */
#include <errno.h>
#include <stdlib.h>
#include <unistd.h>
#include "buffer.h"
#include "t.h"

/* the fake writer: sink[0..sunk), at most wmax bytes a call, fails with
   werr once wfailat bytes are in; one EINTR first when wintr is set */
static char sink[1 << 20];
static size_t sunk, wmax, wfailat;
static int werr, wintr, wcalls, wzero;

static ssize_t fakewrite(int fd, char *buf, size_t len)
{
  (void)fd;
  ++wcalls;
  if (wintr) { wintr = 0; errno = EINTR; return -1; }
  if (wzero) return 0;
  if (sunk >= wfailat) { errno = werr; return -1; }
  if (len > wmax) len = wmax;
  if (len > wfailat - sunk) len = wfailat - sunk;
  memcpy(sink + sunk, buf, len);
  sunk += len;
  return (ssize_t)len;
}

static void wreset(size_t max)
{
  sunk = 0; wmax = max; wfailat = sizeof sink; werr = EIO; wintr = 0; wcalls = 0; wzero = 0;
}

/* the fake reader: t_memread, counting its calls */
static int rcalls;

static ssize_t fakeread(int fd, char *buf, size_t len)
{
  ++rcalls;
  return t_memread(fd, buf, len);
}

static void rreset(const char *s, size_t len, size_t max)
{
  t_memsrc(s, len, max); rcalls = 0;
}

int main(void)
{
  char space[16], big[1000], got[1000];
  buffer b, in;
  size_t i;

  for (i = 0; i < sizeof big; ++i) big[i] = (char)('a' + i % 26);

  t_name = "put and flush";
  wreset(1000);
  buffer_init(&b, fakewrite, 1, space, sizeof space);
  CHECK(buffer_puts(&b, "hello") == 0 && sunk == 0); /* buffered */
  CHECK(buffer_put(&b, ", world", 7) == 0 && sunk == 0);
  CHECK(buffer_put(&b, "!!!!!", 5) == 0);             /* 17 > 16: flushed first */
  CHECK(sunk == 12);
  CHECK(buffer_flush(&b) == 0 && sunk == 17);
  CHECKMEM(sink, 17, "hello, world!!!!!");
  CHECK(buffer_flush(&b) == 0 && sunk == 17);        /* nothing waiting: no call */
  CHECK(buffer_put(&b, "", 0) == 0);

  t_name = "large put goes straight through";
  wreset(1000);
  CHECK(buffer_put(&b, "ab", 2) == 0);
  CHECK(buffer_put(&b, big, sizeof big) == 0);
  CHECK(sunk == 1002 && !memcmp(sink, "ab", 2) && !memcmp(sink + 2, big, sizeof big));

  t_name = "short writes";
  wreset(3);
  CHECK(buffer_put(&b, big, sizeof big) == 0);
  CHECK(buffer_putflush(&b, "xyz", 3) == 0);
  CHECK(sunk == 1003 && !memcmp(sink, big, sizeof big) && !memcmp(sink + 1000, "xyz", 3));
  CHECK(wcalls >= 334);

  t_name = "putalign";
  wreset(5);
  for (i = 0; i < 100; ++i) CHECK(buffer_putalign(&b, big + i * 10, 10) == 0);
  CHECK(buffer_flush(&b) == 0);
  CHECK(sunk == 1000 && !memcmp(sink, big, 1000));

  t_name = "EINTR retried";
  wreset(1000);
  wintr = 1;
  CHECK(buffer_putsflush(&b, "again") == 0);
  CHECK(sunk == 5 && wcalls == 2);

  t_name = "write error";
  wreset(4);
  wfailat = 10; werr = ENOSPC;
  CHECK(buffer_put(&b, big, 12) == 0);
  errno = 0;
  CHECK(buffer_put(&b, big, 12) == -1 && errno == ENOSPC);
  wreset(4);
  wfailat = 0; werr = EPIPE;
  CHECK(buffer_puts(&b, "x") == 0);
  CHECK(buffer_flush(&b) == -1 && errno == EPIPE);
  CHECK(buffer_putflush(&b, "y", 1) == -1);
  CHECK(buffer_put(&b, big, 100) == -1);
  wreset(4);
  wzero = 1;
  CHECK(buffer_putflush(&b, "z", 1) == -1 && errno == EIO); /* 0 bytes written is an error */

  t_name = "get";
  buffer_init(&in, fakeread, 0, space, sizeof space);
  rreset(big, 100, 7);
  CHECK(buffer_get(&in, got, 3) == 3);
  CHECKMEM(got, 3, big);
  CHECK(buffer_get(&in, got, 10) == 4);   /* what the 7-byte read left */
  CHECKMEM(got, 4, big + 3);
  CHECK(buffer_get(&in, got, 0) == 0);
  { ssize_t r; size_t total = 7;
    while ((r = buffer_get(&in, got + total, 5)) > 0) total += (size_t)r;
    CHECK(r == 0 && total == 100);
    CHECKMEM(got + 7, 93, big + 7); }
  CHECK(buffer_get(&in, got, 1) == 0);    /* EOF stays */

  t_name = "get bigger than the buffer";
  rreset(big, 100, 100);
  CHECK(buffer_get(&in, got, 50) == 50 && rcalls == 1); /* straight into got */
  CHECKMEM(got, 50, big);
  CHECK(buffer_get(&in, got, 5) == 5);

  t_name = "feed, peek, seek";
  rreset("abcdef", 6, 4);
  buffer_init(&in, fakeread, 0, space, sizeof space);
  CHECK(buffer_feed(&in) == 4);
  CHECKMEM(buffer_peek(&in), 4, "abcd");
  CHECK(buffer_feed(&in) == 4 && rcalls == 1); /* still waiting: no read */
  buffer_seek(&in, 3);
  CHECK(buffer_feed(&in) == 1 && *buffer_peek(&in) == 'd');
  buffer_seek(&in, 1);
  CHECK(buffer_feed(&in) == 2);
  CHECKMEM(buffer_peek(&in), 2, "ef");

  t_name = "read error";
  rreset(big, 100, 10);
  t_memfail(20, ECONNRESET);
  buffer_init(&in, fakeread, 0, space, sizeof space);
  CHECK(buffer_get(&in, got, 10) == 10 && buffer_get(&in, got, 10) == 10);
  errno = 0;
  CHECK(buffer_get(&in, got, 10) == -1 && errno == ECONNRESET);
  CHECK(buffer_feed(&in) == -1);

  t_name = "copy";
  rreset(big, 1000, 9);
  buffer_init(&in, fakeread, 0, space, sizeof space);
  wreset(7);
  buffer_init(&b, fakewrite, 1, space + 8, 8);
  CHECK(buffer_copy(&b, &in) == 0);
  CHECK(buffer_flush(&b) == 0);
  CHECK(sunk == 1000 && !memcmp(sink, big, 1000));
  rreset(big, 0, 9);
  CHECK(buffer_copy(&b, &in) == 0); /* empty input */

  t_name = "copy read error";
  rreset(big, 1000, 9);
  t_memfail(500, EIO);
  buffer_init(&in, fakeread, 0, space, sizeof space);
  wreset(100);
  CHECK(buffer_copy(&b, &in) == -2);
  CHECK(buffer_flush(&b) == 0 && sunk == 504 && !memcmp(sink, big, sunk)); /* 56 reads of 9 */

  t_name = "copy write error";
  rreset(big, 1000, 9);
  buffer_init(&in, fakeread, 0, space, sizeof space);
  wreset(100);
  wfailat = 300; werr = ENOSPC;
  buffer_init(&b, fakewrite, 1, space + 8, 8);
  CHECK(buffer_copy(&b, &in) == -3 && errno == ENOSPC);

  t_name = "unix read and write on a pipe";
  {
    int pi[2];
    char r[8];
    CHECK(pipe(pi) == 0);
    CHECK(buffer_unixwrite(pi[1], "pipe", 4) == 4);
    CHECK(buffer_unixread(pi[0], r, sizeof r) == 4);
    CHECKMEM(r, 4, "pipe");
    close(pi[1]);
    CHECK(buffer_unixread(pi[0], r, sizeof r) == 0);
    close(pi[0]);
    CHECK(buffer_unixread(pi[0], r, sizeof r) == -1 && errno == EBADF);
  }

  t_name = "standard buffers";
  CHECK(buffer_0->fd == 0 && buffer_1->fd == 1 && buffer_2->fd == 2);
  return t_done();
}
