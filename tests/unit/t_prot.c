/* t_prot: as root only (skipped otherwise): a child drops to an
   unprivileged gid and uid with prot_gid then prot_uid and checks every
   id (real, effective, saved, supplementary groups), that it cannot get
   root back, and that the opposite order fails (prot_gid after prot_uid
   is refused: the reason for the order). */
#include <errno.h>
#include <grp.h>
#include <sys/wait.h>
#include <unistd.h>
#include "prot.h"
#include "t.h"

#define U 54321
#define G 54322

static int child(int order)
{
  uid_t r, e, s;
  gid_t gr, ge, gs, list[8];
  int n;
  if (order) { /* uid first: the gid change must then fail */
    if (prot_uid(U) == -1) return 10;
    return prot_gid(G) == -1 && errno == EPERM ? 0 : 11;
  }
  if (prot_gid(G) == -1) return 1;
  if (prot_uid(U) == -1) return 2;
  if (getresuid(&r, &e, &s) == -1 || r != U || e != U || s != U) return 3;
  if (getresgid(&gr, &ge, &gs) == -1 || gr != G || ge != G || gs != G) return 4;
  n = getgroups(8, list);
  if (n != 1 || list[0] != G) return 5;
  if (setuid(0) != -1 || seteuid(0) != -1) return 6;
  if (prot_uid(0) != -1 || errno != EPERM) return 7;
  if (setgroups(0, 0) != -1) return 8;
  return 0;
}

int main(void)
{
  int order, st;
  if (geteuid() != 0) {
    printf("skip: t_prot needs root\n");
    return t_done();
  }
  for (order = 0; order < 2; ++order) {
    pid_t pid = fork();
    t_name = order ? "uid first is refused" : "drop and verify";
    if (pid == 0) _exit(child(order));
    CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st));
    CHECK(WEXITSTATUS(st) == 0);
    if (WEXITSTATUS(st)) fprintf(stderr, "child step %d failed\n", WEXITSTATUS(st));
  }
  t_name = "still root here";
  CHECK(geteuid() == 0);
  return t_done();
}
