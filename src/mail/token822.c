/* token822.c: the RFC 822 lexer used by qmail-inject's address parser. */
#include <errno.h>
#include <stdint.h>
#include "alloc.h"
#include "token822.h"

static int isspecial(unsigned char c)
{
  switch (c) {
    case '<': case '>': case '@': case ',': case ';': case ':': case '.':
    case '(': case ')': case '[': case ']': case '"':
      return 1;
  }
  return 0;
}

static int isspace822(unsigned char c)
{
  return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int add(token822_list *tl, int type, size_t pos, size_t len)
{
  if (tl->len == tl->a) {
    size_t na = tl->a ? tl->a : 16;
    if (tl->a) {
      if (na > (SIZE_MAX / sizeof(struct token822)) / 2) { errno = EOVERFLOW; return 0; }
      na *= 2;
    }
    if (!tl->t) {
      tl->t = alloc(na * sizeof(struct token822));
      if (!tl->t) return 0;
    } else if (!alloc_re(&tl->t, tl->a * sizeof(struct token822), na * sizeof(struct token822)))
      return 0;
    tl->a = na;
  }
  tl->t[tl->len].type = type;
  tl->t[tl->len].pos = pos;
  tl->t[tl->len].len = len;
  ++tl->len;
  return 1;
}

/* a backslash at s[j] escapes nothing: it ends the text or is followed by
   CR or LF (folding cannot be escaped) */
static int badescape(const char *s, size_t n, size_t j)
{
  return j + 1 == n || s[j + 1] == '\r' || s[j + 1] == '\n';
}

/* the index just past a comment that opens at s[i]; n + 1 when it is
   unterminated or holds a bad escape */
static size_t skipcomment(const char *s, size_t n, size_t i)
{
  size_t depth = 0;
  for (; i < n; ++i) {
    if (s[i] == '\\') { if (badescape(s, n, i)) return n + 1; ++i; continue; }
    if (s[i] == '(') ++depth;
    else if (s[i] == ')') { if (!--depth) return i + 1; }
  }
  return n + 1;
}

int token822_scan(token822_list *tl, const char *s, size_t n)
{
  size_t i = 0, j;
  tl->len = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (isspace822(c)) { ++i; continue; }
    switch (c) {
      case '(':
        j = skipcomment(s, n, i);
        if (j > n) { errno = EINVAL; return 0; }
        if (!add(tl, T822_COMMENT, i, j - i)) return -1;
        i = j;
        continue;
      case '"':
        for (j = i + 1; j < n && s[j] != '"'; ++j)
          if (s[j] == '\\') { if (badescape(s, n, j)) { j = n; break; } ++j; }
        if (j >= n) { errno = EINVAL; return 0; }
        if (!add(tl, T822_QUOTE, i + 1, j - i - 1)) return -1;
        i = j + 1;
        continue;
      case '[':
        for (j = i + 1; j < n && s[j] != ']'; ++j) {
          if (s[j] == '[') break;
          if (s[j] == '\\') { if (badescape(s, n, j)) { j = n; break; } ++j; }
        }
        if (j >= n || s[j] != ']') { errno = EINVAL; return 0; }
        if (!add(tl, T822_LITERAL, i, j + 1 - i)) return -1;
        i = j + 1;
        continue;
      case ')': case ']':
        errno = EINVAL;
        return 0;
    }
    if (isspecial(c)) {
      if (!add(tl, T822_SPECIAL, i, 1)) return -1;
      ++i;
      continue;
    }
    for (j = i; j < n && !isspace822((unsigned char)s[j]) && !isspecial((unsigned char)s[j]); ++j)
      if (s[j] == '\\') { /* escapes the next byte, which must be there and not white space */
        if (badescape(s, n, j) || isspace822((unsigned char)s[j + 1])) { errno = EINVAL; return 0; }
        ++j;
      }
    if (!add(tl, T822_ATOM, i, j - i)) return -1;
    i = j;
  }
  return 1;
}

int token822_unquote(stralloc *out, const char *s, size_t n)
{
  size_t i;
  for (i = 0; i < n; ++i) {
    if (s[i] == '\\' && i + 1 < n) ++i;
    else if (s[i] == '\r' || s[i] == '\n') continue; /* folding inside quotes */
    if (!stralloc_append(out, s[i])) return 0;
  }
  return 1;
}

void token822_free(token822_list *tl)
{
  if (tl->t) alloc_free(tl->t);
  tl->t = 0; tl->len = tl->a = 0;
}
