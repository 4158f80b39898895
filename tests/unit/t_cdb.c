/* t_cdb: the reader, with databases written by cdbmake: 0, 1 and 10000
   records, duplicate keys through cdb_findnext, the read (unmapped) path,
   files written by freecdb's cdbmake and by tcprules (independent
   writers), and hostile files: truncated at every interesting length,
   header and slots pointing past the end, 0xffffffff lengths, a table
   without an empty slot, and random byte corruption.  Malformed files must give -1/EPROTO or 0,
   never a crash (ASan watches the reads). */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include "cdb.h"
#include "cdbmake.h"
#include "t.h"

static void put32(unsigned char *b, uint32_t u)
{
  b[0] = u & 255; b[1] = u >> 8 & 255; b[2] = u >> 16 & 255; b[3] = u >> 24;
}

static size_t keyname(char *buf, unsigned long i)
{
  return (size_t)snprintf(buf, 32, "key%lu", i);
}

static int make(const char *fn, unsigned long n)
{
  struct cdbmake cm;
  char k[32], d[40];
  unsigned long i;
  int fd = open(fn, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd == -1) return -1;
  if (cdbmake_start(&cm, fd) == -1) return -1;
  for (i = 0; i < n; ++i) {
    size_t kl = keyname(k, i);
    size_t dl = (size_t)snprintf(d, sizeof d, "data-%lu", i * 7);
    if (cdbmake_add(&cm, k, kl, d, dl) == -1) return -1;
  }
  if (cdbmake_finish(&cm) == -1) return -1;
  return close(fd);
}

/* look every key up: the number found with the right data */
static unsigned long lookall(struct cdb *c, unsigned long n)
{
  unsigned long i, good = 0;
  char k[32], d[40], got[40];
  for (i = 0; i < n; ++i) {
    size_t kl = keyname(k, i);
    size_t dl = (size_t)snprintf(d, sizeof d, "data-%lu", i * 7);
    if (cdb_find(c, k, kl) != 1) continue;
    if (cdb_datalen(c) != dl) continue;
    if (cdb_read(c, got, (uint32_t)dl, cdb_datapos(c)) == -1) continue;
    if (!memcmp(got, d, dl)) ++good;
  }
  return good;
}

/* lookups in a possibly malformed file: each answer must be 1, 0, or -1
   with EPROTO; returns how many were -1 */
static int hostile(const char *fn, int *bad)
{
  struct cdb c;
  char k[32], buf[64];
  int fd = open(fn, O_RDONLY), errors = 0;
  unsigned long i;
  if (fd == -1) { *bad = 1; return 0; }
  cdb_init(&c, fd);
  for (i = 0; i < 12; ++i) {
    size_t kl = keyname(k, i);
    int r;
    cdb_findstart(&c);
    while ((r = cdb_findnext(&c, k, kl)) == 1) {
      uint32_t l = cdb_datalen(&c) < sizeof buf ? cdb_datalen(&c) : sizeof buf;
      if (cdb_read(&c, buf, l, cdb_datapos(&c)) == -1) *bad = 1;
    }
    if (r == -1) { ++errors; if (errno != EPROTO) *bad = 1; }
    else if (r != 0) *bad = 1;
  }
  cdb_free(&c);
  close(fd);
  return errors;
}

static unsigned char *slurp(const char *fn, size_t *len)
{
  struct stat st;
  unsigned char *x;
  int fd = open(fn, O_RDONLY);
  if (fd == -1 || fstat(fd, &st) == -1) return 0;
  x = malloc((size_t)st.st_size + 1);
  if (!x || read(fd, x, (size_t)st.st_size) != st.st_size) return 0;
  close(fd);
  *len = (size_t)st.st_size;
  return x;
}

static void spit(const char *fn, const unsigned char *x, size_t len)
{
  int fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (fd == -1 || write(fd, x, len) != (ssize_t)len) { perror(fn); exit(2); }
  close(fd);
}

