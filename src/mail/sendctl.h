/* sendctl: qmail-send's control files (qmail-control(5)); the caller has
   chdir'd to HOME.  sendctl_read reads all of them (me first): 1, or 0
   with errno (a file could not be read, out of memory, or neither locals
   nor me exists: ENOENT).  sendctl_maps rereads locals and virtualdomains
   (for HUP): 1 with the new maps in place, or 0 with the old ones kept.
   The strings are NUL-terminated; rw is ready for rewrite_addr. */
#ifndef SENDCTL_H
#define SENDCTL_H
#include "constmap.h"
#include "rewrite.h"
#include "stralloc.h"

struct sendctl {
  stralloc envnoathost, bouncefrom, bouncehost, dbto, dbhost;
  stralloc locals, vdoms, phack;
  struct constmap maplocals, mapvdoms, mapphack;
  int flagmaps;
  int conclocal, concremote;
  unsigned long lifetime, bouncemaxbytes;
  struct rewrite rw;
};

extern int sendctl_read(struct sendctl *sc);
extern int sendctl_maps(struct sendctl *sc);
#endif
