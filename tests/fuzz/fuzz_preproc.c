/* fuzz_preproc: qmail-send's reader of todo/ files (the envelope
   qmail-queue wrote: u<uid> NUL, p<pid> NUL, F<sender> NUL, T<recipient>
   NUL ...) with the recipient rewriting, through preproc_write in a
   private queue skeleton.  Invariants: the result is 1, 0 or -1; after 1
   every T record of the input is in local/ or remote/ (one T record
   each, NUL-ended) and info/ starts with F and the first sender; after -1
   no file is left open. */
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "auto.h"
#include "byte.h"
#include "constmap.h"
#include "fmt.h"
#include "fuzz.h"
#include "preproc.h"

static char dir[] = "/tmp/quail-fuzz-preproc-XXXXXX";
static struct constmap locals, vdoms;
static struct rewrite rw;
static int here = -1;

static void mk(const char *a, const char *b)
{
  char p[128];
  size_t k = fmt_str(p, a);
  k += fmt_str(p + k, b);
  p[k] = 0;
  mkdir(p, 0700);
}

static void setup(void)
{
  char sub[16];
  sub[fmt_ulong(sub, 1 % auto_split)] = 0;
  if (!mkdtemp(dir) || chdir(dir) == -1) abort();
  mk("", "todo");
  mk("", "mess"); mk("mess/", sub);
  mk("", "info"); mk("info/", sub);
  mk("", "local"); mk("local/", sub);
  mk("", "remote"); mk("remote/", sub);
  { char m[64]; size_t k = fmt_str(m, "mess/"); k += fmt_str(m + k, sub); k += fmt_str(m + k, "/1"); m[k] = 0;
    close(open(m, O_WRONLY | O_CREAT, 0600)); }
  if (!constmap_init(&locals, "quail.test\0localhost\0", 21, 0)) abort();
  if (!constmap_init(&vdoms, "virt.test:joe\0.sub.test:sub\0", 28, ':')) abort();
  rw.locals = &locals; rw.vdoms = &vdoms; rw.phack = 0; rw.envnoathost = "quail.test";
}

/* T records in the file fn, each NUL-ended; -1 when damaged */
static long trecs(const char *fn)
{
  char buf[70000 * 4];
  long n = 0;
  ssize_t r;
  size_t i = 0;
  int fd = open(fn, O_RDONLY);
  if (fd == -1) return 0;
  r = read(fd, buf, sizeof buf);
  close(fd);
  if (r < 0) return -1;
  while (i < (size_t)r) {
    size_t z = i + byte_chr(buf + i, (size_t)r - i, 0);
    if (z == (size_t)r || buf[i] != 'T') return -1;
    ++n; i = z + 1;
  }
  return n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
  struct preproc p;
  char fn[64];
  size_t i, z;
  long want = 0, got, a;
  int fd, r, k, complete = !n || data[n - 1] == 0;
  if (n > 200000) return 0;
  if (here == -1) { here = open(".", O_RDONLY | O_DIRECTORY); setup(); }
  else if (chdir(dir) == -1) abort();
  memset(&p, 0, sizeof p);
  fd = open("todo/1", O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd == -1 || write(fd, data, n) != (ssize_t)n) abort();
  close(fd);
  r = preproc_write(&p, 1, &rw);
  if (r == 1) {
    if (!complete) abort();
    for (i = 0; i < n; i = z + 1) {
      z = i + byte_chr((const char *)data + i, n - i, 0);
      if (data[i] == 'T') ++want;
    }
    for (k = 0; k < 3; ++k) { if (p.f[k].fd != -1) { buffer_flush(&p.f[k].b); } }
    got = 0;
    for (k = 1; k < 3; ++k) {
      a = trecs(p.f[k].fn);
      if (a < 0) abort();
      got += a;
    }
    if (got != want) abort();
    if (!p.sender.len) abort();
    for (k = 0; k < 3; ++k) qrec_close(&p.f[k]);
  } else if (r == -1) {
    for (k = 0; k < 3; ++k) if (p.f[k].fd != -1) abort();
  } else if (r != 0) abort();
  fn[0] = 0;
  stralloc_free(&p.uid); stralloc_free(&p.qp); stralloc_free(&p.sender);
  stralloc_free(&p.rec); stralloc_free(&p.addr);
  if (fchdir(here) == -1) abort();
  return 0;
}
