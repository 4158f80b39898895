/* fuzz_dnspacket: the resolver's answer parser (dnspacket.h) on bytes in
   memory.  Input: one byte choosing the type (bits 0-1: MX, A, AAAA, MX)
   and the queried name (bit 2: "example.com", else the packet's own
   question name), then the answer packet.  Invariants: dns_parse returns
   1, 0, DNS_NX or -1 (errno EPROTO, ELOOP or ENOMEM) and appends nothing
   unless it found records; an MX result is records of 2 bytes + a host
   name of at most 253 bytes (labels of 1 to 63 letters, digits, '-',
   '_') + NUL; an address result is whole 16-byte records, A records
   v4-mapped; a CNAME end is a valid wire name of at most 255 bytes; every
   name dns_getname accepts anywhere in the packet is valid and bounded. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include "dnspacket.h"
#include "fuzz.h"

static void wirename(const unsigned char *w, size_t len)
{
  size_t i = 0;
  if (len < 1 || len > 255) abort();
  while (w[i]) {
    if (w[i] > 63 || i + 1 + w[i] >= len) abort();
    i += 1 + (size_t)w[i];
  }
  if (i + 1 != len) abort();
}

static void mxrecords(const stralloc *sa)
{
  size_t i, j, label;
  for (i = 0; i < sa->len; i = j + 1) {
    if (sa->len - i < 3) abort();
    label = 0;
    for (j = i + 2; j < sa->len && sa->s[j]; ++j) {
      char c = sa->s[j];
      if (c == '.') { if (!label) abort(); label = 0; continue; }
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) abort();
      if (++label > 63) abort();
    }
    if (j == sa->len || j - i - 2 > 253) abort();
    if (j > i + 2 && !label) abort(); /* no trailing dot */
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  static const unsigned int types[4] = { DNS_T_MX, DNS_T_A, DNS_T_AAAA, DNS_T_MX };
  stralloc out = STRALLOC_ZERO;
  unsigned char qn[256], cn[256], nm[256], q[256 + 16];
  size_t qnlen = 0, cnlen, nlen, next, i, qlen;
  const unsigned char *b;
  unsigned int type;
  int r;
  if (n < 1) return 0;
  type = types[data[0] & 3];
  b = data + 1; --n;
  if (!(data[0] & 4) && dns_getname(b, n, 12, qn, &qnlen, &next)) ;
  else qnlen = dns_name_fromtext(qn, "example.com");
  for (i = 0; i < n && i < 600; ++i)
    if (dns_getname(b, n, i, nm, &nlen, &next)) { wirename(nm, nlen); if (next > n || next <= i) abort(); }
  /* the query the resolver would have sent, with the answer's id */
  memset(q, 0, 12);
  if (n >= 2) { q[0] = b[0]; q[1] = b[1]; }
  q[2] = 1; q[5] = 1;
  memcpy(q + 12, qn, qnlen); qlen = 12 + qnlen;
  q[qlen++] = 0; q[qlen++] = (unsigned char)type; q[qlen++] = 0; q[qlen++] = 1;
  r = dns_matches(b, n, q, qlen);
  if (r != 0 && r != 1) abort();
  if (r && (n < 12 || !(b[2] & 128))) abort();
  errno = 0;
  r = dns_parse(&out, b, n, qn, qnlen, type, cn, &cnlen);
  if (r == -1) { if (errno != EPROTO && errno != ELOOP && errno != ENOMEM) abort(); }
  else if (r == 1) { if (!out.len) abort(); }
  else if (r == 0 || r == DNS_NX) { if (out.len) abort(); }
  else abort();
  if (r == 0 && cnlen) { wirename(cn, cnlen); if (dns_name_equal(cn, cnlen, qn, qnlen)) abort(); }
  else if (r != -1 && r != DNS_NX && cnlen) abort();
  if (type == DNS_T_MX) mxrecords(&out);
  else {
    if (out.len % 16) abort();
    if (type == DNS_T_A)
      for (i = 0; i < out.len; i += 16)
        if (memcmp(out.s + i, "\0\0\0\0\0\0\0\0\0\0\377\377", 12)) abort();
  }
  stralloc_free(&out);
  return 0;
}
