/* t_open: each opener's flags: open_read/open_write on present and
   missing files, open_append appends and creates 0600, open_trunc
   truncates and creates 0644 (under umask 0), open_excl refuses an
   existing file, a symlink (dangling or not) and creates with the given
   mode, open_nofollow_read refuses a symlink with ELOOP, open_dir opens
   directories only, open_write on a fifo without a reader fails at once. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "open.h"
#include "t.h"

static char f[256], g[256], link1[256], dangling[256], fifo[256];

static mode_t modeof(const char *fn) { struct stat st; return stat(fn, &st) ? 07777 : st.st_mode & 07777; }

static size_t slurp(const char *fn, char *buf, size_t n)
{
  int fd = open(fn, O_RDONLY);
  ssize_t r = read(fd, buf, n);
  close(fd);
  return r < 0 ? 0 : (size_t)r;
}

int main(void)
{
  int fd;
  char buf[64];
  umask(0);
  snprintf(f, sizeof f, "%s", t_path("f"));
  snprintf(g, sizeof g, "%s", t_path("g"));
  snprintf(link1, sizeof link1, "%s", t_path("link"));
  snprintf(dangling, sizeof dangling, "%s", t_path("dangling"));
  snprintf(fifo, sizeof fifo, "%s", t_path("fifo"));

  t_name = "missing";
  CHECK(open_read(f) == -1 && errno == ENOENT);
  CHECK(open_write(f) == -1 && errno == ENOENT);
  CHECK(open_readwrite(f) == -1 && errno == ENOENT);

  t_name = "append";
  fd = open_append(f);
  CHECK(fd != -1 && modeof(f) == 0600);
  CHECK(write(fd, "one\n", 4) == 4);
  close(fd);
  fd = open_append(f);
  lseek(fd, 0, SEEK_SET);
  CHECK(write(fd, "two\n", 4) == 4); /* O_APPEND: still at the end */
  close(fd);
  CHECK(slurp(f, buf, sizeof buf) == 8 && !memcmp(buf, "one\ntwo\n", 8));

  t_name = "read";
  fd = open_read(f);
  CHECK(fd != -1 && read(fd, buf, 3) == 3);
  CHECK(write(fd, "x", 1) == -1 && errno == EBADF);
  close(fd);

  t_name = "trunc";
  fd = open_trunc(f);
  CHECK(fd != -1);
  close(fd);
  CHECK(slurp(f, buf, sizeof buf) == 0);
  fd = open_trunc(g);
  CHECK(fd != -1 && modeof(g) == 0644);
  close(fd);

  t_name = "readwrite";
  fd = open_readwrite(g);
  CHECK(fd != -1 && write(fd, "rw", 2) == 2 && lseek(fd, 0, SEEK_SET) == 0 && read(fd, buf, 2) == 2);
  close(fd);

  t_name = "excl";
  unlink(g);
  fd = open_excl(g, 0640);
  CHECK(fd != -1 && modeof(g) == 0640);
  close(fd);
  CHECK(open_excl(g, 0640) == -1 && errno == EEXIST);
  CHECK(symlink(f, link1) == 0);
  CHECK(open_excl(link1, 0600) == -1 && errno == EEXIST);
  CHECK(symlink(t_path("nowhere"), dangling) == 0);
  CHECK(open_excl(dangling, 0600) == -1 && errno == EEXIST);
  CHECK(access(t_path("nowhere"), F_OK) == -1); /* nothing created through it */

  t_name = "nofollow";
  CHECK(open_nofollow_read(link1) == -1 && errno == ELOOP);
  fd = open_nofollow_read(f);
  CHECK(fd != -1);
  close(fd);
  fd = open_read(link1); /* the plain one follows */
  CHECK(fd != -1);
  close(fd);

  t_name = "dir";
  fd = open_dir(t_tmpdir());
  CHECK(fd != -1 && fsync(fd) == 0);
  close(fd);
  CHECK(open_dir(f) == -1 && errno == ENOTDIR);

  t_name = "fifo without a reader";
  CHECK(mkfifo(fifo, 0600) == 0);
  CHECK(open_write(fifo) == -1 && errno == ENXIO); /* O_NONBLOCK: no hang */
  fd = open_read(fifo); /* O_NONBLOCK: no hang either */
  CHECK(fd != -1);
  { int w = open_write(fifo); CHECK(w != -1); close(w); }
  close(fd);
  return t_done();
}
