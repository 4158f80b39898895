/* fuzz_control: the control-file readers (list files, one-line files,
   numbers) and constmap over arbitrary file contents. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "constmap.h"
#include "control.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  static char dir[] = "/tmp/quail-fuzz-control-XXXXXX";
  static char fn[64];
  static int ready = 0;
  stralloc sa = STRALLOC_ZERO;
  struct constmap cm;
  unsigned long u = 7;
  int fd;
  if (!ready) {
    if (!mkdtemp(dir)) abort();
    memcpy(fn, dir, sizeof dir - 1);
    memcpy(fn + sizeof dir - 1, "/x", 3);
    ready = 1;
  }
  fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd == -1) return 0;
  if (write(fd, data, n) != (ssize_t)n) { close(fd); return 0; }
  close(fd);
  if (control_readfile(&sa, fn) == 1) {
    if (constmap_init(&cm, sa.s, sa.len, ':')) {
      (void)constmap_get(&cm, "example.com", 11);
      (void)constmap_get(&cm, "", 0);
      constmap_free(&cm);
    }
  }
  (void)control_readline(&sa, fn);
  (void)control_readulong(&u, fn);
  stralloc_free(&sa);
  return 0;
}