int main(void)
{
  struct cdb c;
  int fd, bad;
  char db[256], k[32];
  unsigned char *img, *copy;
  size_t len, i;
  static const unsigned long sizes[] = { 0, 1, 10000 };

  t_name = "hash";
  CHECK(cdb_hash("", 0) == 5381);
  CHECK(cdb_hash("a", 1) == ((5381u * 33) ^ 'a'));
  CHECK(cdb_hash("\377", 1) == ((5381u * 33) ^ 255));

  t_name = "round trip";
  for (i = 0; i < sizeof sizes / sizeof sizes[0]; ++i) {
    snprintf(db, sizeof db, "%s", t_path("rt.cdb"));
    CHECK(make(db, sizes[i]) == 0);
    fd = open(db, O_RDONLY);
    CHECK(fd != -1);
    cdb_init(&c, fd);
    CHECK(sizes[i] == 0 || c.map != 0);
    CHECK(lookall(&c, sizes[i]) == sizes[i]);
    CHECK(cdb_find(&c, "absent", 6) == 0);
    CHECK(cdb_find(&c, "", 0) == 0);
    keyname(k, sizes[i]);
    CHECK(cdb_find(&c, k, strlen(k)) == 0);
    if (sizes[i] == 10000) {
      /* the same lookups through pread instead of the map */
      munmap(c.map, c.size);
      c.map = 0;
      CHECK(lookall(&c, sizes[i]) == sizes[i]);
      CHECK(cdb_find(&c, "absent", 6) == 0);
      CHECK(cdb_read(&c, k, 4, c.size - 3) == -1 && errno == EPROTO);
      CHECK(cdb_read(&c, k, 0, c.size) == 0);
      CHECK(cdb_read(&c, k, 1, UINT32_MAX) == -1 && errno == EPROTO);
    }
    CHECK(cdb_read(&c, k, 1, c.size) == -1 && errno == EPROTO);
    CHECK(cdb_read(&c, k, UINT32_MAX, 1) == -1 && errno == EPROTO);
    CHECK(cdb_find(&c, k, (size_t)UINT32_MAX + 1) == 0 || sizeof(size_t) == 4);
    cdb_free(&c);
    CHECK(c.map == 0);
    close(fd);
  }

  t_name = "duplicates";
  {
    struct cdbmake cm;
    static const char *vals[] = { "one", "two", "three" };
    int n = 0, r;
    char got[8];
    fd = open(t_path("dup.cdb"), O_RDWR | O_CREAT | O_TRUNC, 0600);
    CHECK(cdbmake_start(&cm, fd) == 0);
    for (i = 0; i < 3; ++i) {
      CHECK(cdbmake_add(&cm, "k", 1, vals[i], strlen(vals[i])) == 0);
      CHECK(cdbmake_add(&cm, "other", 5, "x", 1) == 0);
    }
    CHECK(cdbmake_add(&cm, "", 0, "empty key", 9) == 0);
    CHECK(cdbmake_add(&cm, "nodata", 6, "", 0) == 0);
    CHECK(cdbmake_finish(&cm) == 0);
    cdb_init(&c, fd);
    cdb_findstart(&c);
    while ((r = cdb_findnext(&c, "k", 1)) == 1) {
      CHECK(n < 3);
      if (n >= 3) break;
      CHECK(cdb_datalen(&c) == strlen(vals[n]));
      CHECK(cdb_read(&c, got, cdb_datalen(&c), cdb_datapos(&c)) == 0);
      CHECKMEM(got, strlen(vals[n]), vals[n]);
      ++n;
    }
    CHECK(r == 0 && n == 3);
    CHECK(cdb_findnext(&c, "k", 1) == 0); /* stays at the end */
    CHECK(cdb_find(&c, "K", 1) == 0);      /* keys are bytes */
    CHECK(cdb_find(&c, "", 0) == 1 && cdb_datalen(&c) == 9);
    CHECK(cdb_find(&c, "nodata", 6) == 1 && cdb_datalen(&c) == 0);
    cdb_free(&c);
    close(fd);
  }

  t_name = "not a regular file";
  {
    int pi[2];
    CHECK(pipe(pi) == 0);
    close(pi[1]);
    cdb_init(&c, pi[0]);
    CHECK(c.map == 0);
    CHECK(cdb_find(&c, "a", 1) == -1);
    cdb_free(&c);
    close(pi[0]);
  }

  t_name = "freecdb cdbmake";
  if (access("/usr/bin/cdbmake", X_OK) == 0) {
    char cmd[1024];
    FILE *f = fopen(t_path("in"), "w");
    if (!f) { perror("in"); return 2; }
    static const char in[] = "+3,5:one->first\n+3,6:one->second\n+0,3:->nil\n+4,0:none->\n+5,3:\001\377\000\n\r->bin\n\n";
    fwrite(in, 1, sizeof in - 1, f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && /usr/bin/cdbmake ext.cdb ext.tmp < in", t_tmpdir());
    CHECK(system(cmd) == 0);
    fd = open(t_path("ext.cdb"), O_RDONLY);
    CHECK(fd != -1);
    cdb_init(&c, fd);
    {
      char got[8];
      cdb_findstart(&c);
      CHECK(cdb_findnext(&c, "one", 3) == 1 && cdb_datalen(&c) == 5);
      CHECK(cdb_read(&c, got, 5, cdb_datapos(&c)) == 0);
      CHECKMEM(got, 5, "first");
      CHECK(cdb_findnext(&c, "one", 3) == 1 && cdb_datalen(&c) == 6);
      CHECK(cdb_read(&c, got, 6, cdb_datapos(&c)) == 0);
      CHECKMEM(got, 6, "second");
      CHECK(cdb_findnext(&c, "one", 3) == 0);
      CHECK(cdb_find(&c, "", 0) == 1 && cdb_datalen(&c) == 3);
      CHECK(cdb_find(&c, "none", 4) == 1 && cdb_datalen(&c) == 0);
      CHECK(cdb_find(&c, "\001\377\000\n\r", 5) == 1 && cdb_datalen(&c) == 3);
      CHECK(cdb_find(&c, "two", 3) == 0);
    }
    cdb_free(&c);
    close(fd);
  } else
    printf("skip: /usr/bin/cdbmake (freecdb) is not installed\n");

  t_name = "tcprules";
  if (access("/usr/bin/tcprules", X_OK) == 0) {
    char cmd[1024], got[32];
    FILE *f = fopen(t_path("rules"), "w");
    if (!f) { perror("rules"); return 2; }
    fputs("127.0.0.1:allow,RELAYCLIENT=\"\"\n=host.example:deny\n10.:allow,X=\"a b\"\n:allow\n", f);
    fclose(f);
    snprintf(cmd, sizeof cmd, "cd %s && /usr/bin/tcprules rules.cdb rules.tmp < rules", t_tmpdir());
    CHECK(system(cmd) == 0);
    fd = open(t_path("rules.cdb"), O_RDONLY);
    CHECK(fd != -1);
    cdb_init(&c, fd);
    CHECK(cdb_find(&c, "127.0.0.1", 9) == 1 && cdb_datalen(&c) == 14);
    CHECK(cdb_read(&c, got, 14, cdb_datapos(&c)) == 0);
    CHECKMEM(got, 14, "+RELAYCLIENT=\0");
    CHECK(cdb_find(&c, "=host.example", 13) == 1 && cdb_datalen(&c) == 2);
    CHECK(cdb_find(&c, "10.", 3) == 1 && cdb_datalen(&c) == 7);
    CHECK(cdb_read(&c, got, 7, cdb_datapos(&c)) == 0);
    CHECKMEM(got, 7, "+X=a b\0");
    CHECK(cdb_find(&c, "", 0) == 1 && cdb_datalen(&c) == 0);
    CHECK(cdb_find(&c, "10.0.0.1", 8) == 0);
    cdb_free(&c);
    close(fd);
  } else
    printf("skip: /usr/bin/tcprules (ucspi-tcp) is not installed\n");

  t_name = "truncated";
  snprintf(db, sizeof db, "%s", t_path("base.cdb"));
  CHECK(make(db, 10) == 0);
  img = slurp(db, &len);
  CHECK(img != 0);
  if (!img) return t_done();
  {
    static const size_t cuts[] = { 0, 1, 7, 8, 2047, 2048, 2049, 2060, 2070 };
    snprintf(db, sizeof db, "%s", t_path("bad.cdb"));
    for (i = 0; i < sizeof cuts / sizeof cuts[0]; ++i) {
      bad = 0;
      spit(db, img, cuts[i]);
      CHECK(hostile(db, &bad) > 0);
      CHECK(!bad);
    }
    for (i = 2048; i < len; i += 3) { /* every third length: records and tables */
      bad = 0;
      spit(db, img, i);
      hostile(db, &bad);
      CHECK(!bad);
    }
    bad = 0;
    spit(db, img, len - 8); /* the last slot gone */
    CHECK(hostile(db, &bad) > 0 && !bad);
  }

  t_name = "malformed";
  copy = malloc(len);
  CHECK(copy != 0);
  if (!copy) return t_done();
  {
    /* every table pointer past the end, or slot counts that overflow */
    static const uint32_t hpos[] = { UINT32_MAX, UINT32_MAX - 7, 0x80000000u, 0 };
    static const uint32_t slots[] = { UINT32_MAX, 0x20000000u, 0x1fffffffu, 1000000 };
    size_t a, b;
    for (a = 0; a < 4; ++a) for (b = 0; b < 4; ++b) {
      memcpy(copy, img, len);
      for (i = 0; i < 256; ++i) { put32(copy + 8 * i, hpos[a]); put32(copy + 8 * i + 4, slots[b]); }
      spit(db, copy, len);
      bad = 0;
      CHECK(hostile(db, &bad) == 12);
      CHECK(!bad);
    }
  }
  {
    /* every record claims huge lengths */
    uint32_t p = 2048;
    memcpy(copy, img, len);
    for (i = 0; i < 10; ++i) {
      uint32_t kl = copy[p] | copy[p + 1] << 8, dl = copy[p + 4] | copy[p + 5] << 8;
      put32(copy + p + 4, UINT32_MAX - (uint32_t)i);
      p += 8 + kl + dl;
    }
    spit(db, copy, len);
    bad = 0;
    CHECK(hostile(db, &bad) == 10); /* key0..key9 found with bad data; key10, key11 absent */
    CHECK(!bad);
    memcpy(copy, img, len);
    put32(copy + 2048, UINT32_MAX); /* key0's key length */
    spit(db, copy, len);
    bad = 0;
    hostile(db, &bad);
    CHECK(!bad);
  }
  {
    /* a table whose every slot is taken by another hash: probing ends
       after the slot count instead of looping */
    unsigned char f[2048 + 16];
    uint32_t h = cdb_hash("x", 1);
    memset(f, 0, sizeof f);
    for (i = 0; i < 256; ++i) { put32(f + 8 * i, 2048); put32(f + 8 * i + 4, 2); }
    put32(f + 2048, h ^ 1); put32(f + 2052, 2048);
    put32(f + 2056, h ^ 2); put32(f + 2060, 2048);
    spit(db, f, sizeof f);
    fd = open(db, O_RDONLY);
    cdb_init(&c, fd);
    CHECK(cdb_find(&c, "x", 1) == 0);
    /* the same slots now match the hash and point at themselves as a record */
    cdb_free(&c); close(fd);
    put32(f + 2048, h); put32(f + 2056, h);
    spit(db, f, sizeof f);
    fd = open(db, O_RDONLY);
    cdb_init(&c, fd);
    CHECK(cdb_find(&c, "x", 1) == 0); /* record at 2048 has key length h: no match */
    cdb_free(&c); close(fd);
  }
  {
    /* random corruption, reproducible */
    unsigned long seed = 12345;
    int round;
    for (round = 0; round < 2000; ++round) {
      int flips = 1 + round % 8, j;
      memcpy(copy, img, len);
      for (j = 0; j < flips; ++j) {
        seed = seed * 6364136223846793005ul + 1442695040888963407ul;
        copy[(seed >> 33) % len] ^= (unsigned char)(1 + (seed >> 20) % 255);
      }
      spit(db, copy, len);
      bad = 0;
      hostile(db, &bad);
      if (bad) break;
    }
    CHECK(round == 2000);
  }
  free(copy);
  free(img);
  return t_done();
}
