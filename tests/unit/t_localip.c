/* t_localip: loopback and the unspecified addresses are local, a
   documentation address (TEST-NET, RFC 5737/3849) is not; every address
   getifaddrs reports is local. */
#include <ifaddrs.h>
#include <netinet/in.h>
#include "ip.h"
#include "localip.h"
#include "t.h"

struct c { const char *label, *ip; int r; };
static const struct c cases[] = {
  { "127.0.0.1", "::ffff:127.0.0.1", 1 },
  { "0.0.0.0", "::ffff:0.0.0.0", 1 },
  { "::", "::", 1 },
  { "192.0.2.1", "::ffff:192.0.2.1", 0 },
  { "198.51.100.7", "::ffff:198.51.100.7", 0 },
  { "2001:db8::1", "2001:db8::1", 0 },
};

int main(void)
{
  unsigned char ip[16];
  size_t i;
  struct ifaddrs *ifa, *p;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(ip6_scan(cases[i].ip, ip) == strlen(cases[i].ip));
    CHECK(localip_is(ip) == cases[i].r);
  }
  t_name = "every interface address";
  CHECK(getifaddrs(&ifa) == 0);
  for (p = ifa; p; p = p->ifa_next) {
    if (!p->ifa_addr) continue;
    if (p->ifa_addr->sa_family == AF_INET) {
      memset(ip, 0, 10); ip[10] = ip[11] = 0xff;
      memcpy(ip + 12, &((struct sockaddr_in *)p->ifa_addr)->sin_addr, 4);
      CHECK(localip_is(ip) == 1);
    } else if (p->ifa_addr->sa_family == AF_INET6) {
      memcpy(ip, &((struct sockaddr_in6 *)p->ifa_addr)->sin6_addr, 16);
      CHECK(localip_is(ip) == 1);
    }
  }
  freeifaddrs(ifa);
  return t_done();
}
