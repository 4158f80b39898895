/* t_netio: on pipes: a read with nothing to read gives ETIMEDOUT after
   netio_timeout (1 s), a read after the session deadline gives ETIME
   at once, a read whose wait runs into the deadline gives ETIME; data
   passes; netio_out is flushed before each read; a write still goes out
   after the deadline. */
#include <errno.h>
#include <signal.h>
#include <unistd.h>
#include "netio.h"
#include "t.h"

int main(void)
{
  int in[2], out[2];
  char c[16], obuf[64];
  buffer ob;

  alarm(30);
  CHECK(pipe(in) == 0 && pipe(out) == 0);

  t_name = "per-call timeout";
  netio_init(1, 100);
  errno = 0;
  CHECK(netio_read(in[0], c, 1) == -1 && errno == ETIMEDOUT);

  t_name = "data";
  CHECK(write(in[1], "ab", 2) == 2);
  CHECK(netio_read(in[0], c, sizeof c) == 2 && !memcmp(c, "ab", 2));

  t_name = "flush before read";
  buffer_init(&ob, netio_write, out[1], obuf, sizeof obuf);
  netio_out = &ob;
  CHECK(buffer_puts(&ob, "250 ok\r\n") == 0);
  CHECK(write(in[1], "x", 1) == 1);
  CHECK(netio_read(in[0], c, 1) == 1);
  CHECK(read(out[0], c, sizeof c) == 8 && !memcmp(c, "250 ok\r\n", 8));
  netio_out = 0;

  t_name = "deadline during the wait";
  netio_init(5, 1); /* the session ends before the per-call timeout */
  errno = 0;
  CHECK(netio_read(in[0], c, 1) == -1 && errno == ETIME);
  t_name = "deadline passed";
  netio_deadline = time(0) - 1;
  errno = 0;
  CHECK(write(in[1], "y", 1) == 1);
  CHECK(netio_read(in[0], c, 1) == -1 && errno == ETIME); /* even with data waiting */
  t_name = "write after the deadline";
  CHECK(netio_write(out[1], "421 bye\r\n", 9) == 9);
  CHECK(read(out[0], c, sizeof c) == 9);

  t_name = "timeout 0 means 1";
  netio_init(0, 100);
  CHECK(netio_timeout == 1);
  return t_done();
}
