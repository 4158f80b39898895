/* dnspacket: DNS wire format (RFC 1035), no I/O: what the stub resolver
   (dns.h) sends and how it reads an answer, so the parser can be tested
   and fuzzed on bytes in memory.
   dns_name_fromtext(out, s): text name ("example.com", a trailing dot is
     allowed) to wire form in out; returns its length (at most 255,
     the root label included) or 0 when s is not a valid name.
   dns_getname(b, len, pos, out, &outlen, &next): the name at pos in the
     packet b[0..len), compression followed, into out (wire form, no
     pointers, at most 255 bytes); *next is the position after the name
     in the record.  Returns 1, or 0 for any malformation: a pointer that
     does not point backwards (so no loops), more than 64 pointers, a
     label type other than 0, a length past the packet or past 255.
   dns_name_equal: two wire names, ASCII case-insensitively.
   dns_matches(a, alen, q, qlen): 1 when the answer a carries the id of
     the query q (built by the resolver: header, one question), QR set,
     and one question equal to ours (name case-insensitive, type, class);
     else 0.
   dns_parse(out, b, len, qn, qnlen, type, cname, &cnamelen): the records
     of type (DNS_T_MX, DNS_T_A or DNS_T_AAAA; class IN) owned by qn (wire
     form) or by the end of the CNAME chain starting at qn inside the
     answer b[0..len); the chain is followed at most DNS_CNAMEMAX links.
     Appends to out what dns.h documents for dns_mx (MX records whose
     target is not a plain host name are dropped) and dns_ip (16-byte
     addresses, IPv4 v4-mapped; A records not 4 bytes and AAAA records not
     16 bytes are dropped).  Returns 1 records found; 0 none (*cnamelen is
     then the length of the chain's end, copied to cname, when it differs
     from qn, else 0: the caller asks again for that name); DNS_NX no
     records and rcode NXDOMAIN; -1 with errno EPROTO for a malformed
     answer (shorter than a header, a name or record out of bounds),
     ELOOP for a CNAME chain longer than DNS_CNAMEMAX, EINVAL for another
     type, ENOMEM.  The header's rcode and flags are not otherwise checked
     (the resolver only parses answers with rcode 0 or 3). */
#ifndef DNSPACKET_H
#define DNSPACKET_H
#include <stddef.h>
#include "dns.h"
#include "stralloc.h"
#define DNS_T_A 1
#define DNS_T_CNAME 5
#define DNS_T_MX 15
#define DNS_T_AAAA 28
extern size_t dns_name_fromtext(unsigned char out[256], const char *s);
extern int dns_getname(const unsigned char *b, size_t len, size_t pos, unsigned char out[256], size_t *outlen, size_t *next);
extern int dns_name_equal(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen);
extern int dns_matches(const unsigned char *a, size_t alen, const unsigned char *q, size_t qlen);
extern int dns_parse(stralloc *out, const unsigned char *b, size_t len, const unsigned char *qn, size_t qnlen,
                     unsigned int type, unsigned char cname[256], size_t *cnamelen);
#endif
