/* fuzz_chanfile: qmail-send's reader of queue channel files (local/,
   remote/: "T<addr>\0" to do, "D<addr>\0" done).  Invariants: each T
   record's address holds no NUL and its offset names a 'T' in the file;
   after chanfile_mark the same file read again no longer offers it;
   records of unknown type are skipped and counted. */
#include <stdlib.h>
#include <unistd.h>
#include "chanfile.h"
#include "fmt.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  struct chanfile cf;
  stralloc rec = STRALLOC_ZERO;
  char fn[64];
  off_t off, first = -1;
  unsigned long todo = 0, todo2 = 0;
  size_t k;
  int fd = fuzz_memfd(data, n), r;
  char c;
  if (fd == -1) return 0;
  k = fmt_str(fn, "/proc/self/fd/");
  fn[k + fmt_ulong(fn + k, (unsigned long)fd)] = 0;
  if (!chanfile_open(&cf, fn)) abort();
  while ((r = chanfile_next(&cf, &rec, &off)) == 1) {
    if ((size_t)off >= n || data[off] != 'T') abort();
    for (k = 0; k < rec.len; ++k) if (!rec.s[k]) abort();
    if (first == -1) first = off;
    ++todo;
  }
  if (r != 0 && r != -1) abort();
  if (first != -1) {
    if (!chanfile_mark(&cf, first)) abort();
    if (pread(fd, &c, 1, first) != 1 || c != 'D') abort();
  }
  chanfile_close(&cf);
  if (!chanfile_open(&cf, fn)) abort();
  while ((r = chanfile_next(&cf, &rec, &off)) == 1) {
    if (off == first) abort();
    ++todo2;
  }
  if (first != -1 && r == 0 && todo2 + 1 != todo) abort();
  chanfile_close(&cf);
  close(fd);
  stralloc_free(&rec);
  return 0;
}
