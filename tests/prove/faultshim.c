/* faultshim.c: an LD_PRELOAD library of the tests (never installed) that
   makes one chosen system call fail, to prove that a fault at any write,
   fsync, link or rename ends in a temporary failure and never in a false
   success or a bounce.
     FAULTSHIM=op:N:err[,op:N:err...]   the Nth call (from 1) of op in the
         process fails with err; "N+" fails the Nth and every later call.
         op: write (write, writev, pwrite), fsync (fsync, fdatasync), link
         (link, linkat), rename (rename, renameat); err: ENOSPC, EIO, EDQUOT
     FAULTSHIM_PROG=name  only a process whose program name is name is
         faulted (the shim may be inherited by a whole process tree)
     FAULTSHIM_MINFD=k    write and fsync on descriptors below k are neither
         counted nor failed (so a program's report to fd 1 is left alone)
     FAULTSHIM_FILE=file  read the rules from file instead (at the first
         call), so each new process of a running system takes new rules
     FAULTSHIM_LOG=file   keep "prog write=N fsync=N link=N rename=N" (the
         calls so far) in file.PID, rewritten at each call (programs that
         end with _exit run no destructor)
   The dynamic loader ignores LD_PRELOAD for set-id programs, so a setuid
   program must be run as a non-set-id copy under the right account. */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <unistd.h>

enum { W, S, L, R, NOPS };
static const char *opname[NOPS] = { "write", "fsync", "link", "rename" };
static unsigned long count[NOPS];
struct rule { int op; unsigned long n; int plus; int err; };
static struct rule rules[16];
static int nrules = -1, active, minfd, logfd = -1;
static ssize_t (*realpwrite)(int, const void *, size_t, off_t);

static void setup(void)
{
  const char *s = getenv("FAULTSHIM"), *ff = getenv("FAULTSHIM_FILE"), *p = getenv("FAULTSHIM_PROG"), *m = getenv("FAULTSHIM_MINFD");
  char buf[512], fbuf[512], *tok, *save = 0;
  nrules = 0;
  if (ff) {
    static ssize_t (*rd)(int, void *, size_t);
    int fd = open(ff, O_RDONLY);
    ssize_t r = -1;
    if (!rd) rd = (ssize_t (*)(int, void *, size_t))dlsym(RTLD_NEXT, "read");
    if (fd != -1) { r = rd(fd, fbuf, sizeof fbuf - 1); close(fd); }
    fbuf[r > 0 ? r : 0] = 0;
    fbuf[strcspn(fbuf, "\n")] = 0;
    s = fbuf;
  }
  active = !p || !strcmp(p, program_invocation_short_name);
  minfd = m ? atoi(m) : 0;
  if (active && getenv("FAULTSHIM_LOG")) {
    snprintf(buf, sizeof buf, "%s.%ld", getenv("FAULTSHIM_LOG"), (long)getpid());
    logfd = open(buf, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
    realpwrite = (ssize_t (*)(int, const void *, size_t, off_t))dlsym(RTLD_NEXT, "pwrite");
  }
  if (!s || strlen(s) >= sizeof buf) return;
  strcpy(buf, s);
  for (tok = strtok_r(buf, ",", &save); tok && nrules < 16; tok = strtok_r(0, ",", &save)) {
    char op[16], e[16], plus = 0;
    unsigned long n;
    int k;
    if (sscanf(tok, "%15[a-z]:%lu%c", op, &n, &plus) < 2) continue;
    { const char *c = strrchr(tok, ':'); if (!c) continue; snprintf(e, sizeof e, "%s", c + 1); }
    for (k = 0; k < NOPS; ++k) if (!strcmp(op, opname[k])) break;
    if (k == NOPS) continue;
    rules[nrules].op = k; rules[nrules].n = n; rules[nrules].plus = plus == '+';
    rules[nrules].err = !strcmp(e, "EIO") ? EIO : !strcmp(e, "EDQUOT") ? EDQUOT : ENOSPC;
    ++nrules;
  }
}

/* count one call of op; 0 to go ahead, else the errno to fail with */
static int fault(int op)
{
  int i;
  if (nrules < 0) setup();
  ++count[op];
  if (!active) return 0;
  if (logfd != -1) {
    char line[160];
    int n = snprintf(line, sizeof line, "%s write=%lu fsync=%lu link=%lu rename=%lu\n        ",
                     program_invocation_short_name, count[W], count[S], count[L], count[R]);
    if (realpwrite(logfd, line, (size_t)n, 0) < 0) { /* the count is only advice */ }
  }
  for (i = 0; i < nrules; ++i)
    if (rules[i].op == op && (count[op] == rules[i].n || (rules[i].plus && count[op] > rules[i].n)))
      return rules[i].err;
  return 0;
}

#define NEXT(type, name, args) static type (*real) args; if (!real) real = (type (*) args)dlsym(RTLD_NEXT, name)

ssize_t write(int fd, const void *b, size_t n)
{
  NEXT(ssize_t, "write", (int, const void *, size_t));
  if (fd >= minfd) { int e = fault(W); if (e) { errno = e; return -1; } }
  return real(fd, b, n);
}
ssize_t writev(int fd, const struct iovec *v, int n)
{
  NEXT(ssize_t, "writev", (int, const struct iovec *, int));
  if (fd >= minfd) { int e = fault(W); if (e) { errno = e; return -1; } }
  return real(fd, v, n);
}
ssize_t pwrite(int fd, const void *b, size_t n, off_t off)
{
  NEXT(ssize_t, "pwrite", (int, const void *, size_t, off_t));
  if (fd >= minfd) { int e = fault(W); if (e) { errno = e; return -1; } }
  return real(fd, b, n, off);
}
int fsync(int fd)
{
  NEXT(int, "fsync", (int));
  if (fd >= minfd) { int e = fault(S); if (e) { errno = e; return -1; } }
  return real(fd);
}
int fdatasync(int fd)
{
  NEXT(int, "fdatasync", (int));
  if (fd >= minfd) { int e = fault(S); if (e) { errno = e; return -1; } }
  return real(fd);
}
int link(const char *a, const char *b)
{
  NEXT(int, "link", (const char *, const char *));
  { int e = fault(L); if (e) { errno = e; return -1; } }
  return real(a, b);
}
int linkat(int fa, const char *a, int fb, const char *b, int fl)
{
  NEXT(int, "linkat", (int, const char *, int, const char *, int));
  { int e = fault(L); if (e) { errno = e; return -1; } }
  return real(fa, a, fb, b, fl);
}
int rename(const char *a, const char *b)
{
  NEXT(int, "rename", (const char *, const char *));
  { int e = fault(R); if (e) { errno = e; return -1; } }
  return real(a, b);
}
int renameat(int fa, const char *a, int fb, const char *b)
{
  NEXT(int, "renameat", (int, const char *, int, const char *));
  { int e = fault(R); if (e) { errno = e; return -1; } }
  return real(fa, a, fb, b);
}
