/* dnspacket.c: DNS wire format, parsing answers (dnspacket.h). */
#include <errno.h>
#include <string.h>
#include "dnspacket.h"
#include "socket.h"

size_t dns_name_fromtext(unsigned char out[256], const char *s)
{
  size_t n = 0, start;
  for (;;) {
    if (!*s) break;
    start = n++;
    while (*s && *s != '.') {
      if (n >= 255 || (unsigned char)*s <= 32 || (unsigned char)*s >= 127) return 0;
      out[n++] = (unsigned char)*s++;
    }
    if (n - start - 1 == 0 || n - start - 1 > 63) return 0;
    out[start] = (unsigned char)(n - start - 1);
    if (*s == '.') ++s;
  }
  if (!n || n > 254) return 0; /* 255 with the root label at most */
  out[n++] = 0;
  return n;
}

int dns_getname(const unsigned char *b, size_t len, size_t pos, unsigned char out[256], size_t *outlen, size_t *next)
{
  size_t n = 0, to;
  int jumped = 0, jumps = 0;
  for (;;) {
    unsigned int c;
    if (pos >= len) return 0;
    c = b[pos];
    if (c >= 192) {
      if (pos + 1 >= len || ++jumps > 64) return 0;
      to = ((size_t)(c & 63) << 8) | b[pos + 1];
      if (to >= pos) return 0; /* only backwards: no loops */
      if (!jumped) { *next = pos + 2; jumped = 1; }
      pos = to;
      continue;
    }
    if (c >= 64) return 0;
    if (pos + 1 + c > len || n + 1 + c > 255) return 0;
    memcpy(out + n, b + pos, c + 1);
    n += c + 1;
    pos += c + 1;
    if (!c) break;
  }
  if (!jumped) *next = pos;
  *outlen = n;
  return 1;
}

int dns_name_equal(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen)
{
  size_t i;
  if (alen != blen) return 0;
  for (i = 0; i < alen; ++i) {
    unsigned char x = a[i], y = b[i];
    if (x >= 'A' && x <= 'Z') x += 32;
    if (y >= 'A' && y <= 'Z') y += 32;
    if (x != y) return 0;
  }
  return 1;
}

static unsigned int get16(const unsigned char *p) { return ((unsigned int)p[0] << 8) | p[1]; }

int dns_matches(const unsigned char *a, size_t alen, const unsigned char *q, size_t qlen)
{
  unsigned char nm[256];
  size_t nlen, next;
  if (alen < 12 || qlen < 17) return 0;
  if (a[0] != q[0] || a[1] != q[1] || !(a[2] & 128)) return 0;
  if (get16(a + 4) != 1) return 0;
  if (!dns_getname(a, alen, 12, nm, &nlen, &next)) return 0;
  if (!dns_name_equal(nm, nlen, q + 12, qlen - 16)) return 0;
  if (next + 4 > alen || memcmp(a + next, q + qlen - 4, 4)) return 0;
  return 1;
}

/* one record's data at rd (rdlen bytes): 1 appended, 0 dropped, -1 no memory */
static int take_mx(stralloc *sa, const unsigned char *b, size_t len, size_t rd, size_t rdlen)
{
  unsigned char nm[256];
  size_t nlen, next, i;
  char text[256];
  size_t tl = 0;
  if (rdlen < 3) return 0;
  if (!dns_getname(b, len, rd + 2, nm, &nlen, &next) || next != rd + rdlen) return 0;
  for (i = 0; nm[i]; i += nm[i] + 1) {
    size_t k;
    if (tl) text[tl++] = '.';
    for (k = 1; k <= nm[i]; ++k) {
      unsigned char c = nm[i + k];
      if (c >= 'A' && c <= 'Z') c += 32;
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return 0;
      text[tl++] = (char)c;
    }
  }
  if (!stralloc_catb(sa, (const char *)b + rd, 2) || !stralloc_catb(sa, text, tl) || !stralloc_0(sa)) return -1;
  return 1;
}

static int take_a(stralloc *sa, const unsigned char *b, size_t rd, size_t rdlen)
{
  unsigned char ip[16];
  if (rdlen != 4) return 0;
  socket_ipv4(ip, b + rd);
  return stralloc_catb(sa, (char *)ip, 16) ? 1 : -1;
}

static int take_aaaa(stralloc *sa, const unsigned char *b, size_t rd, size_t rdlen)
{
  if (rdlen != 16) return 0;
  return stralloc_catb(sa, (const char *)b + rd, 16) ? 1 : -1;
}

int dns_parse(stralloc *out, const unsigned char *b, size_t n, const unsigned char *qn, size_t qnlen,
              unsigned int type, unsigned char cname[256], size_t *cnamelen)
{
  unsigned char want[256], owner[256], tmp[256];
  size_t wantlen, olen, tlen, pos, next, i, an, rd, rdlen;
  unsigned int t;
  int found = 0, hops, changed, r;
  *cnamelen = 0;
  if (type != DNS_T_MX && type != DNS_T_A && type != DNS_T_AAAA) { errno = EINVAL; return -1; }
  if (qnlen < 1 || qnlen > 255) { errno = EINVAL; return -1; }
  if (n < 12) goto bad;
  memcpy(want, qn, qnlen); wantlen = qnlen;
  an = get16(b + 6);
  if (!dns_getname(b, n, 12, tmp, &tlen, &pos)) goto bad;
  pos += 4;
  /* follow CNAMEs inside the answer */
  for (hops = 0, changed = 1; changed && hops <= DNS_CNAMEMAX; ++hops) {
    size_t p = pos;
    changed = 0;
    for (i = 0; i < an; ++i) {
      if (!dns_getname(b, n, p, owner, &olen, &next) || next + 10 > n) goto bad;
      t = get16(b + next); rdlen = get16(b + next + 8); rd = next + 10;
      if (rd + rdlen > n) goto bad;
      if (t == DNS_T_CNAME && dns_name_equal(owner, olen, want, wantlen)) {
        if (!dns_getname(b, n, rd, tmp, &tlen, &next)) goto bad;
        memcpy(want, tmp, tlen); wantlen = tlen; changed = 1;
        break;
      }
      p = rd + rdlen;
    }
  }
  if (changed) { errno = ELOOP; return -1; }
  for (i = 0; i < an; ++i) {
    if (!dns_getname(b, n, pos, owner, &olen, &next) || next + 10 > n) goto bad;
    t = get16(b + next); rdlen = get16(b + next + 8); rd = next + 10;
    if (rd + rdlen > n) goto bad;
    if (t == type && get16(b + next + 2) == 1 && dns_name_equal(owner, olen, want, wantlen)) {
      if (type == DNS_T_MX) r = take_mx(out, b, n, rd, rdlen);
      else if (type == DNS_T_A) r = take_a(out, b, rd, rdlen);
      else r = take_aaaa(out, b, rd, rdlen);
      if (r == -1) { errno = ENOMEM; return -1; }
      found += r;
    }
    pos = rd + rdlen;
  }
  if (!found && (b[3] & 15) == 3) return DNS_NX;
  if (!found && !dns_name_equal(want, wantlen, qn, qnlen)) { memcpy(cname, want, wantlen); *cnamelen = wantlen; }
  return found ? 1 : 0;
bad:
  errno = EPROTO;
  return -1;
}
