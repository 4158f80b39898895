/* mboxrd.c: a line-start state machine; '>' runs are counted, not stored. */
#include "byte.h"
#include "mboxrd.h"

static const char gts[] = ">>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>>";

static int putgts(buffer *out, size_t n)
{
  while (n) {
    size_t k = n < sizeof gts - 1 ? n : sizeof gts - 1;
    if (buffer_put(out, gts, k) == -1) return -1;
    n -= k;
  }
  return 0;
}

int mboxrd_copy(buffer *out, buffer *in)
{
  int atstart = 1;
  size_t ngt = 0, nfrom = 0;
  for (;;) {
    ssize_t r = buffer_feed(in);
    const char *s;
    size_t n, i;
    if (r < 0) return -2;
    if (r == 0) break;
    s = buffer_peek(in);
    n = (size_t)r;
    i = 0;
    while (i < n) {
      if (!atstart) {
        size_t k = byte_chr(s + i, n - i, '\n');
        if (k < n - i) { ++k; atstart = 1; ngt = nfrom = 0; }
        if (buffer_put(out, s + i, k) == -1) return -3;
        i += k;
        continue;
      }
      if (!nfrom && s[i] == '>') { ++ngt; ++i; continue; }
      if (s[i] == "From "[nfrom]) {
        ++i;
        if (++nfrom < 5) continue;
        if (putgts(out, ngt + 1) == -1 || buffer_put(out, "From ", 5) == -1) return -3;
        atstart = 0;
        ngt = nfrom = 0;
        continue;
      }
      if (putgts(out, ngt) == -1 || buffer_put(out, "From ", nfrom) == -1) return -3;
      if (buffer_put(out, s + i, 1) == -1) return -3;
      if (s[i] != '\n') atstart = 0;
      ngt = nfrom = 0;
      ++i;
    }
    buffer_seek(in, n);
  }
  if (atstart && !ngt && !nfrom) return 0;
  if (putgts(out, ngt) == -1 || buffer_put(out, "From ", nfrom) == -1) return -3;
  if (buffer_put(out, "\n", 1) == -1) return -3;
  return 0;
}
