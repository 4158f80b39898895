/* t_received: the Received line's format and its escaping of hostile
   bytes, and the hop-relevant first word.
   More: a table of clients, every byte 1..255 in every field (one line
   and its continuation, nothing else), received_env, allocation failure. */
#include "received.h"
#include <errno.h>
#include <stdlib.h>
#include "alloc.h"
#include "env.h"
#include "t.h"

struct rc { const char *label; struct received r; const char *out; };
static const struct rc cases[] = {
  { "plain", { "SMTP", "mx.example", "1.2.3.4", "client.example", 0, "client.example" },
    "Received: from client.example (1.2.3.4)\n  by mx.example with SMTP; 23 Sep 1995 04:46:54 -0000\n" },
  { "helo differs", { "SMTP", "mx.example", "1.2.3.4", "client.example", 0, "other" },
    "Received: from client.example (HELO other) (1.2.3.4)\n  by mx.example with SMTP; 23 Sep 1995 04:46:54 -0000\n" },
  { "helo same but case", { "SMTP", "mx.example", "1.2.3.4", "client.example", 0, "CLIENT.example" },
    "Received: from client.example (1.2.3.4)\n  by mx.example with SMTP; 23 Sep 1995 04:46:54 -0000\n" },
  { "info", { "QMTP", "mx.example", "1.2.3.4", "client.example", "joe", 0 },
    "Received: from client.example (joe@1.2.3.4)\n  by mx.example with QMTP; 23 Sep 1995 04:46:54 -0000\n" },
  { "unknowns", { "QMQP", 0, 0, 0, 0, 0 },
    "Received: from unknown (unknown)\n  by unknown with QMQP; 23 Sep 1995 04:46:54 -0000\n" },
  { "hostile helo", { "SMTP", "mx", "::1", "h", 0, "x)\r\nReceived: (y" },
    "Received: from h (HELO x???Received:??y) (::1)\n  by mx with SMTP; 23 Sep 1995 04:46:54 -0000\n" },
  { "hostile info and host", { "SMTP", "mx", "1.2.3.4", "a b\nc", "u;(x)", 0 },
    "Received: from a?b?c (u??x?@1.2.3.4)\n  by mx with SMTP; 23 Sep 1995 04:46:54 -0000\n" },
};

/* the second set of cases */
static void more(void)
{
  stralloc sa = STRALLOC_ZERO;
  struct received r;
  size_t i;

  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(stralloc_copys(&sa, ""));
    CHECK(received_fmt(&sa, &cases[i].r, 811831614) == 1);
    CHECK(sa.len == strlen(cases[i].out) && !memcmp(sa.s, cases[i].out, sa.len));
    if (sa.len != strlen(cases[i].out) || memcmp(sa.s, cases[i].out, sa.len))
      fprintf(stderr, "  got: %.*s", (int)sa.len, sa.s);
  }

  t_name = "appends";
  CHECK(stralloc_copys(&sa, "X-Before: 1\n"));
  CHECK(received_fmt(&sa, &cases[0].r, 0) == 1 && !memcmp(sa.s, "X-Before: 1\nReceived: ", 22));

  t_name = "every byte";
  {
    char helo[256];
    size_t k, lf = 0;
    struct received h = cases[0].r;
    for (k = 0; k < 255; ++k) helo[k] = (char)(k + 1);
    helo[255] = 0;
    h.helo = helo; h.host = helo; h.info = helo; h.local = helo;
    CHECK(stralloc_copys(&sa, "") && received_fmt(&sa, &h, 0) == 1);
    for (k = 0; k < sa.len; ++k) {
      if (sa.s[k] == '\n') ++lf;
      if ((unsigned char)sa.s[k] >= 127 || ((unsigned char)sa.s[k] < 32 && sa.s[k] != '\n')) lf = 99;
    }
    CHECK(lf == 2 && sa.s[sa.len - 1] == '\n'); /* the line and its continuation */
  }

  t_name = "env";
  CHECK(env_set("TCPREMOTEIP", "10.0.0.1") && env_set("TCPREMOTEHOST", "h.example")
        && env_set("TCPREMOTEINFO", "ident") && env_set("TCPLOCALHOST", "mx.example") && env_set("TCPLOCALIP", "10.0.0.2"));
  received_env(&r, "SMTP");
  CHECKSTR(r.ip, "10.0.0.1");
  CHECKSTR(r.host, "h.example");
  CHECKSTR(r.info, "ident");
  CHECKSTR(r.local, "mx.example");
  CHECKSTR(r.proto, "SMTP");
  CHECK(env_unset("TCPLOCALHOST") && env_unset("TCPREMOTEINFO"));
  received_env(&r, "QMTP");
  CHECKSTR(r.local, "10.0.0.2");
  CHECK(r.info == 0);

  t_name = "allocation failure";
  stralloc_free(&sa);
  alloc_failafter(0);
  CHECK(received_fmt(&sa, &cases[0].r, 0) == 0 && errno == ENOMEM);
  alloc_failafter(-1);
  stralloc_free(&sa);
  return;
}

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
  more();
  return t_done();
}
