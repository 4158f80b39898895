/* fuzz_mbox: mboxrd quoting (mbox_copy) and the From_ line.
   Invariants: taking one '>' off every output line that matches ^>+From 
   gives the input back (with a final newline added when it lacked one);
   no output line matches ^From  (nothing can forge a message boundary);
   the From_ line is one line starting "From ". */
#include <stdlib.h>
#include <string.h>
#include "byte.h"
#include "fuzz.h"
#include "mbox.h"

static stralloc out = STRALLOC_ZERO;
/* the line matches ^>*From  */
static int k_from(const char *s, size_t n)
{
  size_t k = 0;
  while (k < n && s[k] == '>') ++k;
  return n - k >= 5 && byte_equal(s + k, 5, "From ");
}
static ssize_t memwrite(int fd, char *s, size_t len)
{
  (void)fd;
  if (len > 5) len = 5 + len % (len - 4); /* short writes */
  if (!stralloc_catb(&out, s, len)) return -1;
  return (ssize_t)len;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  buffer in, ob;
  char obuf[32];
  stralloc back = STRALLOC_ZERO, fl = STRALLOC_ZERO;
  size_t i, j, k;
  out.len = 0;
  fuzz_membuffer(&in, data, n);
  buffer_init(&ob, memwrite, 1, obuf, sizeof obuf);
  if (mbox_copy(&ob, &in) != 0 || buffer_flush(&ob) != 0) abort();
  for (i = 0; i < out.len; i = j + 1) {
    j = i + byte_chr(out.s + i, out.len - i, '\n');
    if (j == out.len) abort(); /* every output line ends in LF */
    if (j - i >= 5 && byte_equal(out.s + i, 5, "From ")) abort();
    if (mbox_needquote(out.s + i, j + 1 - i) != (k_from(out.s + i, j - i))) abort();
    k = i;
    while (k < j && out.s[k] == '>') ++k;
    if (k > i && j - k >= 5 && byte_equal(out.s + k, 5, "From ")) ++i;
    if (!stralloc_catb(&back, out.s + i, j + 1 - i)) abort();
  }
  if (n && data[n - 1] != '\n') {
    if (back.len != n + 1 || back.s[n] != '\n') abort();
  } else if (back.len != n) abort();
  if (n && memcmp(back.s, data, n)) abort();
  if (mbox_fromline(&fl, (const char *)data, n > 300 ? 300 : n, (time_t)(n * 99991)) == 1) {
    if (fl.len < 6 || !byte_equal(fl.s, 5, "From ") || fl.s[fl.len - 1] != '\n') abort();
    if (byte_chr(fl.s, fl.len, '\n') != fl.len - 1) abort();
  }
  stralloc_free(&back); stralloc_free(&fl);
  return 0;
}
