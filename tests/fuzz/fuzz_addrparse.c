/* fuzz_addrparse: qmail-smtpd's MAIL/RCPT argument parser on arbitrary
   bytes.  An accepted address is at most ADDRPARSE_MAX bytes with no
   control byte, and the parameter offset lies inside the input; SIZE=
   and literal parsing must not crash on the rest. */
#include "addrparse.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  stralloc sa = STRALLOC_ZERO;
  size_t off = 0, i, at;
  unsigned long size;
  unsigned char ip[16];
  int v6;
  if (addrparse((const char *)data, n, &sa, &off) == 1) {
    if (sa.len > ADDRPARSE_MAX || off > n) __builtin_trap();
    for (i = 0; i < sa.len; ++i)
      if ((unsigned char)sa.s[i] < 32 || sa.s[i] == 127) __builtin_trap();
    addrparse_size((const char *)data + off, n - off, &size);
    for (at = sa.len; at > 0 && sa.s[at - 1] != '@'; --at) ;
    if (at) addrparse_literal(sa.s + at, sa.len - at, ip, &v6);
  }
  addrparse_literal((const char *)data, n, ip, &v6);
  stralloc_free(&sa);
  return 0;
}
