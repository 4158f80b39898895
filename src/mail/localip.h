/* localip: is an IP address one of this host's own?  ip is 16 bytes
   (an IPv4 address as ::ffff:a.b.c.d).  The unspecified addresses
   0.0.0.0 and :: count as local (as netqmail's ipme does for 0.0.0.0).
   localip_is returns 1 local, 0 not, -1 error (errno; getifaddrs). */
#ifndef LOCALIP_H
#define LOCALIP_H
extern int localip_is(const unsigned char ip[16]);
#endif
