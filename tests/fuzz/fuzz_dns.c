/* fuzz_dns: the whole resolver (the answer parser alone is fuzzed in
   memory, much faster, by fuzz_dnspacket): the target drives dns_mx and
   dns_ip against a fake server: a thread answering on 127.83.71.1:53,
   DNSCACHEIP pointing there, so the transport (id and question matching,
   rcode handling, the CNAME re-queries) is covered too.  Each answer
   carries the query's id and question (so it is taken), then the input:
   2 bytes of flags (QR forced, TC cleared), 2 bytes of answer count, and
   the answer section.  Invariants: the result is 1, 0, DNS_NX or -1; an MX
   result is records of 2 bytes + a lowercase host name + NUL, only
   letters, digits, '-', '_' and '.'; an address result is whole 16-byte
   records; a CNAME chain (the same answer each time) ends in bounded time. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>
#include "dns.h"
#include "fuzz.h"

static const uint8_t *volatile cur;
static volatile size_t curlen;
static int sfd = -1;

static void *server(void *x)
{
  unsigned char q[512], a[65536];
  (void)x;
  for (;;) {
    struct sockaddr_in from;
    socklen_t fl = sizeof from;
    ssize_t r = recvfrom(sfd, q, sizeof q, 0, (struct sockaddr *)&from, &fl);
    size_t n = curlen, k, al;
    if (r < 17) continue;
    memcpy(a, q, (size_t)r);             /* id, counts, question */
    a[2] = (unsigned char)(0x80 | ((n > 0 ? cur[0] : 0) & 0x7d)); /* QR, no TC */
    a[3] = n > 1 ? cur[1] : 0;
    a[6] = n > 2 ? cur[2] : 0; a[7] = n > 3 ? cur[3] : 1;
    a[8] = a[9] = a[10] = a[11] = 0;
    k = n > 4 ? n - 4 : 0;
    if (k > sizeof a - (size_t)r) k = sizeof a - (size_t)r;
    if (k) memcpy(a + r, cur + 4, k);
    al = (size_t)r + k;
    sendto(sfd, a, al, 0, (struct sockaddr *)&from, fl);
  }
  return 0;
}

static void start(void)
{
  struct sockaddr_in sa;
  pthread_t th;
  sfd = socket(AF_INET, SOCK_DGRAM, 0);
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET; sa.sin_port = htons(53);
  inet_pton(AF_INET, "127.83.71.1", &sa.sin_addr);
  if (sfd == -1 || bind(sfd, (struct sockaddr *)&sa, sizeof sa) == -1) abort(); /* needs root */
  setenv("DNSCACHEIP", "127.83.71.1", 1);
  if (pthread_create(&th, 0, server, 0)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  stralloc out = STRALLOC_ZERO;
  size_t i, j;
  int r;
  if (sfd == -1) start();
  cur = data; curlen = n;
  r = dns_mx(&out, "example.com");
  if (r != 1 && r != 0 && r != DNS_NX && r != -1) abort();
  if (r == 1) {
    for (i = 0; i < out.len; i = j + 1) {
      if (out.len - i < 3) abort();
      for (j = i + 2; j < out.len && out.s[j]; ++j) {
        char c = out.s[j];
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.')) abort();
      }
      if (j == out.len) abort();
    }
  }
  out.len = 0;
  r = dns_ip(&out, "mx.example.com", DNS_A | DNS_AAAA);
  if (r != 1 && r != 0 && r != DNS_NX && r != -1) abort();
  if (r == 1 && (out.len == 0 || out.len % 16)) abort();
  stralloc_free(&out);
  return 0;
}
