/* addrlist.c: the RFC 822 address-list grammar on top of token822. */
#include <errno.h>
#include <stdint.h>
#include "alloc.h"
#include "addrlist.h"
#include "byte.h"
#include "quote.h"
#include "token822.h"

#define FOLDCOL 78

struct parse {
  addrlist *al;
  const char *s;
  const struct token822 *t;
  size_t n; /* tokens */
};

static int isspec(const struct parse *p, size_t i, char c)
{
  return i < p->n && p->t[i].type == T822_SPECIAL && p->s[p->t[i].pos] == c;
}

static int iscomment(const struct parse *p, size_t i)
{
  return p->t[i].type == T822_COMMENT;
}

/* the source span of tokens [a,b), quotes included */
static size_t spanstart(const struct parse *p, size_t a)
{
  return p->t[a].pos - (p->t[a].type == T822_QUOTE);
}
static size_t spanend(const struct parse *p, size_t b)
{
  return p->t[b - 1].pos + p->t[b - 1].len + (p->t[b - 1].type == T822_QUOTE);
}

/* appends source text without the CR and LF of folding */
static int catunfolded(stralloc *sa, const char *s, size_t n)
{
  size_t i;
  for (i = 0; i < n; ++i)
    if (s[i] != '\r' && s[i] != '\n')
      if (!stralloc_append(sa, s[i])) return 0;
  return 1;
}

static int catcomment(stralloc *sa, const struct parse *p, size_t i)
{
  if (sa->len && !stralloc_append(sa, ' ')) return 0;
  return catunfolded(sa, p->s + p->t[i].pos, p->t[i].len);
}

static struct addr822 *newentry(addrlist *al, int kind)
{
  struct addr822 *a;
  if (al->len == al->a) {
    size_t na = al->a ? al->a : 8, i;
    if (al->a) {
      if (na > (SIZE_MAX / sizeof *a) / 2) { errno = EOVERFLOW; return 0; }
      na *= 2;
    }
    if (!al->x) { al->x = alloc(na * sizeof *a); if (!al->x) return 0; }
    else if (!alloc_re(&al->x, al->a * sizeof *a, na * sizeof *a)) return 0;
    for (i = al->a; i < na; ++i) byte_zero(&al->x[i], sizeof *a);
    al->a = na;
  }
  a = &al->x[al->len++];
  a->kind = kind;
  a->flagangle = a->flagdomain = 0;
  a->phrase.len = a->comment.len = a->local.len = a->domain.len = 0;
  return a;
}

/* a word or domain piece of an addr-spec, as text */
static int catpiece(stralloc *sa, const struct parse *p, size_t i)
{
  if (p->t[i].type == T822_QUOTE) return token822_unquote(sa, p->s + p->t[i].pos, p->t[i].len);
  return catunfolded(sa, p->s + p->t[i].pos, p->t[i].len); /* a literal may be folded */
}

/* the addr-spec in tokens [a,b) into e; comments go to e->comment.
   The last '@' separates the local part from the domain. */
static int addrspec(const struct parse *p, size_t a, size_t b, struct addr822 *e)
{
  size_t i, at = b;
  for (i = a; i < b; ++i) if (isspec(p, i, '@')) at = i;
  for (i = a; i < b; ++i) {
    if (iscomment(p, i)) { if (!catcomment(&e->comment, p, i)) return -1; continue; }
    if (i == at) { e->flagdomain = 1; continue; }
    if ((p->t[i].type == T822_SPECIAL && !isspec(p, i, '.') && !isspec(p, i, '@'))
        || (i > at && p->t[i].type == T822_QUOTE)) { /* no quoted domains */
      errno = EINVAL;
      return 0;
    }
    if (!catpiece(i < at ? &e->local : &e->domain, p, i)) return -1;
  }
  return 1;
}

