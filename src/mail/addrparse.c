/* addrparse.c: MAIL/RCPT argument parsing (see addrparse.h).  Pure: no
   I/O, no globals, so a fuzz target can call it directly. */
#include <errno.h>
#include <limits.h>
#include "addrparse.h"
#include "byte.h"
#include "case.h"
#include "ip.h"

static int syntax(void) { errno = EINVAL; return 0; }

int addrparse(const char *arg, size_t len, stralloc *addr, size_t *paramoff)
{
  size_t i, start, lt;
  int flagquoted = 0, flagbracket;
  char term;

  lt = byte_chr(arg, len, '<');
  flagbracket = lt < len;
  if (flagbracket) {
    start = lt + 1;
    term = '>';
  } else {
    start = byte_chr(arg, len, ':');
    if (start == len) return syntax();
    ++start;
    while (start < len && arg[start] == ' ') ++start;
    term = ' ';
  }
  /* a source route: everything up to the first ':' goes */
  if (start < len && arg[start] == '@') {
    i = start;
    while (i < len && arg[i] != ':' && arg[i] != term) ++i;
    if (i == len || arg[i] != ':') return syntax();
    start = i + 1;
  }
  if (!stralloc_copys(addr, "")) return -1;
  for (i = start; i < len; ++i) {
    unsigned char ch = (unsigned char)arg[i];
    if (ch == '\\') {
      if (++i == len) return syntax();
      ch = (unsigned char)arg[i];
    } else if (ch == '"') {
      flagquoted = !flagquoted;
      continue;
    } else if (!flagquoted && ch == (unsigned char)term) {
      break;
    }
    if (ch < 32 || ch == 127) return syntax();
    if (addr->len >= ADDRPARSE_MAX) return syntax();
    if (!stralloc_append(addr, (char)ch)) return -1;
  }
  if (flagquoted) return syntax();
  if (flagbracket) {
    if (i == len) return syntax(); /* no '>' */
    ++i;
  }
  *paramoff = i;
  return 1;
}

int addrparse_size(const char *params, size_t len, unsigned long *size)
{
  size_t i = 0, j;
  unsigned long u, d;
  while (i < len) {
    while (i < len && params[i] == ' ') ++i;
    j = i;
    while (j < len && params[j] != ' ') ++j;
    if (j - i >= 5 && !case_diffb(params + i, 5, "size=")) {
      if (j - i == 5) { errno = EINVAL; return -1; }
      u = 0;
      for (i += 5; i < j; ++i) {
        if (params[i] < '0' || params[i] > '9') { errno = EINVAL; return -1; }
        d = (unsigned long)(params[i] - '0');
        if (u > (ULONG_MAX - d) / 10) u = ULONG_MAX;
        else u = u * 10 + d;
      }
      *size = u;
      return 1;
    }
    i = j;
  }
  return 0;
}

int addrparse_literal(const char *dom, size_t len, unsigned char ip[16], int *v6)
{
  char text[64];
  unsigned char ip4[4];
  size_t n, off = 1;
  if (len < 3 || dom[0] != '[' || dom[len - 1] != ']') return 0;
  *v6 = 0;
  if (len > 6 && !case_diffb(dom + 1, 5, "ipv6:")) { *v6 = 1; off = 6; }
  n = len - 1 - off;
  if (!n || n >= sizeof text) return 0;
  byte_copy(text, n, dom + off);
  text[n] = 0;
  if (*v6) return ip6_scan(text, ip) == n;
  if (ip4_scan(text, ip4) != n) return 0;
  byte_zero(ip, 10);
  ip[10] = ip[11] = 0xff;
  byte_copy(ip + 12, 4, ip4);
  return 1;
}
