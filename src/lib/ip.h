/* ip: IPv4 and IPv6 addresses in binary (network order) and text.
   ip4_scan/ip6_scan return the characters consumed (0 = not an address);
   ip6_scan accepts "::", embedded IPv4 ("::ffff:1.2.3.4") and refuses
   anything ambiguous.  ip4_fmt/ip6_fmt return the length written (no NUL);
   with a null pointer they only count.  ip6_fmt writes RFC 5952 text.
   IP4_FMT and IP6_FMT bound the text. */
#ifndef IP_H
#define IP_H
#include <stddef.h>
#define IP4_FMT 16
#define IP6_FMT 46
extern size_t ip4_scan(const char *s, unsigned char ip[4]);
extern size_t ip4_fmt(char *s, const unsigned char ip[4]);
extern size_t ip6_scan(const char *s, unsigned char ip[16]);
extern size_t ip6_fmt(char *s, const unsigned char ip[16]);
extern int ip6_isv4mapped(const unsigned char ip[16]);
#endif
