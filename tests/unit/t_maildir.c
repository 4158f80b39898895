/* t_maildir: deliveries into a scratch Maildir: header + message land in
   new/ and nothing stays in tmp/; many deliveries from one process get
   distinct names; host characters / and : are escaped; a symbolic-link
   Maildir, tmp/ or new/ is refused with ELOOP; a missing new/ fails
   before anything is written.
   More (absolute scratch paths): a 300 KB message and an empty one
   byte for byte, a read error (step "read", nothing in new/ or tmp/), a
   missing Maildir, a symbolic-link new/. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "maildir.h"
#include <stdio.h>
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

static char mspace[512];
static buffer min;
static void feed(const char *s, size_t n) { t_memsrc(s, n, 1000); buffer_init(&min, t_memread, -1, mspace, sizeof mspace); }

/* the number of entries in dir (not . and ..); the last name in *name */
static int mcount(const char *dir, char *name, size_t n)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  int k = 0;
  if (!d) return -1;
  while ((e = readdir(d))) if (e->d_name[0] != '.') { ++k; if (name) snprintf(name, n, "%s", e->d_name); }
  closedir(d);
  return k;
}

static void mkmaildir(const char *p)
{
  char x[300];
  mkdir(p, 0700);
  snprintf(x, sizeof x, "%s/tmp", p); mkdir(x, 0700);
  snprintf(x, sizeof x, "%s/new", p); mkdir(x, 0700);
  snprintf(x, sizeof x, "%s/cur", p); mkdir(x, 0700);
}

/* the second set of cases */
static void more(void)
{
  char md[256], sub[300], name[400], *big, *back;
  const char *step = 0;
  size_t n = 300000, i;
  int fd;

  snprintf(md, sizeof md, "%s", t_path("Maildir"));
  mkmaildir(md);
  big = malloc(n);
  back = malloc(n + 100);
  for (i = 0; i < n; ++i) big[i] = (i % 61) ? (char)('a' + i % 26) : '\n';

  t_name = "deliver";
  feed(big, n);
  CHECK(maildir_deliver(md, "Delivered-To: x\n", 16, &min, "host/a:b", &step) == 0);
  snprintf(sub, sizeof sub, "%s/new", md);
  CHECK(mcount(sub, name, sizeof name) == 1);
  {
    /* TIME.MusecPpid.HOST */
    static const char host[] = ".host\\057a\\072b";
    size_t len = strlen(name), d = strspn(name, "0123456789");
    CHECK(d > 0 && !strncmp(name + d, ".M", 2));
    CHECK(len > sizeof host - 1 && !strcmp(name + len - (sizeof host - 1), host));
    CHECK(strchr(name + d + 2, 'P') != 0);
  }
  snprintf(sub, sizeof sub, "%s/new/%s", md, name);
  fd = open(sub, O_RDONLY);
  CHECK(fd != -1 && read(fd, back, n + 100) == (ssize_t)(n + 16));
  CHECK(!memcmp(back, "Delivered-To: x\n", 16) && !memcmp(back + 16, big, n));
  close(fd);
  snprintf(sub, sizeof sub, "%s/tmp", md);
  CHECK(mcount(sub, 0, 0) == 0);

  t_name = "empty message, second name";
  feed("", 0);
  CHECK(maildir_deliver(md, "", 0, &min, "h", &step) == 0);
  snprintf(sub, sizeof sub, "%s/new", md);
  CHECK(mcount(sub, 0, 0) == 2);

  t_name = "read error";
  feed(big, n);
  t_memfail(5000, EIO);
  step = 0;
  CHECK(maildir_deliver(md, "", 0, &min, "h", &step) == -1 && errno == EIO && step && !strcmp(step, "read"));
  CHECK(mcount(sub, 0, 0) == 2);
  snprintf(sub, sizeof sub, "%s/tmp", md);
  CHECK(mcount(sub, 0, 0) == 0);

  t_name = "missing";
  feed("x", 1);
  CHECK(maildir_deliver(t_path("nope"), "", 0, &min, "h", &step) == -1 && errno == ENOENT);

  t_name = "symlinked maildir";
  CHECK(symlink(md, t_path("link")) == 0);
  snprintf(sub, sizeof sub, "%s", t_path("link"));
  feed("x", 1);
  CHECK(maildir_deliver(sub, "", 0, &min, "h", &step) == -1 && errno == ELOOP);

  t_name = "symlinked tmp";
  snprintf(sub, sizeof sub, "%s", t_path("M2"));
  mkmaildir(sub);
  snprintf(name, sizeof name, "%s/tmp", sub);
  rmdir(name);
  { char t[600]; snprintf(t, sizeof t, "%s/tmp", md); CHECK(symlink(t, name) == 0); }
  feed("x", 1);
  CHECK(maildir_deliver(sub, "", 0, &min, "h", &step) == -1 && errno == ELOOP);

  t_name = "symlinked new";
  snprintf(sub, sizeof sub, "%s", t_path("M3"));
  mkmaildir(sub);
  snprintf(name, sizeof name, "%s/new", sub);
  rmdir(name);
  { char t[600]; snprintf(t, sizeof t, "%s/new", md); CHECK(symlink(t, name) == 0); }
  feed("x", 1);
  CHECK(maildir_deliver(sub, "", 0, &min, "h", &step) == -1 && errno == ELOOP);
  snprintf(sub, sizeof sub, "%s/new", md);
  CHECK(mcount(sub, 0, 0) == 2);
  snprintf(sub, sizeof sub, "%s/tmp", t_path("M3"));
  CHECK(mcount(sub, 0, 0) == 0);
  free(big); free(back);
  return;
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
  more();
  return t_done();
}
