/* t_dotqmail: splitting .qmail text into lines (trailing blanks, no final
   newline, empty lines), the kind of every line type, and each refusal of
   dotqmail_validate with the first one winning. */
#include <stdlib.h>
#include <string.h>
#include "dotqmail.h"
#include "t.h"

static const struct { const char *line; int kind; size_t skip; } kinds[] = {
  { "# comment", DOTQMAIL_COMMENT, 0 },
  { "+list", DOTQMAIL_COMMENT, 0 },
  { "+", DOTQMAIL_COMMENT, 0 },
  { "|preline true", DOTQMAIL_PROGRAM, 1 },
  { "|", DOTQMAIL_PROGRAM, 1 },
  { "./Mailbox", DOTQMAIL_MBOX, 0 },
  { "/var/mail/u", DOTQMAIL_MBOX, 0 },
  { ".", DOTQMAIL_MBOX, 0 },
  { "./Maildir/", DOTQMAIL_MAILDIR, 0 },
  { "/", DOTQMAIL_MAILDIR, 0 },
  { "&joe@example.org", DOTQMAIL_FORWARD, 1 },
  { "&", DOTQMAIL_FORWARD, 1 },
  { "joe@example.org", DOTQMAIL_FORWARD, 0 },
  { "joe", DOTQMAIL_FORWARD, 0 },
  { "\001x", DOTQMAIL_FORWARD, 0 },
};

static const struct { const char *text; int flagfo; int want; } checks[] = {
  { "./Maildir/\n", 0, 0 },
  { "\n./Maildir/\n", 0, DOTQMAIL_BLANK },
  { " \t\n./Maildir/\n", 0, DOTQMAIL_BLANK },
  { "", 0, 0 },
  { "./Maildir/\n\n\njoe\n", 0, 0 },
  { "|true\n", 1, DOTQMAIL_XPROG },
  { "./Mailbox\n", 1, DOTQMAIL_XFILE },
  { "./Maildir/\n", 1, DOTQMAIL_XFILE },
  { "joe\n#x\n", 1, 0 },
  { "+list\n|true\n", 0, DOTQMAIL_XPROG },
  { "|true\n+list\n./Mailbox\n", 0, DOTQMAIL_XFILE },
  { "+list \n./Maildir/\n", 0, DOTQMAIL_XFILE },
  { "+lists\n|true\n", 0, 0 },
  { "joe\n&\n", 0, DOTQMAIL_EMPTYFWD },
  { "joe\n& \t\n", 0, DOTQMAIL_EMPTYFWD },
  { "&\n|true\n", 1, DOTQMAIL_EMPTYFWD },
  { "|true\n&\n", 1, DOTQMAIL_XPROG },
  { "# \n&x\n", 0, 0 },
  { "\n", 0, DOTQMAIL_BLANK },
  { "joe", 0, 0 },
  { "&", 0, DOTQMAIL_EMPTYFWD },
};

int main(void)
{
  static const char text[] = "a \t\n\n  b\t \nlast";
  const char *line;
  size_t pos = 0, len, skip, i;
  char *big;

  t_name = "lines";
  CHECK(dotqmail_line(text, sizeof text - 1, &pos, &line, &len) == 1);
  CHECK(line == text && len == 1 && pos == 4);
  CHECK(dotqmail_line(text, sizeof text - 1, &pos, &line, &len) == 1);
  CHECK(line == text + 4 && len == 0 && pos == 5);
  CHECK(dotqmail_line(text, sizeof text - 1, &pos, &line, &len) == 1);
  CHECK(line == text + 5 && len == 3 && !memcmp(line, "  b", 3));
  CHECK(dotqmail_line(text, sizeof text - 1, &pos, &line, &len) == 1);
  CHECK(len == 4 && !memcmp(line, "last", 4));
  CHECK(dotqmail_line(text, sizeof text - 1, &pos, &line, &len) == 0);
  pos = 0;
  CHECK(dotqmail_line("", 0, &pos, &line, &len) == 0);
  pos = 0;
  CHECK(dotqmail_line("\n", 1, &pos, &line, &len) == 1 && len == 0 && pos == 1);
  CHECK(dotqmail_line("\n", 1, &pos, &line, &len) == 0);

  t_name = "kinds";
  for (i = 0; i < sizeof kinds / sizeof kinds[0]; ++i) {
    skip = 99;
    CHECK(dotqmail_kind(kinds[i].line, strlen(kinds[i].line), &skip) == kinds[i].kind);
    CHECK(skip == kinds[i].skip);
  }

  t_name = "validate";
  for (i = 0; i < sizeof checks / sizeof checks[0]; ++i)
    if (dotqmail_validate(checks[i].text, strlen(checks[i].text), checks[i].flagfo) == checks[i].want) ++t_pass;
    else { ++t_fail; fprintf(stderr, "validate case %zu: got %d\n", i, dotqmail_validate(checks[i].text, strlen(checks[i].text), checks[i].flagfo)); }

  t_name = "hostile: the whole cap of blanks and one long line";
  big = malloc(DOTQMAIL_MAX);
  CHECK(big != 0);
  if (big) {
    memset(big, ' ', DOTQMAIL_MAX);
    big[0] = 'x';
    pos = 0;
    CHECK(dotqmail_line(big, DOTQMAIL_MAX, &pos, &line, &len) == 1 && len == 1 && pos == (size_t)DOTQMAIL_MAX + 1);
    CHECK(dotqmail_validate(big, DOTQMAIL_MAX, 0) == 0);
    big[0] = '|';
    CHECK(dotqmail_validate(big, DOTQMAIL_MAX, 1) == DOTQMAIL_XPROG);
    memset(big, '\n', DOTQMAIL_MAX);
    big[0] = 'x';
    CHECK(dotqmail_validate(big, DOTQMAIL_MAX, 1) == 0);
    free(big);
  }
  return t_done();
}
