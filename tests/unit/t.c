/* t.c: counters, the closing line of every unit-test program, and the
   scratch directory, child-capture and in-memory reader helpers. */
#include <errno.h>
#include <ftw.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include "t.h"
unsigned long t_pass = 0, t_fail = 0;
const char *t_name = "";

int t_done(void)
{
  printf("%lu passed, %lu failed\n", t_pass, t_fail);
  return t_fail ? 1 : 0;
}

static char tmpdir[64];
static pid_t tmpowner;

static int rmone(const char *p, const struct stat *st, int flag, struct FTW *f)
{
  (void)st; (void)flag; (void)f;
  return remove(p) == -1 && errno != ENOENT ? -1 : 0;
}

static void cleanup(void)
{
  if (tmpdir[0] && getpid() == tmpowner) nftw(tmpdir, rmone, 16, FTW_DEPTH | FTW_PHYS);
}

const char *t_tmpdir(void)
{
  if (tmpdir[0]) return tmpdir;
  strcpy(tmpdir, "/tmp/quail-unit.XXXXXX");
  if (!mkdtemp(tmpdir)) { perror("mkdtemp"); exit(2); }
  tmpowner = getpid();
  atexit(cleanup);
  return tmpdir;
}

const char *t_path(const char *name)
{
  static char buf[256];
  snprintf(buf, sizeof buf, "%s/%s", t_tmpdir(), name);
  return buf;
}

size_t t_capture(void (*fn)(void *), void *arg, char *out, size_t outlen, int *status)
{
  int pi[2];
  size_t got = 0;
  pid_t pid;
  if (pipe(pi) == -1) { perror("pipe"); exit(2); }
  fflush(stdout); fflush(stderr);
  pid = fork();
  if (pid == -1) { perror("fork"); exit(2); }
  if (pid == 0) {
    close(pi[0]);
    if (dup2(pi[1], 2) == -1) _exit(98);
    close(pi[1]);
    fn(arg);
    _exit(99);
  }
  close(pi[1]);
  for (;;) {
    ssize_t r = read(pi[0], out + got, outlen - 1 - got);
    if (r == -1 && errno == EINTR) continue;
    if (r <= 0) break;
    got += (size_t)r;
    if (got == outlen - 1) break;
  }
  out[got] = 0;
  close(pi[0]);
  while (waitpid(pid, status, 0) == -1 && errno == EINTR) ;
  return got;
}

static const char *memsrc;
static size_t memlen, mempos, memchunk, memfailat = SIZE_MAX;
static int memerr;

void t_memsrc(const char *s, size_t len, size_t chunk)
{
  memsrc = s; memlen = len; mempos = 0; memchunk = chunk ? chunk : SIZE_MAX;
  memfailat = SIZE_MAX; memerr = 0;
}

void t_memfail(size_t at, int err) { memfailat = at; memerr = err; }

size_t t_memleft(void) { return memlen - mempos; }

ssize_t t_memread(int fd, char *buf, size_t len)
{
  (void)fd;
  if (mempos >= memfailat) { errno = memerr; return -1; }
  if (len > memchunk) len = memchunk;
  if (len > memlen - mempos) len = memlen - mempos;
  memcpy(buf, memsrc + mempos, len);
  mempos += len;
  return (ssize_t)len;
}