/* one mailbox written with angle brackets: tokens [a,b), '<' at lt */
static int angleaddr(const struct parse *p, size_t a, size_t lt, size_t b)
{
  struct addr822 *e;
  size_t gt, i, start;
  for (gt = lt + 1; gt < b && !isspec(p, gt, '>'); ++gt)
    if (isspec(p, gt, '<')) { errno = EINVAL; return 0; }
  if (gt == b) { errno = EINVAL; return 0; }
  e = newentry(p->al, A822_MAILBOX);
  if (!e) return -1;
  e->flagangle = 1;
  if (lt > a && !catunfolded(&e->phrase, p->s + spanstart(p, a), spanend(p, lt) - spanstart(p, a)))
    return -1;
  start = lt + 1;
  for (i = lt + 1; i < gt; ++i) if (isspec(p, i, ':')) start = i + 1; /* source route */
  for (i = lt + 1; i < start; ++i)
    if (iscomment(p, i) && !catcomment(&e->comment, p, i)) return -1;
  i = (size_t)addrspec(p, start, gt, e);
  if (i != 1) return (int)i;
  for (i = gt + 1; i < b; ++i) {
    if (!iscomment(p, i)) { errno = EINVAL; return 0; }
    if (!catcomment(&e->comment, p, i)) return -1;
  }
  return 1;
}

static int isword(const struct parse *p, size_t i)
{
  int ty = p->t[i].type;
  return ty == T822_ATOM || ty == T822_QUOTE || ty == T822_LITERAL;
}

/* bare addr-specs in tokens [a,b): a word that follows a word starts a new
   address, which is how "djb fred" becomes two */
static int bareaddrs(const struct parse *p, size_t a, size_t b)
{
  size_t i, start = a;
  int lastword = 0, r;
  for (i = a; i <= b; ++i) {
    if (i < b && iscomment(p, i)) continue;
    if (i == b || (lastword && isword(p, i))) {
      struct addr822 *e;
      size_t k;
      int any = 0;
      for (k = start; k < i; ++k) if (!iscomment(p, k)) any = 1;
      if (!any) { /* only comments: attach them to the previous mailbox */
        if (i < b) continue;
        if (p->al->len && p->al->x[p->al->len - 1].kind == A822_MAILBOX)
          for (k = start; k < i; ++k)
            if (!catcomment(&p->al->x[p->al->len - 1].comment, p, k)) return -1;
        break;
      }
      e = newentry(p->al, A822_MAILBOX);
      if (!e) return -1;
      r = addrspec(p, start, i, e);
      if (r != 1) return r;
      start = i;
      if (i == b) break;
    }
    lastword = isword(p, i);
  }
  return 1;
}

/* the end of the item that starts at token i: a ',' or ';' or ':' at top
   level, or the first non-comment token after a closing '>' */
static size_t itemend(const struct parse *p, size_t i, int ingroup)
{
  int angle = 0, closed = 0;
  for (; i < p->n; ++i) {
    if (closed && !iscomment(p, i)) return i;
    if (isspec(p, i, '<')) angle = 1;
    else if (isspec(p, i, '>')) { if (angle) closed = 1; angle = 0; }
    else if (!angle) {
      if (isspec(p, i, ',')) return i;
      if (isspec(p, i, ';') && ingroup) return i;
      if (isspec(p, i, ':')) return i;
    }
  }
  return i;
}

static int item(const struct parse *p, size_t a, size_t b)
{
  size_t i;
  for (i = a; i < b; ++i) if (isspec(p, i, '<')) return angleaddr(p, a, i, b);
  for (i = a; i < b; ++i) if (isspec(p, i, '>')) { errno = EINVAL; return 0; }
  return bareaddrs(p, a, b);
}

int addrlist_parse(addrlist *al, const char *s, size_t n)
{
  token822_list tl = TOKEN822_LIST_ZERO;
  struct parse p;
  size_t i = 0, j;
  int ingroup = 0, r;

  al->len = 0;
  r = token822_scan(&tl, s, n);
  if (r != 1) { token822_free(&tl); return r; }
  p.al = al; p.s = s; p.t = tl.t; p.n = tl.len;
  while (i < p.n) {
    if (isspec(&p, i, ',')) { ++i; continue; }
    if (isspec(&p, i, ';')) {
      if (ingroup && !newentry(al, A822_GROUPEND)) goto nomem;
      ingroup = 0;
      ++i;
      continue;
    }
    j = itemend(&p, i, ingroup);
    if (j < p.n && isspec(&p, j, ':')) {
      struct addr822 *e;
      if (ingroup) { errno = EINVAL; r = 0; goto done; }
      e = newentry(al, A822_GROUP);
      if (!e) goto nomem;
      if (j > i && !catunfolded(&e->phrase, s + spanstart(&p, i), spanend(&p, j) - spanstart(&p, i)))
        goto nomem;
      ingroup = 1;
      i = j + 1;
      continue;
    }
    r = item(&p, i, j);
    if (r != 1) goto done;
    i = j;
  }
  if (ingroup && !newentry(al, A822_GROUPEND)) goto nomem;
  r = 1;
done:
  token822_free(&tl);
  return r;
nomem:
  token822_free(&tl);
  return -1;
}

