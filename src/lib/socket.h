/* socket: TCP and UDP sockets over IPv4 and IPv6.
   An address is always 16 bytes: IPv6 in network order, IPv4 as the
   v4-mapped form ::ffff:a.b.c.d (see ip6_isv4mapped), so one type serves
   both families.  Ports are in host order.
   socket_tcp/socket_udp return a descriptor (close-on-exec, non-blocking),
   or -1 with errno.
   socket_bind returns 0, or -1 with errno.
   socket_connect_timeout starts a connect on a non-blocking descriptor and
   waits at most t seconds; returns 0 (descriptor left blocking), or -1
   with errno (ETIMEDOUT when the time ran out, else the connect error).
   socket_connect (for UDP) returns 0 or -1.
   socket_local fills ip/port with the local end of fd; 0 or -1.
   socket_ipv4 builds the v4-mapped form of a 4-byte address. */
#ifndef SOCKET_H
#define SOCKET_H
extern int socket_tcp(const unsigned char ip[16]);
extern int socket_udp(const unsigned char ip[16]);
extern int socket_bind(int fd, const unsigned char ip[16], unsigned int port);
extern int socket_connect(int fd, const unsigned char ip[16], unsigned int port);
extern int socket_connect_timeout(int fd, const unsigned char ip[16], unsigned int port, long t);
extern int socket_local(int fd, unsigned char ip[16], unsigned int *port);
extern void socket_ipv4(unsigned char ip[16], const unsigned char ip4[4]);
#endif
