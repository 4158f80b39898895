/* fuzz_envelope: envread_record (qmail-queue's envelope on fd 1, from any
   local user) on arbitrary bytes.  Invariants: no record exceeds
   ENVREAD_RECMAX; a record is its kind (F first, T later), an address
   without NUL and of at most ENVREAD_ADDRMAX bytes, and a NUL; what the
   records hold is exactly the input consumed, in order; ETOOLONG comes
   with a full record of non-NUL address bytes; the first record is F. */
#include <stdlib.h>
#include "byte.h"
#include "envread.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  static const struct envread z = ENVREAD_ZERO;
  const char *s = (const char *)data;
  struct envread e = z;
  char rec[ENVREAD_RECMAX + 1];
  buffer b;
  size_t off = 0, len;
  int r, first = 1;

  rec[ENVREAD_RECMAX] = 'x'; /* a guard byte the reader must not touch */
  fuzz_membuffer(&b, data, n);
  for (;;) {
    len = 12345;
    r = envread_record(&e, &b, rec, &len);
    if (rec[ENVREAD_RECMAX] != 'x') abort();
    if (len > ENVREAD_RECMAX || len > n - off) abort();
    if (len && byte_diff(rec, len, s + off)) abort();   /* exactly the input */
    if (len && rec[0] != (first ? 'F' : 'T')) abort();
    switch (r) {
      case ENVREAD_REC:
        if (len < 2 || rec[len - 1] != 0) abort();
        if (byte_chr(rec + 1, len - 2, 0) != len - 2) abort();
        if (len - 2 > ENVREAD_ADDRMAX) abort();
        off += len; first = 0;
        continue;
      case ENVREAD_END:
        if (first || len || s[off] != 0) abort();
        return 0;
      case ENVREAD_ETOOLONG:
        if (len != ENVREAD_RECMAX || byte_chr(rec + 1, len - 1, 0) != len - 1) abort();
        return 0;
      case ENVREAD_EFORMAT:
        if (len || off >= n) abort();
        if (first ? s[off] == 'F' : (s[off] == 'T' || s[off] == 0)) abort();
        return 0;
      case ENVREAD_EREAD:
        /* the memory reader never fails: only the end of input */
        if (off + len != n) abort();
        return 0;
      case ENVREAD_ETOOMANY:
        abort(); /* a million recipients do not fit in a fuzz input */
      default:
        abort();
    }
  }
}