int addr822_isempty(const struct addr822 *a)
{
  return a->kind == A822_MAILBOX && !a->local.len && !a->flagdomain;
}

/* stralloc_cat, also for a source that was never allocated */
static int cat(stralloc *out, const stralloc *sa)
{
  return !sa->len || stralloc_catb(out, sa->s, sa->len);
}

int addr822_env(stralloc *out, const struct addr822 *a)
{
  if (!stralloc_readyplus(out, 0) || !cat(out, &a->local)) return 0;
  if (!a->flagdomain) return 1;
  return stralloc_append(out, '@') && cat(out, &a->domain);
}

int addr822_fmt(stralloc *out, const struct addr822 *a)
{
  stralloc env = STRALLOC_ZERO, q = STRALLOC_ZERO;
  int ok = 0;
  if (a->kind == A822_GROUP) return cat(out, &a->phrase) && stralloc_append(out, ':');
  if (a->kind == A822_GROUPEND) return stralloc_append(out, ';');
  /* quote_addr splits at the last '@': give it one after the local part,
     so an '@' inside a local part without a domain stays in it */
  if (!cat(&env, &a->local) || !stralloc_append(&env, '@')) goto done;
  if (a->local.len || a->flagdomain) {
    if (!quote_addr(&q, &env)) goto done;
    --q.len;
    if (a->flagdomain && (!stralloc_append(&q, '@') || !cat(&q, &a->domain))) goto done;
  }
  if (a->phrase.len) {
    if (!stralloc_cat(out, &a->phrase) || !stralloc_cats(out, " <")) goto done;
  } else if (a->flagangle || !q.len) {
    if (!stralloc_append(out, '<')) goto done;
  }
  if (!cat(out, &q)) goto done;
  if ((a->phrase.len || a->flagangle || !q.len) && !stralloc_append(out, '>')) goto done;
  if (a->comment.len)
    if (!stralloc_append(out, ' ') || !stralloc_cat(out, &a->comment)) goto done;
  ok = 1;
done:
  stralloc_free(&env);
  stralloc_free(&q);
  return ok;
}

/* the column after appending s[0..n) at column col */
static size_t advance(size_t col, const char *s, size_t n)
{
  size_t i = byte_rchr(s, n, '\n');
  return i < n ? n - i - 1 : col + n;
}

int addrlist_fmt(stralloc *out, const addrlist *al, size_t col)
{
  stralloc one = STRALLOC_ZERO;
  size_t i;
  int first = 1, groupfirst = 0, ok = 0;
  for (i = 0; i < al->len; ++i) {
    const struct addr822 *a = &al->x[i];
    const char *sep = first ? "" : groupfirst ? " " : ", ";
    size_t seplen = first ? 0 : groupfirst ? 1 : 2;
    one.len = 0;
    if (!addr822_fmt(&one, a)) goto done;
    if (a->kind == A822_GROUPEND) {
      if (groupfirst) { sep = " "; seplen = 1; } else { sep = ""; seplen = 0; }
    }
    if (seplen && col + seplen + one.len > FOLDCOL && a->kind != A822_GROUPEND) {
      if (!stralloc_catb(out, sep, seplen - 1) || !stralloc_cats(out, "\n  ")) goto done;
      col = 2;
    } else {
      if (!stralloc_catb(out, sep, seplen)) goto done;
      col += seplen;
    }
    if (!stralloc_cat(out, &one)) goto done;
    col = advance(col, one.s, one.len);
    first = 0;
    groupfirst = a->kind == A822_GROUP;
  }
  ok = 1;
done:
  stralloc_free(&one);
  return ok;
}

void addrlist_free(addrlist *al)
{
  size_t i;
  for (i = 0; i < al->a; ++i) {
    stralloc_free(&al->x[i].phrase);
    stralloc_free(&al->x[i].comment);
    stralloc_free(&al->x[i].local);
    stralloc_free(&al->x[i].domain);
  }
  if (al->x) alloc_free(al->x);
  al->x = 0; al->len = al->a = 0;
}
