/* maildirmake.c: make a Maildir: dir, dir/tmp, dir/new, dir/cur, each
   mode 0700, then fsync them so the new names are durable.  Run by the
   user; maildirmake(1). */
#include <sys/stat.h>
#include <unistd.h>
#include "strerr.h"
#include "syncdir.h"

#define FATAL "maildirmake: fatal: "

static void mk(const char *d)
{
  if (mkdir(d, 0700) == -1) strerr_die4sys(111, FATAL, "unable to mkdir ", d, ": ");
}

int main(int argc, char **argv)
{
  if (argc != 2) strerr_die2x(100, "maildirmake: usage: ", "maildirmake name");
  umask(077);
  mk(argv[1]);
  if (syncdir_parent(argv[1]) == -1) strerr_die2sys(111, FATAL, "unable to sync the new directory: ");
  if (chdir(argv[1]) == -1) strerr_die4sys(111, FATAL, "unable to chdir to ", argv[1], ": ");
  mk("tmp");
  mk("new");
  mk("cur");
  if (syncdir_fsync(".") == -1)
    strerr_die2sys(111, FATAL, "unable to sync the new directories: ");
  _exit(0);
}
