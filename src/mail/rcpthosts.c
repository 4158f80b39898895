/* rcpthosts.c: the rcpthosts list in a constmap, morercpthosts.cdb opened
   once at init and read per lookup. */
#include <errno.h>
#include <unistd.h>
#include "byte.h"
#include "case.h"
#include "cdb.h"
#include "constmap.h"
#include "control.h"
#include "open.h"
#include "rcpthosts.h"
#include "stralloc.h"

static int flagrh = 0;       /* rcpthosts was read */
static stralloc rh = STRALLOC_ZERO;
static struct constmap maprh;
static int fdmrh = -1;
static stralloc dom = STRALLOC_ZERO;

int rcpthosts_init(void)
{
  flagrh = control_readfile(&rh, "control/rcpthosts");
  if (flagrh != 1) return flagrh;
  if (!constmap_init(&maprh, rh.s, rh.len, 0)) return -1;
  fdmrh = open_read("control/morercpthosts.cdb");
  if (fdmrh == -1 && errno != ENOENT) return -1;
  return 1;
}

static int lookup(const char *key, size_t len)
{
  struct cdb c;
  int r;
  if (constmap_get(&maprh, key, len)) return 1;
  if (fdmrh == -1) return 0;
  cdb_init(&c, fdmrh);
  r = cdb_find(&c, key, len);
  cdb_free(&c);
  return r;
}

int rcpthosts_check(const char *addr, size_t len)
{
  size_t at, i;
  int r;
  at = byte_rchr(addr, len, '@');
  if (at == len) return 1;
  if (flagrh != 1) return 0;
  if (!stralloc_copyb(&dom, addr + at + 1, len - at - 1)) return -1;
  case_lowerb(dom.s, dom.len);
  for (i = 0; i < dom.len; ++i) {
    if (i && dom.s[i] != '.') continue;
    r = lookup(dom.s + i, dom.len - i);
    if (r) return r;
  }
  return 0;
}
