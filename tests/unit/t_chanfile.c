/* t_chanfile: T records come back with their offsets, D records and
   unknown types are skipped, a mark turns T into D in place without
   disturbing the reading, a damaged last record is an error. */
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include "chanfile.h"
#include "t.h"

static void put(const char *fn, const char *s, size_t n)
{
  int fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  CHECK(fd != -1 && write(fd, s, n) == (ssize_t)n);
  close(fd);
}

int main(void)
{
  static const char f1[] = "Ta@b\0Dc@d\0Xodd\0Te@f\0";
  struct chanfile cf;
  stralloc rec = STRALLOC_ZERO;
  off_t off;
  char buf[64];
  int fd;
  const char *fn;

  t_tmpdir();
  fn = t_path("local1");
  put(fn, f1, sizeof f1 - 1);
  t_name = "read and mark";
  CHECK(chanfile_open(&cf, fn));
  CHECK(chanfile_next(&cf, &rec, &off) == 1 && off == 0 && rec.len == 3 && !memcmp(rec.s, "a@b", 3));
  CHECK(chanfile_mark(&cf, off));
  CHECK(chanfile_next(&cf, &rec, &off) == 1 && off == 15 && rec.len == 3 && !memcmp(rec.s, "e@f", 3));
  CHECK(cf.unknown == 1);
  CHECK(chanfile_next(&cf, &rec, &off) == 0);
  chanfile_close(&cf);
  fd = open(fn, O_RDONLY);
  CHECK(read(fd, buf, sizeof buf) == (ssize_t)(sizeof f1 - 1));
  close(fd);
  CHECKMEM(buf, sizeof f1 - 1, "Da@b\0Dc@d\0Xodd\0Te@f\0");
  t_name = "all done";
  CHECK(chanfile_open(&cf, fn));
  CHECK(chanfile_next(&cf, &rec, &off) == 1 && off == 15);
  CHECK(chanfile_next(&cf, &rec, &off) == 0);
  chanfile_close(&cf);
  t_name = "damaged tail";
  put(fn, "Ta@b\0Tc@", 8);
  CHECK(chanfile_open(&cf, fn));
  CHECK(chanfile_next(&cf, &rec, &off) == 1);
  CHECK(chanfile_next(&cf, &rec, &off) == -1);
  chanfile_close(&cf);
  t_name = "empty";
  put(fn, "", 0);
  CHECK(chanfile_open(&cf, fn));
  CHECK(chanfile_next(&cf, &rec, &off) == 0);
  chanfile_close(&cf);
  t_name = "missing";
  CHECK(!chanfile_open(&cf, t_path("nosuch")));
  stralloc_free(&rec);
  return t_done();
}
