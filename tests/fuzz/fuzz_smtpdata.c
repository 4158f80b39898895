/* fuzz_smtpdata: the DATA encoder of qmail-remote (and QMTP clients),
   fed in chunks whose seams fall anywhere (also between CR and LF).
   Invariants: the output has only CRLF line ends, ends with the one
   ".\r\n" line, and undoing the dot-stuffing gives the canonical input
   (CRLF, bare CR and bare LF each one line end); bytes counts it. */
#include <stdlib.h>
#include <string.h>
#include "fuzz.h"
#include "smtpdata.h"
#include "stralloc.h"

static stralloc out = STRALLOC_ZERO;
static ssize_t memwrite(int fd, char *s, size_t len)
{
  (void)fd;
  if (!stralloc_catb(&out, s, len)) return -1;
  return (ssize_t)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  struct smtpdata st = SMTPDATA_ZERO, cnt = SMTPDATA_ZERO;
  stralloc canon = STRALLOC_ZERO, dec = STRALLOC_ZERO;
  buffer ob;
  char obuf[16];
  size_t i, j, step, eb = 0;
  if (!n) return 0;
  step = 1 + data[0] % 9;
  data++; n--;
  out.len = 0;
  buffer_init(&ob, memwrite, 1, obuf, sizeof obuf);
  for (i = 0; i < n; i += step) {
    size_t k = n - i < step ? n - i : step;
    if (smtpdata_put(&ob, &st, (const char *)data + i, k) != 0) abort();
    if (smtpdata_put(0, &cnt, (const char *)data + i, k) != 0) abort();
  }
  if (smtpdata_end(&ob, &st) != 0 || smtpdata_end(0, &cnt) != 0 || buffer_flush(&ob) != 0) abort();
  for (i = 0; i < n; ++i) {
    if (data[i] >= 128) eb = 1;
    if (data[i] == '\r') { if (i + 1 < n && data[i + 1] == '\n') ++i; stralloc_catb(&canon, "\r\n", 2); }
    else if (data[i] == '\n') stralloc_catb(&canon, "\r\n", 2);
    else stralloc_append(&canon, (char)data[i]);
  }
  if (canon.len && canon.s[canon.len - 1] != '\n') stralloc_catb(&canon, "\r\n", 2);
  if (st.eightbit != (int)eb || cnt.eightbit != (int)eb) abort();
  if (cnt.bytes != st.bytes || st.bytes != canon.len) abort();
  /* every line of the output ends CRLF, no bare CR or LF */
  for (i = 0; i < out.len; ++i) {
    if (out.s[i] == '\r' && (i + 1 >= out.len || out.s[i + 1] != '\n')) abort();
    if (out.s[i] == '\n' && (i == 0 || out.s[i - 1] != '\r')) abort();
  }
  if (out.len < 3 || memcmp(out.s + out.len - 3, ".\r\n", 3)) abort();
  if (out.len > 3 && (out.len < 5 || memcmp(out.s + out.len - 5, "\r\n.\r\n", 5))) abort();
  for (i = 0; i < out.len - 3; i = j) {
    j = i;
    while (out.s[j] != '\n') ++j;
    ++j;
    if (out.s[i] == '.') {
      if (j - i == 3) abort(); /* a lone dot before the end */
      ++i;
    }
    stralloc_catb(&dec, out.s + i, j - i);
  }
  if (dec.len != canon.len || (dec.len && memcmp(dec.s, canon.s, dec.len))) abort();
  stralloc_free(&canon); stralloc_free(&dec);
  return 0;
}
