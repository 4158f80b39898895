/* cdbmake.c: the cdb writer.  Records go out as they come; their hashes
   and positions are kept in memory, and cdbmake_finish writes the 256 hash
   tables after them and then the header at the start of the file.  Every
   32-bit position sum is checked: a database that would pass 4 GiB is
   refused with EOVERFLOW. */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include "alloc.h"
#include "buffer.h"
#include "cdb.h"
#include "cdbmake.h"

static void put32(char *b, uint32_t u)
{
  b[0] = (char)(u & 255); b[1] = (char)(u >> 8 & 255);
  b[2] = (char)(u >> 16 & 255); b[3] = (char)(u >> 24);
}

/* pos += n, refusing a position past the format's 4 GiB */
static int advance(uint32_t *pos, size_t n)
{
  if (n > UINT32_MAX - *pos) { errno = EOVERFLOW; return -1; }
  *pos += (uint32_t)n;
  return 0;
}

int cdbmake_start(struct cdbmake *c, int fd)
{
  char zero[256] = { 0 };
  int i;
  c->hp = 0; c->nhp = 0; c->ahp = 0;
  c->fd = fd;
  c->pos = 0;
  buffer_init(&c->b, buffer_unixwrite, fd, c->bspace, sizeof c->bspace);
  if (lseek(fd, 0, SEEK_SET) == -1) return -1;
  for (i = 0; i < 8; ++i)
    if (buffer_put(&c->b, zero, sizeof zero) == -1) return -1;
  c->pos = 2048;
  return 0;
}

int cdbmake_add(struct cdbmake *c, const char *key, size_t klen, const char *data, size_t dlen)
{
  char b[8];
  uint32_t pos = c->pos;
  if (klen > UINT32_MAX || dlen > UINT32_MAX) { errno = EOVERFLOW; return -1; }
  if (advance(&pos, 8) == -1 || advance(&pos, klen) == -1 || advance(&pos, dlen) == -1) return -1;
  /* each record later needs two 8-byte slots in the tables */
  if (c->nhp >= (UINT32_MAX - pos) / 16) { errno = EOVERFLOW; return -1; }
  if (c->nhp == c->ahp) {
    size_t a = c->ahp ? c->ahp : 64;
    if (c->ahp) {
      if (a > SIZE_MAX / 2 / sizeof *c->hp) { errno = EOVERFLOW; return -1; }
      a *= 2;
    }
    if (!alloc_re(&c->hp, c->nhp * sizeof *c->hp, a * sizeof *c->hp)) return -1;
    c->ahp = a;
  }
  put32(b, (uint32_t)klen);
  put32(b + 4, (uint32_t)dlen);
  if (buffer_put(&c->b, b, 8) == -1) return -1;
  if (buffer_put(&c->b, key, klen) == -1) return -1;
  if (buffer_put(&c->b, data, dlen) == -1) return -1;
  c->hp[c->nhp].h = cdb_hash(key, klen);
  c->hp[c->nhp].p = c->pos;
  ++c->nhp;
  c->pos = pos;
  return 0;
}

static int writeall(int fd, const char *s, size_t len)
{
  while (len) {
    ssize_t w = write(fd, s, len);
    if (w == -1) { if (errno == EINTR) continue; return -1; }
    s += w; len -= (size_t)w;
  }
  return 0;
}

int cdbmake_finish(struct cdbmake *c)
{
  char header[2048];
  char b[8];
  size_t count[256], start[256];
  size_t i, j, max = 0, slots;
  struct cdbmake_hp *split = 0, *table = 0;
  int r = -1;

  for (i = 0; i < 256; ++i) count[i] = 0;
  for (i = 0; i < c->nhp; ++i) ++count[c->hp[i].h & 255];
  for (i = 0; i < 256; ++i) if (count[i] > max) max = count[i];
  /* cdbmake_add kept nhp * 16 within the format, so these cannot wrap */
  split = alloc((c->nhp ? c->nhp : 1) * sizeof *split);
  if (!split) goto out;
  table = alloc((max ? 2 * max : 1) * sizeof *table);
  if (!table) goto out;

  j = 0;
  for (i = 0; i < 256; ++i) { j += count[i]; start[i] = j; }
  for (i = c->nhp; i-- > 0; ) split[--start[c->hp[i].h & 255]] = c->hp[i];

  for (i = 0; i < 256; ++i) {
    slots = count[i] * 2;
    put32(header + i * 8, c->pos);
    put32(header + i * 8 + 4, (uint32_t)slots);
    for (j = 0; j < slots; ++j) { table[j].h = 0; table[j].p = 0; }
    for (j = 0; j < count[i]; ++j) {
      const struct cdbmake_hp *e = split + start[i] + j;
      size_t k = (e->h >> 8) % slots;
      while (table[k].p) if (++k == slots) k = 0;
      table[k] = *e;
    }
    for (j = 0; j < slots; ++j) {
      put32(b, table[j].h);
      put32(b + 4, table[j].p);
      if (buffer_put(&c->b, b, 8) == -1) goto out;
    }
    if (advance(&c->pos, slots * 8) == -1) goto out;
  }
  if (buffer_flush(&c->b) == -1) goto out;
  if (lseek(c->fd, 0, SEEK_SET) == -1) goto out;
  if (writeall(c->fd, header, sizeof header) == -1) goto out;
  r = 0;
 out:
  alloc_free(split);
  alloc_free(table);
  alloc_free(c->hp);
  c->hp = 0; c->nhp = 0; c->ahp = 0;
  return r;
}
