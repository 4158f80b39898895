/* quote.c: an address's local part is left bare when it is a dot-atom
   (RFC 5321 Dot-string: atoms of atext joined by single dots; bytes of 128
   and above count as atext, as RFC 6531 allows UTF-8 there) and is made a
   quoted-string otherwise, with '"' and '\' escaped by a backslash.  The
   domain is the text after the last '@'. */
#include "byte.h"
#include "quote.h"
#include "str.h"
#include "stralloc.h"

static int atext(unsigned char ch)
{
  if (ch >= 128) return 1;
  if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) return 1;
  return ch && str_chr("!#$%&'*+-/=?^_`{|}~", ch) < 19;
}

int quote_need(const char *local, size_t len)
{
  size_t i;
  if (!len) return 1;
  if (local[0] == '.' || local[len - 1] == '.') return 1;
  for (i = 0; i < len; ++i) {
    unsigned char ch = (unsigned char)local[i];
    if (ch == '.') { if (local[i + 1] == '.') return 1; continue; }
    if (!atext(ch)) return 1;
  }
  return 0;
}

int quote_addr(stralloc *out, const stralloc *addr)
{
  size_t at, i, len = addr->s ? addr->len : 0;
  if (!stralloc_copyb(out, "", 0)) return 0;
  if (!len) return 1;
  at = byte_rchr(addr->s, len, '@');
  if (!quote_need(addr->s, at)) {
    if (!stralloc_catb(out, addr->s, at)) return 0;
  } else {
    if (!stralloc_append(out, '"')) return 0;
    for (i = 0; i < at; ++i) {
      char ch = addr->s[i];
      if ((ch == '"' || ch == '\\') && !stralloc_append(out, '\\')) return 0;
      if (!stralloc_append(out, ch)) return 0;
    }
    if (!stralloc_append(out, '"')) return 0;
  }
  return stralloc_catb(out, addr->s + at, len - at);
}
