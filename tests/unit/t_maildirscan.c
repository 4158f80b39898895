/* t_maildirscan: listing a Maildir for a reader: order by mtime to the
   nanosecond then name, sizes, dot files and directories skipped, the
   unique name, finding a message another reader renamed, tmp/ cleaning,
   a missing new/, and a thousand messages (the list grows). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include "maildirscan.h"
#include "t.h"

static void mkfile(const char *fn, const char *data, time_t sec, long nsec)
{
  struct timespec ts[2];
  FILE *f = fopen(fn, "w");
  if (!f) { perror(fn); _exit(2); }
  fputs(data, f);
  fclose(f);
  ts[0].tv_sec = sec; ts[0].tv_nsec = nsec;
  ts[1].tv_sec = sec; ts[1].tv_nsec = nsec;
  utimensat(AT_FDCWD, fn, ts, 0);
}

int main(void)
{
  struct maildirlist ml = MAILDIRLIST_ZERO;
  const char *u;
  size_t len, i;
  char fn[64];
  int ok;

  if (chdir(t_tmpdir()) == -1) return 2;
  t_name = "missing new/";
  errno = 0;
  CHECK(maildirscan(&ml) == 0 && errno == ENOENT && ml.len == 0);

  mkdir("new", 0700); mkdir("cur", 0700); mkdir("tmp", 0700);
  t_name = "empty";
  CHECK(maildirscan(&ml) == 1 && ml.len == 0);

  t_name = "order and sizes";
  mkfile("new/b", "12345", 1000, 5);
  mkfile("new/a", "1", 1000, 5);
  mkfile("cur/c:2,S", "123", 1000, 1);
  mkfile("cur/d:2,", "", 999, 999999999);
  mkfile("new/.hidden", "x", 1, 0);
  mkdir("cur/adir", 0700);
  CHECK(maildirscan(&ml) == 1);
  CHECK(ml.len == 4);
  if (ml.len == 4) {
    CHECKSTR(ml.m[0].fn.s, "cur/d:2,");
    CHECKSTR(ml.m[1].fn.s, "cur/c:2,S");
    CHECKSTR(ml.m[2].fn.s, "new/a");
    CHECKSTR(ml.m[3].fn.s, "new/b");
    CHECK(ml.m[0].size == 0 && ml.m[1].size == 3 && ml.m[2].size == 1 && ml.m[3].size == 5);
  }

  t_name = "uid";
  u = maildirscan_uid("cur/c:2,S", &len); CHECK(len == 1 && *u == 'c');
  u = maildirscan_uid("new/1234.M5P6.host", &len); CHECK(len == 14 && *u == '1');
  u = maildirscan_uid("cur/x:y:z", &len); CHECK(len == 1 && *u == 'x');
  u = maildirscan_uid("cur/:2,", &len); CHECK(len == 0);

  t_name = "find a renamed message";
  CHECK(rename("new/a", "cur/a:2,RS") == 0);
  if (ml.len == 4) {
    CHECK(maildirscan_find(&ml.m[2]) == 1);
    CHECKSTR(ml.m[2].fn.s, "cur/a:2,RS");
    CHECK(unlink("cur/a:2,RS") == 0);
    CHECK(maildirscan_find(&ml.m[2]) == 0);
    CHECKSTR(ml.m[2].fn.s, "cur/a:2,RS");
    /* "c" must not match "cx" */
    CHECK(rename("cur/c:2,S", "cur/cx:2,S") == 0);
    CHECK(maildirscan_find(&ml.m[1]) == 0);
  }

  t_name = "tmp/ cleaning";
  mkfile("tmp/old", "x", 1000, 0);
  mkfile("tmp/fresh", "x", 200000, 0);
  mkdir("tmp/dir", 0700);
  CHECK(maildirscan_clean(200000) == 0);
  CHECK(access("tmp/old", F_OK) == -1 && errno == ENOENT);
  CHECK(access("tmp/fresh", F_OK) == 0);
  CHECK(access("tmp/dir", F_OK) == 0);

  t_name = "a thousand";
  for (i = 0; i < 1000; ++i) {
    snprintf(fn, sizeof fn, "new/m%04zu", 999 - i);
    mkfile(fn, "x", 5000, (long)i);
  }
  CHECK(maildirscan(&ml) == 1);
  CHECK(ml.len == 1003);
  ok = ml.len == 1003;
  for (i = 0; ok && i < 1000; ++i) {
    snprintf(fn, sizeof fn, "new/m%04zu", 999 - i);
    if (strcmp(ml.m[3 + i].fn.s, fn)) ok = 0;
  }
  CHECK(ok);
  maildirscan_free(&ml);
  CHECK(ml.len == 0 && ml.m == 0);
  return t_done();
}
