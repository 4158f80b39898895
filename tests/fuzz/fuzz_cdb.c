/* fuzz_cdb: cdb lookups on an arbitrary (possibly hostile) file: the reader
   must answer found/absent/error and never read out of bounds. */
#include <unistd.h>
#include "cdb.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  static const char *const keys[] = { "", "a", "!user-", "example.com", "\0x" };
  struct cdb c;
  char buf[64];
  size_t i;
  int fd = fuzz_memfd(data, n);
  if (fd == -1) return 0;
  cdb_init(&c, fd);
  for (i = 0; i < sizeof keys / sizeof keys[0]; ++i) {
    int r, k = 0;
    cdb_findstart(&c);
    while ((r = cdb_findnext(&c, keys[i], i == 4 ? 2 : __builtin_strlen(keys[i]))) == 1 && k++ < 8) {
      uint32_t len = cdb_datalen(&c);
      if (len > sizeof buf) len = sizeof buf;
      if (cdb_read(&c, buf, len, cdb_datapos(&c)) == -1) break;
    }
  }
  if (n >= 5) { cdb_findstart(&c); (void)cdb_find(&c, (const char *)data, 5); }
  cdb_free(&c);
  close(fd);
  return 0;
}
