/* cdbmake: writer of the standard cdb format.  The caller opens fd (a
   temporary file), calls cdbmake_start, cdbmake_add per record, then
   cdbmake_finish, then fsyncs, closes and renames it into place.
   Each returns 0, or -1 with errno (EOVERFLOW when the file would pass 4 GiB,
   the format's limit; ENOMEM).  Records with the same key are all kept. */
#ifndef CDBMAKE_H
#define CDBMAKE_H
#include <stddef.h>
#include <stdint.h>
#include "buffer.h"

struct cdbmake_hp { uint32_t h; uint32_t p; };
struct cdbmake {
  char bspace[8192];
  buffer b;
  uint32_t pos;
  struct cdbmake_hp *hp;   /* every record's hash and position */
  size_t nhp, ahp;
  int fd;
};

extern int cdbmake_start(struct cdbmake *c, int fd);
extern int cdbmake_add(struct cdbmake *c, const char *key, size_t klen, const char *data, size_t dlen);
extern int cdbmake_finish(struct cdbmake *c);
#endif
