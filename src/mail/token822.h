/* token822: split the body of an RFC 822/5322 structured header field
   into tokens.  Each token records its type and its span in the text:
   T822_ATOM     a run of atom characters (8-bit bytes count as atom text)
   T822_QUOTE    a quoted string; the span excludes the quotes, escapes raw
   T822_LITERAL  a domain literal; the span includes the brackets
   T822_COMMENT  a comment, nested; the span includes the parentheses
   T822_SPECIAL  one of  < > @ , ; : .  (a span of one byte)
   Spaces, tabs, CR and LF separate tokens and are not recorded.
   A backslash escapes the next byte, which must exist and must not be CR
   or LF (nor, in an atom, a space or tab).
   token822_scan returns 1, 0 on a syntax error (an unterminated quote,
   comment or literal, a stray ')' or ']', a bad backslash; errno EINVAL), or -1 when out of
   memory (errno ENOMEM or EOVERFLOW).  The list is replaced, not appended.
   token822_unquote appends the text of a QUOTE token with its
   backslash escapes removed; 1, or 0 with errno. */
#ifndef TOKEN822_H
#define TOKEN822_H
#include <stddef.h>
#include "stralloc.h"

#define T822_ATOM 1
#define T822_QUOTE 2
#define T822_LITERAL 3
#define T822_COMMENT 4
#define T822_SPECIAL 5

struct token822 { int type; size_t pos; size_t len; };
typedef struct token822_list { struct token822 *t; size_t len; size_t a; } token822_list;
#define TOKEN822_LIST_ZERO { 0, 0, 0 }

extern int token822_scan(token822_list *tl, const char *s, size_t n);
extern int token822_unquote(stralloc *out, const char *s, size_t n);
extern void token822_free(token822_list *tl);
#endif
