/* t_cdbmake: the writer.  Its files are read back by freecdb's cdbget (an
   independent reader) when installed; the 4 GiB limit is refused with
   EOVERFLOW (by position arithmetic: no 4 GiB file is written), and write,
   seek and allocation failures come back as -1 with errno. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>
#include "alloc.h"
#include "cdb.h"
#include "cdbmake.h"
#include "t.h"

static int run(const char *cmd, char *out, size_t outlen)
{
  FILE *p = popen(cmd, "r");
  size_t n;
  if (!p) return -1;
  n = fread(out, 1, outlen - 1, p);
  out[n] = 0;
  return pclose(p);
}

int main(void)
{
  struct cdbmake cm;
  struct cdb c;
  int fd, i;
  char cmd[512], out[256];
  const char *db = 0;

  t_name = "layout";
  fd = open(t_path("a.cdb"), O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(cdbmake_start(&cm, fd) == 0);
  CHECK(cdbmake_finish(&cm) == 0);
  CHECK(lseek(fd, 0, SEEK_END) == 2048); /* empty: the header alone */
  {
    unsigned char h[8];
    CHECK(pread(fd, h, 8, 0) == 8);
    CHECK(h[0] == 0 && h[1] == 8 && h[4] == 0); /* table 0 at 2048, 0 slots */
  }
  close(fd);
  fd = open(t_path("a.cdb"), O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(cdbmake_start(&cm, fd) == 0);
  CHECK(cdbmake_add(&cm, "ab", 2, "xyz", 3) == 0);
  CHECK(cm.pos == 2048 + 8 + 5);
  CHECK(cdbmake_finish(&cm) == 0);
  CHECK(lseek(fd, 0, SEEK_END) == 2048 + 13 + 16); /* one record, two slots */
  {
    unsigned char r[13];
    CHECK(pread(fd, r, 13, 2048) == 13);
    CHECKMEM(r, 13, "\002\000\000\000\003\000\000\000abxyz");
  }
  close(fd);

  t_name = "cdbget reads it";
  if (access("/usr/bin/cdbget", X_OK) == 0) {
    db = t_path("b.cdb");
    fd = open(db, O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(cdbmake_start(&cm, fd) == 0);
    for (i = 0; i < 1000; ++i) {
      char k[16], d[16];
      int kl = snprintf(k, sizeof k, "k%d", i), dl = snprintf(d, sizeof d, "v%d", i * 3);
      CHECK(cdbmake_add(&cm, k, (size_t)kl, d, (size_t)dl) == 0);
    }
    CHECK(cdbmake_add(&cm, "k5", 2, "again", 5) == 0);
    CHECK(cdbmake_finish(&cm) == 0);
    close(fd);
    snprintf(cmd, sizeof cmd, "/usr/bin/cdbget k999 < %s", db);
    CHECK(run(cmd, out, sizeof out) == 0);
    CHECKSTR(out, "v2997");
    snprintf(cmd, sizeof cmd, "/usr/bin/cdbget k5 1 < %s", db); /* skip one: the second record */
    CHECK(run(cmd, out, sizeof out) == 0);
    CHECKSTR(out, "again");
    snprintf(cmd, sizeof cmd, "/usr/bin/cdbget nope < %s", db);
    CHECK(run(cmd, out, sizeof out) != 0);
    snprintf(cmd, sizeof cmd, "/usr/bin/cdbdump < %s | wc -l", db);
    CHECK(run(cmd, out, sizeof out) == 0);
    CHECKSTR(out, "1002\n"); /* 1001 records and the closing blank line */
  } else
    printf("skip: /usr/bin/cdbget (freecdb) is not installed\n");

  t_name = "4 GiB limit";
  fd = open(t_path("c.cdb"), O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(cdbmake_start(&cm, fd) == 0);
  errno = 0;
  CHECK(cdbmake_add(&cm, "k", 1, "", (size_t)UINT32_MAX + (sizeof(size_t) > 4)) == -1);
  CHECK(errno == EOVERFLOW);
  CHECK(cdbmake_add(&cm, "k", SIZE_MAX, "", 0) == -1 && errno == EOVERFLOW);
  CHECK(cdbmake_add(&cm, "k", 1, "", SIZE_MAX - 1) == -1 && errno == EOVERFLOW);
  cm.pos = UINT32_MAX - 100; /* as if 4 GiB were nearly written */
  CHECK(cdbmake_add(&cm, "k", 1, "d", 92) == -1 && errno == EOVERFLOW); /* 101 bytes */
  CHECK(cdbmake_add(&cm, "k", 1, "d", 91) == -1 && errno == EOVERFLOW); /* no room for its slots */
  CHECK(cm.pos == UINT32_MAX - 100 && cm.nhp == 0);
  CHECK(cdbmake_add(&cm, "k", 1, "d", 1) == 0);      /* 10 bytes + 16 of slots fit */
  CHECK(cm.pos == UINT32_MAX - 90);
  for (i = 0; i < 3; ++i) CHECK(cdbmake_add(&cm, "", 0, "", 0) == 0); /* 4 records, 64 bytes of slots: 2 bytes left */
  CHECK(cdbmake_add(&cm, "", 0, "", 0) == -1 && errno == EOVERFLOW);
  CHECK(cdbmake_finish(&cm) == 0);
  CHECK(cm.pos <= UINT32_MAX);
  CHECK(cm.hp == 0);
  close(fd);

  t_name = "failures";
  {
    int pi[2];
    CHECK(pipe(pi) == 0);
    CHECK(cdbmake_start(&cm, pi[1]) == -1 && errno == ESPIPE); /* must seek back */
    close(pi[0]); close(pi[1]);
  }
  fd = open("/dev/full", O_WRONLY);
  if (fd != -1) {
    CHECK(cdbmake_start(&cm, fd) == 0);
    CHECK(cdbmake_add(&cm, "k", 1, "v", 1) == 0);
    errno = 0;
    CHECK(cdbmake_finish(&cm) == -1 && errno == ENOSPC);
    close(fd);
  }
  fd = open(t_path("d.cdb"), O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(cdbmake_start(&cm, fd) == 0);
  alloc_failafter(0);
  CHECK(cdbmake_add(&cm, "k", 1, "v", 1) == -1 && errno == ENOMEM);
  alloc_failafter(-1);
  for (i = 0; i < 200; ++i) CHECK(cdbmake_add(&cm, "k", 1, "v", 1) == 0); /* grows past 64, 128 */
  alloc_failafter(0);
  CHECK(cdbmake_finish(&cm) == -1 && errno == ENOMEM);
  alloc_failafter(-1);
  CHECK(cm.hp == 0);
  close(fd);
  fd = open(t_path("d.cdb"), O_RDONLY);
  CHECK(cdbmake_start(&cm, fd) == 0); /* buffered: the write error shows later */
  CHECK(cdbmake_finish(&cm) == -1 && errno == EBADF);
  close(fd);

  t_name = "reader agrees";
  fd = open(t_path("e.cdb"), O_RDWR | O_CREAT | O_TRUNC, 0600);
  CHECK(cdbmake_start(&cm, fd) == 0);
  for (i = 0; i < 256 * 3; ++i) { /* every table non-empty, some collisions */
    char k[4] = { (char)i, (char)(i >> 8), 'x', 0 };
    CHECK(cdbmake_add(&cm, k, 3, k, 2) == 0);
  }
  CHECK(cdbmake_finish(&cm) == 0);
  cdb_init(&c, fd);
  for (i = 0; i < 256 * 3; ++i) {
    char k[4] = { (char)i, (char)(i >> 8), 'x', 0 }, d[2];
    CHECK(cdb_find(&c, k, 3) == 1 && cdb_datalen(&c) == 2);
    CHECK(cdb_read(&c, d, 2, cdb_datapos(&c)) == 0);
    CHECKMEM(d, 2, k);
  }
  cdb_free(&c);
  close(fd);
  return t_done();
}
