/* cdb.c: the cdb reader.  Every position and length read from the file is
   checked against the file size before use (the arithmetic cannot wrap),
   and a lookup probes at most the slot count of its table, so a malformed
   or hostile file yields EPROTO, never a read out of bounds or a loop. */
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cdb.h"

uint32_t cdb_hash(const char *key, size_t len)
{
  uint32_t h = 5381;
  while (len--) h = ((h << 5) + h) ^ (unsigned char)*key++;
  return h;
}

static uint32_t get32(const unsigned char *b)
{
  return (uint32_t)b[0] | (uint32_t)b[1] << 8 | (uint32_t)b[2] << 16 | (uint32_t)b[3] << 24;
}

void cdb_free(struct cdb *c)
{
  if (c->map) munmap(c->map, c->size);
  c->map = 0;
}

void cdb_findstart(struct cdb *c) { c->loop = 0; }

void cdb_init(struct cdb *c, int fd)
{
  struct stat st;
  c->map = 0;
  c->fd = fd;
  c->size = UINT32_MAX; /* unknown: short reads will tell */
  cdb_findstart(c);
  c->dpos = c->dlen = 0;
  if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode)) return;
  /* the format addresses at most 4 GiB; bytes past that are unreachable */
  c->size = st.st_size > (off_t)UINT32_MAX ? UINT32_MAX : (uint32_t)st.st_size;
  if (c->size) {
    void *x = mmap(0, c->size, PROT_READ, MAP_SHARED, fd, 0);
    if (x != MAP_FAILED) c->map = x;
  }
}

int cdb_read(struct cdb *c, char *buf, uint32_t len, uint32_t pos)
{
  if (pos > c->size || len > c->size - pos) { errno = EPROTO; return -1; }
  if (c->map) {
    memcpy(buf, c->map + pos, len);
    return 0;
  }
  while (len) {
    ssize_t r = pread(c->fd, buf, len, (off_t)pos);
    if (r == -1) { if (errno == EINTR) continue; return -1; }
    if (r == 0) { errno = EPROTO; return -1; }
    buf += r; pos += (uint32_t)r; len -= (uint32_t)r;
  }
  return 0;
}

/* compare len bytes at pos with key: 1 equal, 0 different, -1 error */
static int match(struct cdb *c, const char *key, uint32_t len, uint32_t pos)
{
  char buf[64];
  while (len) {
    uint32_t n = len < sizeof buf ? len : (uint32_t)sizeof buf;
    if (cdb_read(c, buf, n, pos) == -1) return -1;
    if (memcmp(buf, key, n)) return 0;
    key += n; pos += n; len -= n;
  }
  return 1;
}

int cdb_findnext(struct cdb *c, const char *key, size_t len)
{
  unsigned char b[8];
  uint32_t pos, u;

  if (len > UINT32_MAX - 8) return 0; /* no record can hold it */
  if (!c->loop) {
    u = cdb_hash(key, len);
    if (cdb_read(c, (char *)b, 8, (u << 3) & 2047) == -1) return -1;
    c->hslots = get32(b + 4);
    if (!c->hslots) return 0;
    c->hpos = get32(b);
    if (c->hslots > (UINT32_MAX - c->hpos) / 8) { errno = EPROTO; return -1; }
    if ((uint32_t)(c->hpos + c->hslots * 8) > c->size) { errno = EPROTO; return -1; }
    c->khash = u;
    c->kpos = c->hpos + ((u >> 8) % c->hslots) * 8;
  }
  while (c->loop < c->hslots) {
    if (cdb_read(c, (char *)b, 8, c->kpos) == -1) return -1;
    pos = get32(b + 4);
    if (!pos) return 0;
    ++c->loop;
    c->kpos += 8;
    if (c->kpos == c->hpos + c->hslots * 8) c->kpos = c->hpos;
    if (get32(b) != c->khash) continue;
    if (cdb_read(c, (char *)b, 8, pos) == -1) return -1;
    if (get32(b) != len) continue;
    if (pos > UINT32_MAX - 8 - (uint32_t)len) { errno = EPROTO; return -1; }
    switch (match(c, key, (uint32_t)len, pos + 8)) {
      case -1: return -1;
      case 0: continue;
    }
    u = get32(b + 4);
    pos += 8 + (uint32_t)len;
    if (u > c->size - pos) { errno = EPROTO; return -1; } /* pos <= size: match read the key */
    c->dpos = pos;
    c->dlen = u;
    return 1;
  }
  return 0;
}

int cdb_find(struct cdb *c, const char *key, size_t len)
{
  cdb_findstart(c);
  return cdb_findnext(c, key, len);
}
