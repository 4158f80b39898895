/* dns: a stub resolver of our own (no libresolv).
   Nameservers: the addresses (IPv4 or IPv6, separated by spaces or commas)
   in $DNSCACHEIP when it is set and not empty, else the "nameserver" lines
   of /etc/resolv.conf, else 127.0.0.1; port 53.  Queries go out over UDP
   with a random id from a random source port; a truncated answer is asked
   again over TCP (answers up to 64 KiB).  Every wait is bounded.  CNAME
   chains are followed (at most DNS_CNAMEMAX links); malformed answers
   (compression loops, pointers or lengths out of bounds) are refused
   (the parsing itself: dnspacket.h).
   Names are text ("example.com", a trailing dot is allowed).
   Lookups append to out and return
     1       records found
     0       the name exists but has no records of that type
     DNS_NX  the name does not exist (NXDOMAIN) or is not a valid name:
             permanent
     -1      temporary failure (timeout, SERVFAIL, REFUSED, no memory, a
             malformed answer), errno set
   dns_mx: each record is 2 bytes of preference (big-endian) then the
     target name as lowercase text and a NUL; the root name "." (RFC 7505
     null MX) is the empty string.  Records whose target is not a plain
     host name (letters, digits, '-', '_') are dropped.
   dns_ip: each record is a 16-byte address (IPv4 v4-mapped, see socket.h);
     want is DNS_A, DNS_AAAA or both.
   dns_random(n) is a uniformly random number below n (n > 0), from
   getrandom. */
#ifndef DNS_H
#define DNS_H
#include "stralloc.h"
#define DNS_NX (-2)
#define DNS_A 1
#define DNS_AAAA 2
#define DNS_CNAMEMAX 8
extern int dns_mx(stralloc *out, const char *name);
extern int dns_ip(stralloc *out, const char *name, int want);
extern unsigned long dns_random(unsigned long n);
#endif
