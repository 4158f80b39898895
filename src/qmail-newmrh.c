/* qmail-newmrh.c: compile HOME/control/morercpthosts (one host per line)
   into control/morercpthosts.cdb (keys lowercased, empty data), written
   to a .tmp file, fsynced and renamed.  Run by root; qmail-newmrh(8). */
#include <stdio.h> /* rename only */
#include <unistd.h>
#include <sys/stat.h>
#include "auto.h"
#include "case.h"
#include "cdbmake.h"
#include "control.h"
#include "open.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"
#include "syncdir.h"

#define FATAL "qmail-newmrh: fatal: "
#define TMP "control/morercpthosts.tmp"

static void die_write(void) { strerr_die2sys(111, FATAL, "unable to write " TMP ": "); }

int main(void)
{
  stralloc hosts = STRALLOC_ZERO;
  struct cdbmake cdb;
  size_t pos, len;
  int fd;

  umask(033);
  if (chdir(auto_home) == -1) strerr_die4sys(111, FATAL, "unable to chdir to ", auto_home, ": ");
  if (control_readfile(&hosts, "control/morercpthosts") == -1)
    strerr_die2sys(111, FATAL, "unable to read control/morercpthosts: ");
  fd = open_trunc(TMP);
  if (fd == -1) strerr_die2sys(111, FATAL, "unable to create " TMP ": ");
  if (cdbmake_start(&cdb, fd) == -1) die_write();
  for (pos = 0; pos < hosts.len; pos += len + 1) {
    len = str_len(hosts.s + pos);
    case_lowerb(hosts.s + pos, len);
    if (cdbmake_add(&cdb, hosts.s + pos, len, "", 0) == -1) die_write();
  }
  if (cdbmake_finish(&cdb) == -1) die_write();
  if (fsync_fd(fd) == -1 || close(fd) == -1) die_write();
  if (rename(TMP, "control/morercpthosts.cdb") == -1)
    strerr_die2sys(111, FATAL, "unable to move " TMP " to control/morercpthosts.cdb: ");
  if (syncdir_fsync("control") == -1) strerr_die2sys(111, FATAL, "unable to sync control/: ");
  _exit(0);
}
