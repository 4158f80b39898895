/* t_received: the Received line's format and its escaping of hostile
   bytes, and the hop-relevant first word. */
#include "received.h"
#include "t.h"

int main(void)
{
  stralloc sa = STRALLOC_ZERO;
  struct received r = { "SMTP", "mx.example", "1.2.3.4", "client.example", 0, "CLIENT.example" };

  t_name = "HELO equal to host (case) is left out";
  CHECK(received_fmt(&sa, &r, 0));
  CHECK(sa.len == strlen("Received: from client.example (1.2.3.4)\n  by mx.example with SMTP; 1 Jan 1970 00:00:00 -0000\n"));
  CHECKMEM(sa.s, sa.len, "Received: from client.example (1.2.3.4)\n  by mx.example with SMTP; 1 Jan 1970 00:00:00 -0000\n");

  t_name = "HELO, info, unknowns";
  sa.len = 0;
  r.helo = "other"; r.info = "user"; r.host = 0; r.local = 0;
  CHECK(received_fmt(&sa, &r, 86400));
  CHECKMEM(sa.s, sa.len, "Received: from unknown (HELO other) (user@1.2.3.4)\n  by unknown with SMTP; 2 Jan 1970 00:00:00 -0000\n");

  t_name = "hostile bytes";
  sa.len = 0;
  r.helo = "a\r\nReceived: b (c)"; r.info = "x y"; r.ip = "::1"; r.proto = "QMTP"; r.host = "[h]";
  CHECK(received_fmt(&sa, &r, 0));
  CHECKMEM(sa.s, sa.len, "Received: from [h] (HELO a??Received:?b??c?) (x?y@::1)\n  by unknown with QMTP; 1 Jan 1970 00:00:00 -0000\n");
  stralloc_free(&sa);
  return t_done();
}
