/* t_usercdb: users/cdb lookups as qmail-lspawn makes them: exact keys,
   the longest wildcard whose last byte is a wildcard character, case,
   the extension built from the stored prefix and the rest in its case,
   a database without the wildcard record or with short data. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
#include "cdb.h"
#include "cdbmake.h"
#include "str.h"
#include "stralloc.h"
#include "usercdb.h"
#include "t.h"

struct rec { const char *k; size_t kl; const char *d; size_t dl; };
#define R(k, d) { k, sizeof k - 1, d, sizeof d - 1 }

static int build(const char *fn, const struct rec *r, size_t n)
{
  static struct cdbmake cm;
  size_t i;
  int fd = open(fn, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd == -1) return -1;
  if (cdbmake_start(&cm, fd) == -1) return -1;
  for (i = 0; i < n; ++i)
    if (cdbmake_add(&cm, r[i].k, r[i].kl, r[i].d, r[i].dl) == -1) return -1;
  if (cdbmake_finish(&cm) == -1) return -1;
  return fd;
}

/* look local up; the six fields joined by '|' into buf */
static int look(int fd, const char *local, char *buf)
{
  struct cdb c;
  stralloc out = STRALLOC_ZERO;
  size_t i;
  int r;
  cdb_init(&c, fd);
  r = usercdb_find(&c, local, str_len(local), &out);
  cdb_free(&c);
  buf[0] = 0;
  if (r == 1) {
    for (i = 0; i < out.len; ++i) buf[i] = out.s[i] ? out.s[i] : '|';
    buf[out.len] = 0;
  }
  stralloc_free(&out);
  return r;
}

int main(void)
{
  static const struct rec good[] = {
    R("!joe\0", "joe\0" "507\0" "100\0" "/home/joe\0" "\0"),
    R("!joe-", "joe\0" "507\0" "100\0" "/home/joe\0" "-\0"),
    R("!joe-list-", "list\0" "9\0" "9\0" "/l\0" "-\0" "x-"),
    R("!", "alias\0" "7\0" "8\0" "/a\0" "-\0"),
    R("", "-"),
  };
  static const struct rec nowild[] = { R("!joe\0", "joe\0" "1\0" "1\0" "/h\0" "\0") };
  static const struct rec shortdata[] = { R("!joe\0", "joe\0" "1\0" "1\0" "/h"), R("", "-") };
  static const struct cases { const char *local; int r; const char *want; } tab[] = {
    { "joe", 1, "joe|507|100|/home/joe|||" },
    { "JoE", 1, "joe|507|100|/home/joe|||" },
    { "joe-Box", 1, "joe|507|100|/home/joe|-|Box|" },
    { "joe-list-Foo", 1, "list|9|9|/l|-|x-Foo|" },
    { "joe-lis", 1, "joe|507|100|/home/joe|-|lis|" },
    { "joey", 1, "alias|7|8|/a|-|joey|" },
    { "", 1, "alias|7|8|/a|-||" },
  };
  char fn[] = "/tmp/t_usercdbXXXXXX", buf[256];
  size_t i;
  int fd, tmp;

  tmp = mkstemp(fn);
  if (tmp == -1) return 111;
  close(tmp);
  t_name = "lookups";
  fd = build(fn, good, sizeof good / sizeof good[0]);
  CHECK(fd != -1);
  for (i = 0; i < sizeof tab / sizeof tab[0]; ++i) {
    t_name = tab[i].local;
    CHECK(look(fd, tab[i].local, buf) == tab[i].r);
    CHECKSTR(buf, tab[i].want);
  }
  close(fd);

  t_name = "no wildcard-character record: malformed";
  fd = build(fn, good, 3);
  /* without the wildcard-character record the database is malformed */
  CHECK(look(fd, "joe", buf) == -1 && errno == EPROTO);
  close(fd);
  fd = build(fn, nowild, 1);
  CHECK(look(fd, "joe", buf) == -1 && errno == EPROTO);
  close(fd);

  t_name = "wildcard characters limit the prefixes tried";
  {
    static const struct rec r[] = { R("!jo", "x\0" "1\0" "1\0" "/x\0" "\0"), R("", "-") };
    fd = build(fn, r, 2);
    CHECK(look(fd, "joe", buf) == 0);
    close(fd);
  }
  t_name = "no catch-all record: absent";
  {
    static const struct rec r[] = { R("!joe-", "joe\0" "1\0" "1\0" "/h\0" "-\0"), R("", "-") };
    fd = build(fn, r, 2);
    CHECK(look(fd, "nobody", buf) == 0);
    CHECK(look(fd, "joe-x", buf) == 1);
    CHECKSTR(buf, "joe|1|1|/h|-|x|");
    close(fd);
  }
  t_name = "data with fewer than six fields";
  fd = build(fn, shortdata, 2);
  CHECK(look(fd, "joe", buf) == -1 && errno == EPROTO);
  close(fd);
  t_name = "a file that is not a cdb";
  fd = open(fn, O_RDWR | O_TRUNC);
  CHECK(write(fd, "garbage", 7) == 7);
  CHECK(look(fd, "joe", buf) == -1);
  close(fd);
  unlink(fn);
  return t_done();
}
