/* fuzz_usercdb: users/cdb (qmail-newu's output, read by qmail-lspawn).
   The input is a local part, LF, then records "key LF data LF" that
   cdbmake writes into a cdb; usercdb_find looks the local part up.
   Invariants: a hit has exactly six NUL-ended fields; an exact hit's
   fields are the stored data; a database of garbage gives -1 (EPROTO),
   never a crash.  Also reads the raw input as a cdb file. */
#include <stdlib.h>
#include <unistd.h>
#include "byte.h"
#include "cdb.h"
#include "cdbmake.h"
#include "fuzz.h"
#include "usercdb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  const char *s = (const char *)data;
  size_t ll = byte_chr(s, n, '\n'), i, j, k, nul;
  struct cdbmake cm;
  struct cdb c;
  stralloc out = STRALLOC_ZERO;
  int fd, r;
  fd = fuzz_memfd(0, 0);
  if (fd == -1) return 0;
  if (cdbmake_start(&cm, fd) == -1) abort();
  for (i = ll + 1; i < n; i = k + 1) {
    j = i + byte_chr(s + i, n - i, '\n');
    if (j >= n) break;
    k = j + 1 + byte_chr(s + j + 1, n - j - 1, '\n');
    if (k >= n) break;
    if (cdbmake_add(&cm, s + i, j - i, s + j + 1, k - j - 1) == -1) abort();
  }
  if (cdbmake_finish(&cm) == -1) abort();
  cdb_init(&c, fd);
  /* a local part never holds a NUL (queue records end at one) */
  r = usercdb_find(&c, s, byte_chr(s, ll, 0), &out);
  if (r == 1) {
    for (i = 0, nul = 0; i < out.len; ++i) if (!out.s[i]) ++nul;
    if (nul != 6 || out.s[out.len - 1]) abort();
  } else if (r != 0 && r != -1) abort();
  cdb_free(&c);
  close(fd);
  /* the raw bytes as a (damaged) cdb */
  fd = fuzz_memfd(data, n);
  if (fd == -1) return 0;
  cdb_init(&c, fd);
  r = usercdb_find(&c, "joe-x", 5, &out);
  if (r < -1 || r > 1) abort();
  cdb_free(&c);
  close(fd);
  stralloc_free(&out);
  return 0;
}
