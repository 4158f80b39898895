/* qmail-newu.c: compile HOME/users/assign into HOME/users/cdb (the format
   of reference 7.2), atomically: cdb.tmp is written, fsynced, renamed,
   and users/ is fsynced.  Run by root.  Exit codes: qmail-newu(8). */
#include <errno.h>
#include <sys/stat.h>
#include <stdio.h> /* rename only */
#include <unistd.h>
#include "assign.h"
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "cdbmake.h"
#include "getln.h"
#include "open.h"
#include "stralloc.h"
#include "strerr.h"
#include "syncdir.h"

#define FATAL "qmail-newu: fatal: "
#define LINEMAX 65536 /* longest users/assign line */

static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void die_format(void) { strerr_die2x(111, FATAL, "bad format in users/assign"); }
static void die_read(void) { strerr_die2sys(111, FATAL, "unable to read users/assign: "); }
static void die_write(void) { strerr_die2sys(111, FATAL, "unable to write users/cdb.tmp: "); }

static stralloc line, key, data, wild;
static struct cdbmake cdb;

/* one "=local:" or "+loc:" line with six ':'-terminated fields after it */
static void assignment(void)
{
  struct assign a;
  int f;
  if (!assign_parse(&a, line.s, line.len)) die_format();
  if (!stralloc_copys(&key, "!") || !stralloc_catb(&key, a.local, a.locallen)) die_nomem();
  case_lowerb(key.s, key.len);
  if (a.kind == '=') { if (!stralloc_0(&key)) die_nomem(); }
  else if (a.locallen && byte_chr(wild.s, wild.len, key.s[key.len - 1]) == wild.len)
    if (!stralloc_append(&wild, key.s[key.len - 1])) die_nomem();
  data.len = 0;
  for (f = 0; f < ASSIGN_FIELDS; ++f) {
    if (f && !stralloc_0(&data)) die_nomem();
    if (!stralloc_catb(&data, a.field[f], a.fieldlen[f])) die_nomem();
  }
  if (cdbmake_add(&cdb, key.s, key.len, data.s ? data.s : "", data.len) == -1) die_write();
}

int main(void)
{
  char inspace[8192];
  buffer in;
  int fd, fdcdb, match;

  umask(033);
  if (chdir(auto_home) == -1) strerr_die4sys(111, FATAL, "unable to chdir to ", auto_home, ": ");
  fd = open_read("users/assign");
  if (fd == -1) strerr_die2sys(111, FATAL, "unable to open users/assign: ");
  buffer_init(&in, buffer_unixread, fd, inspace, sizeof inspace);
  fdcdb = open_trunc("users/cdb.tmp");
  if (fdcdb == -1) strerr_die2sys(111, FATAL, "unable to create users/cdb.tmp: ");
  if (cdbmake_start(&cdb, fdcdb) == -1) die_write();

  for (;;) {
    if (getln_max(&in, &line, &match, '\n', LINEMAX) == -1) {
      if (errno == E2BIG) die_format();
      die_read();
    }
    if (!match) die_format(); /* no "." line */
    --line.len;
    if (line.len == 1 && line.s[0] == '.') break;
    assignment();
  }
  if (cdbmake_add(&cdb, "", 0, wild.s ? wild.s : "", wild.len) == -1) die_write();
  if (cdbmake_finish(&cdb) == -1) die_write();
  if (fsync_fd(fdcdb) == -1) die_write();
  if (close(fdcdb) == -1) die_write();
  if (rename("users/cdb.tmp", "users/cdb") == -1)
    strerr_die2sys(111, FATAL, "unable to move users/cdb.tmp to users/cdb: ");
  if (syncdir_fsync("users") == -1) strerr_die2sys(111, FATAL, "unable to sync users/: ");
  _exit(0);
}
