/* instcheck: verifies every path of hier.c: type, owner, group and mode.
   Prints one warning line per difference and exits 111 if there was any,
   0 when the installed tree matches the table. */
#include <errno.h>
#include <sys/stat.h>
#include "auto.h"
#include "fmt.h"
#include "hier.h"
#include "qids.h"
#include "stralloc.h"
#include "strerr.h"

#define WARNING "instcheck: warning: "
#define FATAL "instcheck: fatal: "

static int flagbad = 0;

static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }

static const char *path(const char *sub)
{
  const char *f = hier_path(sub);
  if (!f) die_nomem();
  return f;
}

static void perm(const char *f, mode_t type, int u, int g, int mode)
{
  struct stat st;
  char want[FMT_ULONG], have[FMT_ULONG];
  if (lstat(f, &st) == -1) {
    flagbad = 1;
    if (errno == ENOENT) strerr_warn3x(WARNING, f, " does not exist");
    else strerr_warn4sys(WARNING, "unable to stat ", f, ": ");
    return;
  }
  if ((st.st_mode & S_IFMT) != type) { flagbad = 1; strerr_warn3x(WARNING, f, " has wrong type"); return; }
  if (st.st_uid != hier_uid(u)) { flagbad = 1; strerr_warn3x(WARNING, f, " has wrong owner"); }
  if (st.st_gid != hier_gid(g)) { flagbad = 1; strerr_warn3x(WARNING, f, " has wrong group"); }
  if ((int)(st.st_mode & 07777) != mode) {
    flagbad = 1;
    want[fmt_8long(want, (unsigned long)mode)] = 0;
    have[fmt_8long(have, (unsigned long)(st.st_mode & 07777))] = 0;
    strerr_warn(0, WARNING, f, " has wrong permissions (", have, ", expected ", want, ")", (char *)0);
  }
}

void h(int u, int g, int mode) { perm(path(0), S_IFDIR, u, g, mode); }
void d(const char *sub, int u, int g, int mode) { perm(path(sub), S_IFDIR, u, g, mode); }
void p(const char *sub, int u, int g, int mode) { perm(path(sub), S_IFIFO, u, g, mode); }
void z(const char *sub, unsigned long len, int u, int g, int mode) { perm(path(sub), S_IFREG, u, g, mode); }

void c(const char *sub, const char *file, const char *from, int u, int g, int mode)
{
  stralloc s = STRALLOC_ZERO;
  if (!stralloc_copys(&s, sub) || !stralloc_cats(&s, "/") || !stralloc_cats(&s, file) || !stralloc_0(&s)) die_nomem();
  perm(path(s.s), S_IFREG, u, g, mode);
  stralloc_free(&s);
}

int main(void)
{
  const char *missing = 0;
  int r = qids_get(&hier_ids, &missing);
  if (r == -1) strerr_die2sys(111, FATAL, "unable to look up accounts: ");
  if (r == 0) strerr_die4x(111, FATAL, "account or group ", missing, " does not exist");
  hier();
  return flagbad ? 111 : 0;
}
