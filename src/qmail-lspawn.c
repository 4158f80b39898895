/* qmail-lspawn.c: runs local deliveries for qmail-send.  Started by
   qmail-start as root; commands on fd 0, reports on fd 1 (spawn.h).  Per
   delivery it finds the user (users/cdb, else qmail-getpw as qmailp) and
   runs qmail-local under that user's uid and gid, never as root.
   Exit codes and report texts: qmail-lspawn(8). */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "auto.h"
#include "byte.h"
#include "cdb.h"
#include "error.h"
#include "fd.h"
#include "open.h"
#include "prot.h"
#include "qids.h"
#include "scan.h"
#include "spawn.h"
#include "str.h"
#include "stralloc.h"
#include "usercdb.h"
#include "wait.h"

/* exit codes of the delivery child (qlx), turned into reports below */
#define QLX_USAGE 112
#define QLX_ROOT 113
#define QLX_NFS 115
#define QLX_NOALIAS 116
#define QLX_CDB 117
#define QLX_SYS 118
#define QLX_NOMEM 119
#define QLX_EXECSOFT 120
#define QLX_EXECPW 121
#define QLX_EXECHARD 126
#define GETPWMAX 4096 /* longest qmail-getpw answer read */

static const char *aliasempty;
static struct qids ids;
static stralloc fields;

static void init(int argc, char **argv)
{
  const char *missing;
  if (argc < 2 || !*argv[1]) _exit(100);
  aliasempty = argv[1];
  if (qids_get(&ids, &missing) != 1) _exit(111);
}

/* users/cdb: 1 found, 0 no database or no entry; exits on trouble */
static int cdblookup(const char *local, size_t len)
{
  struct cdb c;
  int fd, r;
  fd = open_read("users/cdb");
  if (fd == -1) {
    if (errno == ENOENT) return 0;
    _exit(QLX_CDB);
  }
  cdb_init(&c, fd);
  r = usercdb_find(&c, local, len, &fields);
  cdb_free(&c);
  close(fd);
  if (r == -1) _exit(errno == ENOMEM ? QLX_NOMEM : QLX_CDB);
  return r;
}

/* bin/qmail-getpw local, as qmailp:nofiles; its failure code is ours */
static void getpw(const char *local)
{
  char *args[3];
  char buf[128];
  int pi[2], wstat;
  ssize_t r;
  pid_t pid;

  if (pipe(pi) == -1) _exit(QLX_SYS);
  pid = fork();
  if (pid == -1) _exit(QLX_SYS);
  if (pid == 0) {
    close(pi[0]);
    if (fd_move(1, pi[1]) == -1) _exit(QLX_SYS);
    if (prot_gid(ids.nofiles) == -1) _exit(QLX_SYS);
    if (prot_uid(ids.qmailp) == -1) _exit(QLX_SYS);
    args[0] = (char *)"bin/qmail-getpw";
    args[1] = (char *)local;
    args[2] = 0;
    execv(*args, args);
    _exit(QLX_EXECPW);
  }
  close(pi[1]);
  fields.len = 0;
  for (;;) {
    do r = read(pi[0], buf, sizeof buf); while (r == -1 && errno == EINTR);
    if (r <= 0) break;
    if (fields.len + (size_t)r > GETPWMAX) continue; /* too long: refused below */
    if (!stralloc_catb(&fields, buf, (size_t)r)) _exit(QLX_NOMEM);
  }
  close(pi[0]);
  if (wait_pid(&wstat, pid) != pid) _exit(QLX_SYS);
  if (wait_crashed(wstat)) _exit(QLX_SYS);
  if (wait_exitcode(wstat)) _exit(wait_exitcode(wstat));
  if (r == -1) _exit(QLX_SYS);
}

/* fields holds six NUL-terminated strings */
static void split(char **f)
{
  size_t i, k = 0, start = 0;
  for (i = 0; i < fields.len && k < 6; ++i)
    if (!fields.s[i]) { f[k++] = fields.s + start; start = i + 1; }
  if (k != 6 || i != fields.len) _exit(QLX_SYS);
}

static void child(const char *sender, const char *recip, size_t at)
{
  static stralloc local = STRALLOC_ZERO;
  char *f[6], *args[11];
  unsigned long uid, gid;

  if (at == 0) _exit(0); /* "@host": nobody, and nothing to do */
  if (!stralloc_copyb(&local, recip, at) || !stralloc_0(&local)) _exit(QLX_NOMEM);
  if (byte_chr(local.s, at, 0) != at) _exit(QLX_USAGE);
  if (chdir(auto_home) == -1) _exit(QLX_SYS);
  if (!cdblookup(local.s, at)) getpw(local.s);
  split(f);
  if (!f[0][0] || f[3][0] != '/') _exit(QLX_CDB);
  if (f[1][scan_ulong(f[1], &uid)] || !f[1][0]) _exit(QLX_CDB);
  if (f[2][scan_ulong(f[2], &gid)] || !f[2][0]) _exit(QLX_CDB);
  if (uid == 0 || (uid_t)uid != uid || (gid_t)gid != gid) _exit(QLX_ROOT);
  if (prot_gid((gid_t)gid) == -1) _exit(QLX_SYS);
  if (prot_uid((uid_t)uid) == -1) _exit(QLX_SYS);
  if (getuid() == 0 || geteuid() == 0) _exit(QLX_ROOT);
  args[0] = (char *)"bin/qmail-local";
  args[1] = (char *)"--";
  args[2] = f[0]; args[3] = f[3]; args[4] = local.s; args[5] = f[4]; args[6] = f[5];
  args[7] = (char *)recip + at + 1;
  args[8] = (char *)sender;
  args[9] = (char *)aliasempty;
  args[10] = 0;
  execv(*args, args);
  _exit(error_temp(errno) ? QLX_EXECSOFT : QLX_EXECHARD);
}

static int fixed(stralloc *rep, const char *s) { return stralloc_copys(rep, s); }

static int report(stralloc *rep, int wstat, const char *out, size_t len)
{
  len = byte_chr(out, len, 0);
  if (wait_crashed(wstat)) return fixed(rep, "Zqmail-local crashed.");
  switch (wait_exitcode(wstat)) {
    case QLX_USAGE: return fixed(rep, "ZInternal qmail-lspawn bug.");
    case QLX_ROOT: return fixed(rep, "ZNot allowed to perform deliveries as root.");
    case QLX_NFS: return fixed(rep, "ZNFS failure in qmail-local.");
    case QLX_NOALIAS: return fixed(rep, "ZUnable to find alias user!");
    case QLX_CDB: return fixed(rep, "ZTrouble reading users/cdb in qmail-lspawn.");
    case QLX_SYS: return fixed(rep, "ZTemporary failure in qmail-lspawn.");
    case QLX_NOMEM: return fixed(rep, "ZOut of memory in qmail-lspawn.");
    case QLX_EXECSOFT: return fixed(rep, "ZUnable to run qmail-local.");
    case QLX_EXECPW: return fixed(rep, "ZUnable to run qmail-getpw.");
    case QLX_EXECHARD: return fixed(rep, "DUnable to run qmail-local.");
    case 0: if (!fixed(rep, "K")) return 0; break;
    case 111: case 71: case 74: case 75: if (!fixed(rep, "Z")) return 0; break;
    default: if (!fixed(rep, "D")) return 0; break;
  }
  return stralloc_catb(rep, out, len);
}

static const struct spawn_ops ops = { 3000, init, child, report };

int main(int argc, char **argv)
{
  _exit(spawn_main(argc, argv, &ops));
}
