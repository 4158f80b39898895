/* rewrite.c: the domain of an address is the text after its last '@'. */
#include "byte.h"
#include "rewrite.h"
#include "str.h"

/* the virtualdomains prepend for addr (user@dom): whole address, domain,
   each suffix from a dot, then the empty key; 0 when nothing matches */
static const char *vlookup(const struct constmap *vd, const char *addr, size_t len)
{
  size_t at = byte_rchr(addr, len, '@'), i;
  const char *v;
  if (!vd) return 0;
  if (at < len) {
    if ((v = constmap_get(vd, addr, len))) return v;
    if ((v = constmap_get(vd, addr + at + 1, len - at - 1))) return v;
    for (i = at + 1; i < len; ++i)
      if (addr[i] == '.' && (v = constmap_get(vd, addr + i, len - i))) return v;
  }
  return constmap_get(vd, "", 0);
}

int rewrite_addr(const struct rewrite *rw, const char *addr, size_t len, stralloc *out)
{
  size_t at, pct;
  const char *v;

  if (!stralloc_copyb(out, addr, len)) return 0;
  at = byte_rchr(out->s, out->len, '@');
  if (at == out->len) {
    if (!stralloc_append(out, '@') || !stralloc_cats(out, rw->envnoathost)) return 0;
  }
  for (;;) {
    at = byte_rchr(out->s, out->len, '@');
    if (!rw->phack || !constmap_get(rw->phack, out->s + at + 1, out->len - at - 1)) break;
    pct = byte_rchr(out->s, at, '%');
    if (pct == at) break;
    out->len = at;      /* drop "@dom" and turn the last '%' into '@' */
    out->s[pct] = '@';
  }
  at = byte_rchr(out->s, out->len, '@');
  if (constmap_get(rw->locals, out->s + at + 1, out->len - at - 1)) return REWRITE_LOCAL;
  v = vlookup(rw->vdoms, out->s, out->len);
  if (!v || !*v) return REWRITE_REMOTE;
  {
    stralloc tmp = STRALLOC_ZERO;
    if (!stralloc_copys(&tmp, v) || !stralloc_append(&tmp, '-') || !stralloc_cat(&tmp, out)) {
      stralloc_free(&tmp);
      return 0;
    }
    stralloc_free(out);
    *out = tmp;
  }
  return REWRITE_LOCAL;
}

size_t rewrite_prepend(const struct rewrite *rw, const char *addr, size_t len)
{
  size_t at = byte_rchr(addr, len, '@'), i, n;
  const char *v;
  if (!rw->vdoms || at == len) return 0;
  if (constmap_get(rw->locals, addr + at + 1, len - at - 1)) return 0;
  for (i = 0; i < at; ++i) {
    if (addr[i] != '-') continue;
    v = vlookup(rw->vdoms, addr + i + 1, len - i - 1);
    if (!v) continue;
    n = str_len(v);
    if (n == i && byte_equal(v, n, addr)) return i + 1;
  }
  return 0;
}

int rewrite_verp(stralloc *out, const char *sender, const char *recip, size_t rlen)
{
  size_t n = str_len(sender), at, rat;
  out->len = 0;
  if (n < 4 || !str_equal(sender + n - 4, "-@[]")) return stralloc_catb(out, sender, n + 1);
  n -= 4;
  at = byte_rchr(sender, n, '@');
  if (at == n) return stralloc_catb(out, sender, n) && stralloc_0(out);
  rat = byte_rchr(recip, rlen, '@');
  if (!stralloc_catb(out, sender, at) || !stralloc_catb(out, recip, rat)) return 0;
  if (rat < rlen && (!stralloc_append(out, '=') || !stralloc_catb(out, recip + rat + 1, rlen - rat - 1))) return 0;
  return stralloc_catb(out, sender + at, n - at) && stralloc_0(out);
}
