/* prot.c: setgroups + setgid, then setuid; both verified after the call. */
#include <errno.h>
#include <grp.h>
#include <unistd.h>
#include "prot.h"

int prot_gid(gid_t gid)
{
  if (setgroups(1, &gid) == -1) return -1;
  if (setgid(gid) == -1) return -1;
  if (getgid() != gid || getegid() != gid) { errno = EPERM; return -1; }
  return 0;
}

int prot_uid(uid_t uid)
{
  if (setuid(uid) == -1) return -1;
  if (getuid() != uid || geteuid() != uid) { errno = EPERM; return -1; }
  return 0;
}
