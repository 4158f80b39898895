/* socket.c: sockets over one 16-byte address type (v4-mapped for IPv4). */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include "fd.h"
#include "ip.h"
#include "socket.h"

void socket_ipv4(unsigned char ip[16], const unsigned char ip4[4])
{
  memset(ip, 0, 10);
  ip[10] = 0xff; ip[11] = 0xff;
  memcpy(ip + 12, ip4, 4);
}

static socklen_t mkaddr(struct sockaddr_storage *ss, const unsigned char ip[16], unsigned int port)
{
  memset(ss, 0, sizeof *ss);
  if (ip6_isv4mapped(ip)) {
    struct sockaddr_in *s4 = (struct sockaddr_in *)ss;
    s4->sin_family = AF_INET;
    s4->sin_port = htons((unsigned short)port);
    memcpy(&s4->sin_addr, ip + 12, 4);
    return sizeof *s4;
  } else {
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)ss;
    s6->sin6_family = AF_INET6;
    s6->sin6_port = htons((unsigned short)port);
    memcpy(&s6->sin6_addr, ip, 16);
    return sizeof *s6;
  }
}

static int mksock(const unsigned char ip[16], int type)
{
  int af = ip6_isv4mapped(ip) ? AF_INET : AF_INET6;
  return socket(af, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
}

int socket_tcp(const unsigned char ip[16]) { return mksock(ip, SOCK_STREAM); }
int socket_udp(const unsigned char ip[16]) { return mksock(ip, SOCK_DGRAM); }

int socket_bind(int fd, const unsigned char ip[16], unsigned int port)
{
  struct sockaddr_storage ss;
  socklen_t n = mkaddr(&ss, ip, port);
  return bind(fd, (struct sockaddr *)&ss, n);
}

int socket_connect(int fd, const unsigned char ip[16], unsigned int port)
{
  struct sockaddr_storage ss;
  socklen_t n = mkaddr(&ss, ip, port);
  return connect(fd, (struct sockaddr *)&ss, n);
}

int socket_connect_timeout(int fd, const unsigned char ip[16], unsigned int port, long t)
{
  struct pollfd p;
  int r, err;
  socklen_t len = sizeof err;
  int ms = t <= 0 ? 1000 : (t > 2000000 ? 2000000000 : (int)(t * 1000));
  if (socket_connect(fd, ip, port) == 0) return ndelay_off(fd);
  if (errno != EINPROGRESS) return -1;
  p.fd = fd; p.events = POLLOUT; p.revents = 0;
  do r = poll(&p, 1, ms); while (r == -1 && errno == EINTR);
  if (r == -1) return -1;
  if (r == 0) { errno = ETIMEDOUT; return -1; }
  if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &err, &len) == -1) return -1;
  if (err) { errno = err; return -1; }
  return ndelay_off(fd);
}

int socket_local(int fd, unsigned char ip[16], unsigned int *port)
{
  struct sockaddr_storage ss;
  socklen_t n = sizeof ss;
  if (getsockname(fd, (struct sockaddr *)&ss, &n) == -1) return -1;
  if (ss.ss_family == AF_INET) {
    struct sockaddr_in *s4 = (struct sockaddr_in *)&ss;
    socket_ipv4(ip, (unsigned char *)&s4->sin_addr);
    *port = ntohs(s4->sin_port);
  } else {
    struct sockaddr_in6 *s6 = (struct sockaddr_in6 *)&ss;
    memcpy(ip, &s6->sin6_addr, 16);
    *port = ntohs(s6->sin6_port);
  }
  return 0;
}
