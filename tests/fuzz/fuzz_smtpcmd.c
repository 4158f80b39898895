/* fuzz_smtpcmd: qmail-smtpd's command reader on arbitrary bytes as a
   stream of lines: smtpcmd_get with the real cap, smtpcmd_skip after an
   overlong line, smtpcmd_split, the verb table matched with smtpcmd_is,
   and addrparse (plus SIZE=) on MAIL and RCPT arguments, as the program
   does.  The first input byte picks a small cap (1..64) or SMTPCMD_MAX.
   Invariants: a line is at most the cap and ends in LF; the verb starts
   the line, holds no space, and is at most one table entry; the argument
   lies inside the line, does not start with a space and holds no NUL;
   no NUL is left in the line; an accepted address is at most
   ADDRPARSE_MAX bytes without control bytes, its parameters inside the
   argument; the loop ends (each round consumes input). */
#include <errno.h>
#include <stdlib.h>
#include "addrparse.h"
#include "byte.h"
#include "fuzz.h"
#include "smtpcmd.h"

static const char *const verbs[] = { "helo", "ehlo", "mail", "rcpt", "data", "rset", "noop", "vrfy", "help", "quit", 0 };

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  stralloc line = STRALLOC_ZERO, addr = STRALLOC_ZERO;
  struct smtpcmd c;
  buffer b;
  size_t max, k, i, off;
  unsigned long size;
  int r, v, hits;
  if (n < 1) return 0;
  max = data[0] < 192 ? (size_t)(data[0] & 63) + 1 : SMTPCMD_MAX;
  fuzz_membuffer(&b, data + 1, n - 1);
  for (k = 0; k < n + 1; ++k) { /* at least one byte per round, or EOF */
    r = smtpcmd_get(&b, &line, max);
    if (r == 0) break;
    if (r == -1) {
      if (errno != E2BIG) abort();
      r = smtpcmd_skip(&b, &line, max);
      if (r == -1) abort();
      if (!r) break;
      if (line.len > max || !line.len || line.s[line.len - 1] != '\n') abort();
      continue;
    }
    if (r != 1 || line.len > max || !line.len || line.s[line.len - 1] != '\n') abort();
    smtpcmd_split(&c, line.s, line.len);
    if (byte_chr(line.s, line.len, 0) != line.len) abort();
    if (c.verb != line.s || byte_chr(c.verb, c.verblen, ' ') != c.verblen) abort();
    if (c.arg < c.verb + c.verblen || c.arg + c.arglen > line.s + line.len) abort();
    if (c.arglen && c.arg[0] == ' ') abort();
    for (hits = 0, v = -1, i = 0; verbs[i]; ++i) if (smtpcmd_is(&c, verbs[i])) { ++hits; v = (int)i; }
    if (hits > 1) abort();
    if (v == 2 || v == 3) {
      r = addrparse(c.arg, c.arglen, &addr, &off);
      if (r == -1) abort();
      if (r == 1) {
        if (addr.len > ADDRPARSE_MAX || off > c.arglen) abort();
        for (i = 0; i < addr.len; ++i) if ((unsigned char)addr.s[i] < 32 || addr.s[i] == 127) abort();
        r = addrparse_size(c.arg + off, c.arglen - off, &size);
        if (r != 0 && r != 1 && r != -1) abort();
      }
    }
  }
  if (k > n) abort();
  stralloc_free(&line); stralloc_free(&addr);
  return 0;
}
