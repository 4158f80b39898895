/* cdb: reader for the standard constant-database format (D. J. Bernstein's
   cdb; files made by tcprules, fastforward's setforward, qmail-newu and
   qmail-newmrh are read as they are).  All integers are 32-bit little-endian.
   cdb_init binds an open fd (the file is mapped when possible, else read).
   cdb_find: 1 found (cdb_datapos/cdb_datalen tell where), 0 absent,
   -1 error (errno set; EPROTO for a malformed file).  cdb_findnext goes on
   to the next record with the same key after cdb_findstart.
   cdb_read copies len bytes at pos: 0, or -1 with errno. */
#ifndef CDB_H
#define CDB_H
#include <stddef.h>
#include <stdint.h>

struct cdb {
  char *map;        /* 0 when not mapped */
  int fd;
  uint32_t size;    /* mapped size */
  uint32_t loop;    /* slots tried for the current key */
  uint32_t khash;
  uint32_t kpos;
  uint32_t hpos;
  uint32_t hslots;
  uint32_t dpos;
  uint32_t dlen;
};

extern uint32_t cdb_hash(const char *key, size_t len);
extern void cdb_init(struct cdb *c, int fd);
extern void cdb_free(struct cdb *c);
extern int cdb_read(struct cdb *c, char *buf, uint32_t len, uint32_t pos);
extern void cdb_findstart(struct cdb *c);
extern int cdb_findnext(struct cdb *c, const char *key, size_t len);
extern int cdb_find(struct cdb *c, const char *key, size_t len);
#define cdb_datapos(c) ((c)->dpos)
#define cdb_datalen(c) ((c)->dlen)
#endif
