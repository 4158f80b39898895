/* tcpto.c: the lock/tcpto table (tcpto.h). */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "ip.h"
#include "lock.h"
#include "open.h"
#include "tcpto.h"

static void key(const unsigned char ip[16], unsigned char k[4], unsigned char *fam)
{
  if (ip6_isv4mapped(ip)) { memcpy(k, ip + 12, 4); *fam = 0; return; }
  {
    unsigned long h = 2166136261UL;
    int i;
    for (i = 0; i < 16; ++i) { h ^= ip[i]; h = (h * 16777619UL) & 0xffffffffUL; }
    k[0] = (unsigned char)(h >> 24); k[1] = (unsigned char)(h >> 16);
    k[2] = (unsigned char)(h >> 8); k[3] = (unsigned char)h;
    *fam = 6;
  }
}

static unsigned long getle(const unsigned char *p)
{
  return (unsigned long)p[0] | ((unsigned long)p[1] << 8) | ((unsigned long)p[2] << 16) | ((unsigned long)p[3] << 24);
}

static void putle(unsigned char *p, unsigned long u)
{
  p[0] = (unsigned char)u; p[1] = (unsigned char)(u >> 8); p[2] = (unsigned char)(u >> 16); p[3] = (unsigned char)(u >> 24);
}

static int readall(int fd, unsigned char *buf)
{
  ssize_t r;
  size_t n = 0;
  memset(buf, 0, TCPTO_SIZE);
  if (lseek(fd, 0, SEEK_SET) == -1) return -1;
  while (n < TCPTO_SIZE) {
    r = read(fd, buf + n, TCPTO_SIZE - n);
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    if (!r) break;
    n += (size_t)r;
  }
  return 0;
}

static int writeall(int fd, const unsigned char *buf)
{
  ssize_t r;
  size_t n = 0;
  if (lseek(fd, 0, SEEK_SET) == -1) return -1;
  while (n < TCPTO_SIZE) {
    r = write(fd, buf + n, TCPTO_SIZE - n);
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    n += (size_t)r;
  }
  return 0;
}

static int find(const unsigned char *buf, const unsigned char k[4], unsigned char fam)
{
  int i;
  for (i = 0; i < TCPTO_SIZE / 16; ++i)
    if (buf[16 * i + 4] && !memcmp(buf + 16 * i, k, 4) && buf[16 * i + 5] == fam) return i;
  return -1;
}

int tcpto_skip(const unsigned char ip[16])
{
  unsigned char buf[TCPTO_SIZE], k[4], fam;
  int fd, i, r = 0;
  unsigned long when, now = (unsigned long)time(0);
  fd = open_read(TCPTO_FILE);
  if (fd == -1) return 0;
  if (lock_ex(fd) == -1 || readall(fd, buf) == -1) { close(fd); return 0; }
  close(fd);
  key(ip, k, &fam);
  i = find(buf, k, fam);
  if (i >= 0 && buf[16 * i + 4] >= 2) {
    when = getle(buf + 16 * i + 8);
    if (now >= when && now - when < (60UL + ((unsigned long)getpid() & 31)) * 64) r = 1;
  }
  return r;
}

void tcpto_record(const unsigned char ip[16], int timedout)
{
  unsigned char buf[TCPTO_SIZE], k[4], fam, *rec;
  int fd, i, j;
  unsigned long now = (unsigned long)time(0), when;
  fd = open_readwrite(TCPTO_FILE);
  if (fd == -1) return;
  if (lock_ex(fd) == -1 || readall(fd, buf) == -1) { close(fd); return; }
  key(ip, k, &fam);
  i = find(buf, k, fam);
  if (!timedout) {
    if (i >= 0) { buf[16 * i + 4] = 0; writeall(fd, buf); }
    close(fd);
    return;
  }
  if (i >= 0) {
    rec = buf + 16 * i;
    when = getle(rec + 8);
    if (now >= when && now - when < 120) { close(fd); return; }
    if (rec[4] < 10) ++rec[4];
  } else {
    /* a free slot, else the oldest by time + count * 1024 */
    unsigned long best = 0, v;
    j = -1;
    for (i = 0; i < TCPTO_SIZE / 16; ++i) {
      if (!buf[16 * i + 4]) { j = i; break; }
      v = getle(buf + 16 * i + 8) + 1024UL * buf[16 * i + 4];
      if (j == -1 || v < best) { j = i; best = v; }
    }
    rec = buf + 16 * j;
    memset(rec, 0, 16);
    memcpy(rec, k, 4);
    rec[4] = 1;
    rec[5] = fam;
  }
  putle(rec + 8, now);
  writeall(fd, buf);
  close(fd);
}

int tcpto_clean(const char *fn)
{
  unsigned char buf[TCPTO_SIZE];
  int fd = open_readwrite(fn), r;
  if (fd == -1) return -1;
  memset(buf, 0, sizeof buf);
  r = lock_ex(fd) == -1 ? -1 : writeall(fd, buf);
  if (r == 0) r = ftruncate(fd, TCPTO_SIZE);
  { int e = errno; close(fd); errno = e; }
  return r;
}

int tcpto_read(char out[TCPTO_SIZE])
{
  int fd = open_read(TCPTO_FILE), r;
  if (fd == -1) return -1;
  r = lock_ex(fd) == -1 ? -1 : readall(fd, (unsigned char *)out);
  { int e = errno; close(fd); errno = e; }
  return r;
}
