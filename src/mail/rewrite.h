/* rewrite: qmail-send's recipient rewriting (qmail-send(8), reference 5.1):
   envnoathost for addresses without '@', the percent hack, locals, then
   virtualdomains (user@dom, dom, .suffix ..., the empty key).
   The maps are built by the caller from control files (constmap.h; locals
   and percenthack without a split character, virtualdomains split at ':').
   rewrite_addr puts the rewritten address in out (no NUL) and returns
   REWRITE_LOCAL or REWRITE_REMOTE, or 0 with errno (out of memory).
   rewrite_prepend returns how many leading bytes of a local address are a
   virtualdomains prepend plus its '-' (0 when none), so a bounce can show
   the address the sender used.
   rewrite_verp puts in out (NUL-terminated) the envelope sender for one
   delivery: a VERP sender pre@host-@[] becomes pre + box=dom + @host for
   the recipient box@dom; other senders are copied.  1, or 0 with errno. */
#ifndef REWRITE_H
#define REWRITE_H
#include <stddef.h>
#include "constmap.h"
#include "stralloc.h"

#define REWRITE_LOCAL 1
#define REWRITE_REMOTE 2

struct rewrite {
  const struct constmap *locals;
  const struct constmap *vdoms;     /* may be 0 */
  const struct constmap *phack;     /* may be 0 */
  const char *envnoathost;
};

extern int rewrite_addr(const struct rewrite *rw, const char *addr, size_t len, stralloc *out);
extern size_t rewrite_prepend(const struct rewrite *rw, const char *addr, size_t len);
extern int rewrite_verp(stralloc *out, const char *sender, const char *recip, size_t rlen);
#endif
