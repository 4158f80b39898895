/* localip.c: getifaddrs(3), asked afresh at each call. */
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include "byte.h"
#include "localip.h"

static const unsigned char v4mapped[12] = { 0,0,0,0,0,0,0,0,0,0,0xff,0xff };

int localip_is(const unsigned char ip[16])
{
  static const unsigned char zero[16] = { 0 };
  struct ifaddrs *ifa, *p;
  int isv4 = byte_equal(ip, 12, v4mapped), r = 0;

  if (byte_equal(ip, 16, zero)) return 1;
  if (isv4 && byte_equal(ip + 12, 4, zero)) return 1;
  if (getifaddrs(&ifa) == -1) return -1;
  for (p = ifa; p && !r; p = p->ifa_next) {
    if (!p->ifa_addr) continue;
    if (p->ifa_addr->sa_family == AF_INET && isv4) {
      const struct sockaddr_in *sin = (const struct sockaddr_in *)(const void *)p->ifa_addr;
      if (byte_equal(&sin->sin_addr, 4, ip + 12)) r = 1;
    } else if (p->ifa_addr->sa_family == AF_INET6 && !isv4) {
      const struct sockaddr_in6 *sin6 = (const struct sockaddr_in6 *)(const void *)p->ifa_addr;
      if (byte_equal(&sin6->sin6_addr, 16, ip)) r = 1;
    }
  }
  freeifaddrs(ifa);
  return r;
}
