/* ip.c: address text.  The scanners are strict: IPv4 parts are decimal
   0-255 without leading zeros (as inet_pton), IPv6 groups have 1-4 hex
   digits, "::" appears at most once and stands for at least one group, and
   a dotted quad may only end an IPv6 address.  ip6_fmt follows RFC 5952:
   lower case, no leading zeros, the longest run of two or more zero groups
   (the first of equals) shortened to "::", and dotted-quad text for
   IPv4-mapped addresses. */
#include "ip.h"

static int hexval(char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

size_t ip4_scan(const char *s, unsigned char ip[4])
{
  unsigned char out[4];
  size_t i = 0;
  int part;
  for (part = 0; part < 4; ++part) {
    unsigned int v = 0;
    size_t d = 0;
    if (part) { if (s[i] != '.') return 0; ++i; }
    while (s[i + d] >= '0' && s[i + d] <= '9') {
      if (d == 3) return 0;
      v = v * 10 + (unsigned int)(s[i + d] - '0');
      ++d;
    }
    if (!d || v > 255 || (d > 1 && s[i] == '0')) return 0;
    out[part] = (unsigned char)v;
    i += d;
  }
  for (part = 0; part < 4; ++part) ip[part] = out[part];
  return i;
}

size_t ip4_fmt(char *s, const unsigned char ip[4])
{
  size_t len = 0;
  int part;
  for (part = 0; part < 4; ++part) {
    unsigned int v = ip[part];
    char d[3];
    int n = 0;
    if (part) { if (s) s[len] = '.'; ++len; }
    do { d[n++] = (char)('0' + v % 10); v /= 10; } while (v);
    while (n) { if (s) s[len] = d[n - 1]; ++len; --n; }
  }
  return len;
}

size_t ip6_scan(const char *s, unsigned char ip[16])
{
  unsigned char out[16];
  size_t i = 0;
  int n = 0, gap = -1, k;

  if (s[0] == ':') {
    if (s[1] != ':') return 0;
    gap = 0; i = 2;
    if (s[i] == ':') return 0;
  }
  for (;;) {
    unsigned int v = 0;
    size_t d = 0;
    while (hexval(s[i + d]) >= 0) { if (d < 5) v = v * 16 + (unsigned int)hexval(s[i + d]); ++d; }
    if (!d) {
      if (gap == n && i >= 2 && s[i - 1] == ':' && s[i - 2] == ':') break; /* ends in "::" */
      return 0;
    }
    if (s[i + d] == '.') {
      size_t l;
      if (n > 6) return 0;
      l = ip4_scan(s + i, out + 2 * n);
      if (!l) return 0;
      n += 2; i += l;
      if (s[i] == '.' || s[i] == ':' || hexval(s[i]) >= 0) return 0;
      break;
    }
    if (d > 4 || n == 8) return 0;
    out[2 * n] = (unsigned char)(v >> 8);
    out[2 * n + 1] = (unsigned char)(v & 255);
    ++n; i += d;
    if (s[i] != ':') break;
    if (s[i + 1] == ':') {
      if (gap >= 0) return 0;
      gap = n; i += 2;
      if (s[i] == ':') return 0;
      continue;
    }
    ++i;
    if (hexval(s[i]) < 0) return 0; /* a lone trailing ':' */
  }
  if (gap >= 0) {
    int move = n - gap;
    if (n == 8) return 0;
    for (k = 0; k < move * 2; ++k) out[15 - k] = out[2 * n - 1 - k];
    for (k = 2 * gap; k < 16 - move * 2; ++k) out[k] = 0;
  } else if (n != 8) return 0;
  for (k = 0; k < 16; ++k) ip[k] = out[k];
  return i;
}

int ip6_isv4mapped(const unsigned char ip[16])
{
  int k;
  for (k = 0; k < 10; ++k) if (ip[k]) return 0;
  return ip[10] == 255 && ip[11] == 255;
}

size_t ip6_fmt(char *s, const unsigned char ip[16])
{
  static const char hex[] = "0123456789abcdef";
  size_t len = 0;
  int g, best = -1, bestlen = 1, run = 0;

  if (ip6_isv4mapped(ip)) {
    const char *p = "::ffff:";
    for (; *p; ++p) { if (s) s[len] = *p; ++len; }
    return len + ip4_fmt(s ? s + len : s, ip + 12);
  }
  for (g = 0; g < 8; ++g) {
    if (ip[2 * g] || ip[2 * g + 1]) { run = 0; continue; }
    if (++run > bestlen) { bestlen = run; best = g - run + 1; }
  }
  for (g = 0; g < 8; ++g) {
    unsigned int v = (unsigned int)ip[2 * g] << 8 | ip[2 * g + 1];
    int shift, started = 0;
    if (g == best) {
      if (s) { s[len] = ':'; s[len + 1] = ':'; }
      len += 2;
      g += bestlen - 1;
      continue;
    }
    if (g && g != best + bestlen) { if (s) s[len] = ':'; ++len; }
    for (shift = 12; shift >= 0; shift -= 4) {
      unsigned int x = (v >> shift) & 15;
      if (!x && !started && shift) continue;
      started = 1;
      if (s) s[len] = hex[x];
      ++len;
    }
  }
  return len;
}
