/* fuzz_control: the control-file readers (list files, one-line files,
   numbers) and constmap over arbitrary file contents. */
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "constmap.h"
#include "control.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  static char dir[] = "/tmp/quail-fuzz-control-XXXXXX";
  static int ready = 0;
  stralloc sa = STRALLOC_ZERO;
  struct constmap cm;
  unsigned long u = 7;
  int fd;
  if (!ready) {
    if (!mkdtemp(dir) || chdir(dir) == -1 || mkdir("control", 0700) == -1) abort();
    ready = 1;
  }
  fd = open("control/x", O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd == -1) return 0;
  if (write(fd, data, n) != (ssize_t)n) { close(fd); return 0; }
  close(fd);
  if (control_readfile(&sa, "control/x") == 1) {
    if (constmap_init(&cm, sa.s, sa.len, ':')) {
      (void)constmap_get(&cm, "example.com", 11);
      (void)constmap_get(&cm, "", 0);
      constmap_free(&cm);
    }
  }
  (void)control_readline(&sa, "control/x");
  (void)control_readulong(&u, "control/x");
  stralloc_free(&sa);
  return 0;
}
