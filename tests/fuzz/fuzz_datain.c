/* fuzz_datain: the SMTP DATA reader on arbitrary bytes.  It never passes
   on more bytes than it read; when it reports the end of the data, the
   bytes consumed end with CR LF . CR LF (or are exactly ". CR LF"); when
   it reports a bare LF, the next unread byte is that LF. */
#include <string.h>
#include "datain.h"
#include "fuzz.h"

static size_t outlen;
static void put(void *arg, const char *s, size_t len) { outlen += len; }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  buffer b;
  struct datain d;
  size_t used;
  int r;
  outlen = 0;
  fuzz_membuffer(&b, data, n);
  datain_init(&d, n / 2, put, 0);
  r = datain_get(&d, &b);
  if (outlen > n || outlen != d.bytes || d.bytes > n / 2) __builtin_trap();
  { /* what is left unread: drain it */
    char tmp[256];
    size_t left = 0;
    ssize_t k;
    while ((k = buffer_get(&b, tmp, sizeof tmp)) > 0) left += (size_t)k;
    used = n - left;
  }
  if (r == 1) {
    if (!(used == 3 && !memcmp(data, ".\r\n", 3)) && !(used >= 5 && !memcmp(data + used - 5, "\r\n.\r\n", 5)))
      __builtin_trap();
  }
  if (r == 0 && (used >= n || data[used] != '\n')) __builtin_trap();
  return 0;
}
