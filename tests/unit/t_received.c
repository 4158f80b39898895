/* t_received: the Received line's exact text for a table of clients
   (HELO same as the host ignoring case, different, absent; info present
   and absent; unknown host and ip), hostile bytes in every field become
   '?', the line is one line ending in LF, received_env reads tcpserver's
   variables. */
#include <errno.h>
#include <stdlib.h>
#include "alloc.h"
#include "env.h"
#include "received.h"
#include "t.h"

struct c { const char *label; struct received r; const char *out; };
static const struct c cases[] = {
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

int main(void)
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
  return t_done();
}
