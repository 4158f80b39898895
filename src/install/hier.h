/* hier: the install table.  hier() calls the operations below once per
   installed path; install.c and instcheck.c each define them, so the same
   list both creates the tree and verifies it.  Paths are relative to
   conf-home; owners and groups are indexes resolved through qids. */
#ifndef HIER_H
#define HIER_H
enum hier_user { U_ALIAS, U_QMAILD, U_QMAILL, U_OWNER, U_QMAILP, U_QMAILQ, U_QMAILR, U_QMAILS };
enum hier_group { G_QMAIL, G_NOFILES };
/* the home directory itself */
extern void h(int u, int g, int mode);
/* a directory */
extern void d(const char *sub, int u, int g, int mode);
/* a copy of the built file src/from into sub/file */
extern void c(const char *sub, const char *file, const char *from, int u, int g, int mode);
/* a file of len zero bytes, created only if missing */
extern void z(const char *sub, unsigned long len, int u, int g, int mode);
/* a named pipe */
extern void p(const char *sub, int u, int g, int mode);
extern void hier(void);
/* shared by both readers: the ids (filled by qids_get), the id of a table
   owner or group, and conf-home/sub (static; 0 when out of memory) */
#include <sys/types.h>
#include "qids.h"
extern struct qids hier_ids;
extern uid_t hier_uid(int u);
extern gid_t hier_gid(int g);
extern const char *hier_path(const char *sub);
#endif
