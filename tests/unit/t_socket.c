/* t_socket: loopback only (127.0.0.1 and ::1): bind to port 0 and read
   the port back, connect_timeout to a listener (0, descriptor left
   blocking), to a closed port (ECONNREFUSED), and to a listener whose
   queue is full (ETIMEDOUT after the timeout, not a hang: alarm guards);
   UDP send and receive through socket_connect; v4-mapped form. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include "ip.h"
#include "socket.h"
#include "t.h"

static int listener(const unsigned char ip[16], unsigned int *port, int backlog)
{
  unsigned char lip[16];
  int fd = socket_tcp(ip);
  if (fd == -1) return -1;
  if (socket_bind(fd, ip, 0) == -1 || listen(fd, backlog) == -1) { close(fd); return -1; }
  if (socket_local(fd, lip, port) == -1 || memcmp(lip, ip, 16)) { close(fd); return -1; }
  return fd;
}

int main(void)
{
  unsigned char v4[16], v6[16], got[16];
  static const unsigned char lo4[4] = { 127, 0, 0, 1 };
  const unsigned char *ips[2];
  unsigned int port, port2;
  int l, c, a, k;

  alarm(60);
  t_name = "ipv4 form";
  socket_ipv4(v4, lo4);
  CHECK(ip6_isv4mapped(v4) && !memcmp(v4 + 12, lo4, 4));
  CHECK(ip6_scan("::1", v6) == 3);
  ips[0] = v4; ips[1] = v6;

  for (k = 0; k < 2; ++k) {
    t_name = k ? "::1" : "127.0.0.1";
    l = listener(ips[k], &port, 16);
    if (l == -1 && k == 1) { printf("skip: no IPv6 loopback\n"); break; }
    CHECK(l != -1 && port > 0 && port < 65536);
    CHECK(fcntl(l, F_GETFD) & FD_CLOEXEC);
    CHECK(fcntl(l, F_GETFL) & O_NONBLOCK);
    c = socket_tcp(ips[k]);
    CHECK(socket_connect_timeout(c, ips[k], port, 5) == 0);
    CHECK(!(fcntl(c, F_GETFL) & O_NONBLOCK));
    CHECK(socket_local(c, got, &port2) == 0 && !memcmp(got, ips[k], 16) && port2 != port);
    a = accept(l, 0, 0);
    CHECK(a != -1 && write(c, "hi", 2) == 2);
    { char b[2]; CHECK(read(a, b, 2) == 2 && !memcmp(b, "hi", 2)); }
    close(a); close(c); close(l);

    t_name = k ? "::1 refused" : "127.0.0.1 refused";
    c = socket_tcp(ips[k]);
    errno = 0;
    CHECK(socket_connect_timeout(c, ips[k], port, 5) == -1 && errno == ECONNREFUSED);
    close(c);

    t_name = k ? "::1 bind twice" : "127.0.0.1 bind twice";
    l = listener(ips[k], &port, 1);
    c = socket_tcp(ips[k]);
    CHECK(socket_bind(c, ips[k], port) == -1 && errno == EADDRINUSE);
    close(c); close(l);
  }

  t_name = "full queue times out";
  {
    int extra[8], n = 0, r = 0, i;
    l = listener(v4, &port, 0);
    /* fill the accept queue; once it is full the kernel drops SYNs */
    for (i = 0; i < 8; ++i) {
      extra[i] = socket_tcp(v4);
      r = socket_connect_timeout(extra[i], v4, port, 1);
      ++n;
      if (r == -1) break;
    }
    CHECK(r == -1 && errno == ETIMEDOUT);
    for (i = 0; i < n; ++i) close(extra[i]);
    close(l);
  }

  t_name = "udp";
  {
    int s = socket_udp(v4), u = socket_udp(v4);
    char b[8];
    CHECK(socket_bind(s, v4, 0) == 0 && socket_local(s, got, &port) == 0);
    CHECK(socket_connect(u, v4, port) == 0);
    CHECK(send(u, "ping", 4, 0) == 4);
    for (k = 0; k < 500 && recv(s, b, sizeof b, 0) == -1 && errno == EAGAIN; ++k) usleep(10000);
    CHECK(k < 500 && !memcmp(b, "ping", 4));
    close(s); close(u);
  }
  return t_done();
}
