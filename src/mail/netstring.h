/* netstring: "len:bytes," framing (QMTP, QMQP).
   netstring_fmt appends a netstring of s to sa: 1, or 0 with errno.
   netstring_scanlen parses the length prefix from a buffer strictly:
   digits only, no leading zero unless the length is 0, at most max, then
   ':'.  Returns 1 with *len set, 0 on a format error (errno EPROTO) or a
   length over max (errno E2BIG), -1 on a read error or EOF (errno set;
   EPIPE for EOF).  netstring_get reads a whole netstring of at most max
   bytes into sa, including the trailing ',' check, same returns (-1 also
   for ENOMEM; the body is stored as it arrives, so a lying length costs
   no memory up front). */
#ifndef NETSTRING_H
#define NETSTRING_H
#include <stddef.h>
#include "buffer.h"
#include "stralloc.h"
extern int netstring_fmt(stralloc *sa, const char *s, size_t len);
extern int netstring_scanlen(buffer *b, size_t max, size_t *len);
extern int netstring_get(buffer *b, stralloc *sa, size_t max);
#endif
