/* prot: give up privileges, in this order: prot_gid (supplementary groups
   set to just gid, then gid), then prot_uid.  0, or -1 with errno. */
#ifndef PROT_H
#define PROT_H
#include <sys/types.h>
extern int prot_gid(gid_t gid);
extern int prot_uid(uid_t uid);
#endif
