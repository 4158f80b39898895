/* dotqmail: the lines of a .qmail file (dot-qmail(5), reference 8.3),
   from its bytes, with no side effects.
   dotqmail_line(text, n, pos, line, len): the line starting at *pos (up
   to '\n' or the end of text), trailing blanks and tabs removed; *line
   points into text, *pos moves past the '\n'.  Returns 1, or 0 when *pos
   is at or past n.
   dotqmail_kind(s, len, skip): what a non-empty line asks for; *skip is
   how many leading bytes are not part of the argument (1 for '|' and for
   a forward written "&addr", else 0):
     DOTQMAIL_COMMENT  '#' or '+' first (+list included)
     DOTQMAIL_PROGRAM  '|' first: the rest is a command for sh -c
     DOTQMAIL_MAILDIR  '/' or '.' first and '/' last
     DOTQMAIL_MBOX     '/' or '.' first, otherwise
     DOTQMAIL_FORWARD  anything else: an address, '&' first removed
   dotqmail_validate(text, n, flagfo): the checks done before any line
   runs; flagfo is 1 when the file is forward-only (its x bit is set).
   Returns 0, or the first fault: DOTQMAIL_BLANK (first line blank),
   DOTQMAIL_XPROG / DOTQMAIL_XFILE (program or file delivery in a
   forward-only file; a "+list" line makes the rest forward-only),
   DOTQMAIL_EMPTYFWD (a line that is just "&").
   DOTQMAIL_MAX is the longest file qmail-local reads. */
#ifndef DOTQMAIL_H
#define DOTQMAIL_H
#include <stddef.h>

#define DOTQMAIL_MAX (4 << 20)

#define DOTQMAIL_COMMENT 0
#define DOTQMAIL_PROGRAM 1
#define DOTQMAIL_MBOX 2
#define DOTQMAIL_MAILDIR 3
#define DOTQMAIL_FORWARD 4

#define DOTQMAIL_BLANK 1
#define DOTQMAIL_XPROG 2
#define DOTQMAIL_XFILE 3
#define DOTQMAIL_EMPTYFWD 4

extern int dotqmail_line(const char *text, size_t n, size_t *pos, const char **line, size_t *len);
extern int dotqmail_kind(const char *s, size_t len, size_t *skip);
extern int dotqmail_validate(const char *text, size_t n, int flagfo);
#endif
