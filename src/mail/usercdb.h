/* usercdb: look a local part up in users/cdb the way qmail-lspawn does
   (reference 7.2, 7.4): the exact key "!" local NUL first, then the
   wildcard keys "!" prefix from the longest prefix down to "!" alone, a
   prefix of one or more bytes tried only when its last byte is one of the
   wildcard characters (the record with the empty key).  The local part is
   lowercased for the keys.
   usercdb_find(c, local, len, out) returns 1 with out holding the six
   fields user, uid, gid, homedir, dash, ext each followed by a NUL (for
   a wildcard hit, ext is the stored prefix followed by the rest of local
   in its original case), 0 when there is no entry, -1 on a read error or
   a malformed database (errno EPROTO: no wildcard record, or not six
   fields). */
#ifndef USERCDB_H
#define USERCDB_H
#include <stddef.h>
#include "cdb.h"
#include "stralloc.h"
extern int usercdb_find(struct cdb *c, const char *local, size_t len, stralloc *out);
#endif
