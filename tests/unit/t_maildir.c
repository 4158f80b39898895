/* t_maildir: a delivery lands in new/ with the header and the whole input
   (a 300 KB message, and an empty one), tmp/ is left empty, the name has
   the TIME.MusecPpid.HOST form with '/' and ':' escaped, two deliveries
   get two names; refusals with nothing left in new/: a missing maildir
   (ENOENT), the maildir, tmp or new a symbolic link (ELOOP), a read error
   in the input (step "read"). */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "buffer.h"
#include "maildir.h"
#include "t.h"

static const char *src;
static size_t srclen, srcpos, failat;
static ssize_t memread(int fd, char *buf, size_t len)
{
  (void)fd;
  if (srcpos >= failat) { errno = EIO; return -1; }
  if (len > 1000) len = 1000;
  if (len > srclen - srcpos) len = srclen - srcpos;
  memcpy(buf, src + srcpos, len);
  srcpos += len;
  return (ssize_t)len;
}
static char space[512];
static buffer in;
static void feed(const char *s, size_t n) { src = s; srclen = n; srcpos = 0; failat = (size_t)-1; buffer_init(&in, memread, -1, space, sizeof space); }

/* the number of entries in dir (not . and ..); the last name in *name */
static int count(const char *dir, char *name, size_t n)
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

int main(void)
{
  char md[256], sub[300], name[300], *big, *back;
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
  CHECK(maildir_deliver(md, "Delivered-To: x\n", 16, &in, "host/a:b", &step) == 0);
  snprintf(sub, sizeof sub, "%s/new", md);
  CHECK(count(sub, name, sizeof name) == 1);
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
  CHECK(count(sub, 0, 0) == 0);

  t_name = "empty message, second name";
  feed("", 0);
  CHECK(maildir_deliver(md, "", 0, &in, "h", &step) == 0);
  snprintf(sub, sizeof sub, "%s/new", md);
  CHECK(count(sub, 0, 0) == 2);

  t_name = "read error";
  feed(big, n);
  failat = 5000;
  step = 0;
  CHECK(maildir_deliver(md, "", 0, &in, "h", &step) == -1 && errno == EIO && step && !strcmp(step, "read"));
  CHECK(count(sub, 0, 0) == 2);
  snprintf(sub, sizeof sub, "%s/tmp", md);
  CHECK(count(sub, 0, 0) == 0);

  t_name = "missing";
  feed("x", 1);
  CHECK(maildir_deliver(t_path("nope"), "", 0, &in, "h", &step) == -1 && errno == ENOENT);

  t_name = "symlinked maildir";
  CHECK(symlink(md, t_path("link")) == 0);
  snprintf(sub, sizeof sub, "%s", t_path("link"));
  feed("x", 1);
  CHECK(maildir_deliver(sub, "", 0, &in, "h", &step) == -1 && errno == ELOOP);

  t_name = "symlinked tmp";
  snprintf(sub, sizeof sub, "%s", t_path("M2"));
  mkmaildir(sub);
  snprintf(name, sizeof name, "%s/tmp", sub);
  rmdir(name);
  { char t[300]; snprintf(t, sizeof t, "%s/tmp", md); CHECK(symlink(t, name) == 0); }
  feed("x", 1);
  CHECK(maildir_deliver(sub, "", 0, &in, "h", &step) == -1 && errno == ELOOP);

  t_name = "symlinked new";
  snprintf(sub, sizeof sub, "%s", t_path("M3"));
  mkmaildir(sub);
  snprintf(name, sizeof name, "%s/new", sub);
  rmdir(name);
  { char t[300]; snprintf(t, sizeof t, "%s/new", md); CHECK(symlink(t, name) == 0); }
  feed("x", 1);
  CHECK(maildir_deliver(sub, "", 0, &in, "h", &step) == -1 && errno == ELOOP);
  snprintf(sub, sizeof sub, "%s/new", md);
  CHECK(count(sub, 0, 0) == 2);
  snprintf(sub, sizeof sub, "%s/tmp", t_path("M3"));
  CHECK(count(sub, 0, 0) == 0);
  free(big); free(back);
  return t_done();
}
