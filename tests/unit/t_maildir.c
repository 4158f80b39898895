/* t_maildir: deliveries into a scratch Maildir: header + message land in
   new/ and nothing stays in tmp/; many deliveries from one process get
   distinct names; host characters / and : are escaped; a symbolic-link
   Maildir, tmp/ or new/ is refused with ELOOP; a missing new/ fails
   before anything is written. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "maildir.h"
#include "t.h"

static int count(const char *d, char *last)
{
  DIR *dh = opendir(d);
  struct dirent *e;
  int n = 0;
  if (!dh) return -1;
  while ((e = readdir(dh)))
    if (e->d_name[0] != '.') { ++n; if (last) strcpy(last, e->d_name); }
  closedir(dh);
  return n;
}

static int deliver(const char *md, int fdin, const char *host, const char **step)
{
  char space[512];
  buffer in;
  lseek(fdin, 0, SEEK_SET);
  buffer_init(&in, buffer_unixread, fdin, space, sizeof space);
  return maildir_deliver(md, "H: 1\n", 5, &in, host, step);
}

int main(void)
{
  char dir[] = "/tmp/t_maildirXXXXXX", name[256], path[512], got[64];
  const char *step;
  int fdin, i, fd;
  ssize_t n;

  if (!mkdtemp(dir) || chdir(dir) == -1) return 111;
  mkdir("md", 0700); mkdir("md/tmp", 0700); mkdir("md/new", 0700); mkdir("md/cur", 0700);
  fdin = open("msg", O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fdin == -1 || write(fdin, "body\n", 5) != 5) return 111;

  t_name = "one delivery";
  CHECK(deliver("md/", fdin, "h/o:st", &step) == 0);
  CHECK(count("md/new", name) == 1);
  CHECK(count("md/tmp", 0) == 0);
  CHECK(strstr(name, ".h\\057o\\072st") != 0);
  snprintf(path, sizeof path, "md/new/%s", name);
  fd = open(path, O_RDONLY);
  n = read(fd, got, sizeof got);
  close(fd);
  CHECK(n == 10);
  CHECKMEM(got, 10, "H: 1\nbody\n");

  t_name = "200 deliveries, 201 names";
  for (i = 0; i < 200; ++i) CHECK(deliver("md", fdin, "h", &step) == 0);
  CHECK(count("md/new", 0) == 201);
  CHECK(count("md/tmp", 0) == 0);

  t_name = "symbolic links refused";
  CHECK(symlink("md", "link") == 0);
  errno = 0;
  CHECK(deliver("link/", fdin, "h", &step) == -1 && errno == ELOOP);
  mkdir("md2", 0700); mkdir("md2/new", 0700);
  CHECK(symlink("../md/tmp", "md2/tmp") == 0);
  CHECK(deliver("md2", fdin, "h", &step) == -1 && errno == ELOOP);
  CHECKSTR(step, "open tmp");

  t_name = "no new/";
  mkdir("md3", 0700); mkdir("md3/tmp", 0700);
  CHECK(deliver("md3", fdin, "h", &step) == -1 && errno == ENOENT);
  CHECK(count("md3/tmp", 0) == 0);
  CHECK(count("md/new", 0) == 201);
  snprintf(path, sizeof path, "rm -rf '%s'", dir);
  if (chdir("/") == 0 && system(path) != 0) return 111;
  return t_done();
}
