/* t_hfield: valid field names (spaces before the colon allowed; empty,
   spaced, control or 8-bit names refused; no colon refused; counted
   length respected) and the known-name table, case-insensitive, with and
   without the trailing colon. */
#include "hfield.h"
#include "t.h"

struct v { const char *label, *line; size_t n; size_t r; };
static const struct v valid[] = {
  { "plain", "Subject: hi", 11, 8 },
  { "space before colon", "Subject  : hi", 13, 10 },
  { "tab before colon", "X-A\t: b", 7, 5 },
  { "no value", "To:", 3, 3 },
  { "empty name", ": x", 3, 0 },
  { "space in name", "Sub ject: x", 11, 0 },
  { "no colon", "Subject hi", 10, 0 },
  { "continuation", " folded", 7, 0 },
  { "control byte", "Sub\001ject: x", 11, 0 },
  { "8-bit", "Sub\303\274: x", 9, 0 },
  { "colon past n", "Subject: x", 7, 0 },
  { "empty", "", 0, 0 },
  { "From_ line", "From joe Mon Jan 1", 18, 0 },
};

struct k { const char *name; int h; };
static const struct k known[] = {
  { "From", H_FROM }, { "from:", H_FROM }, { "FROM :", H_FROM }, { "To", H_TO }, { "cc", H_CC },
  { "Bcc", H_BCC }, { "Resent-To", H_R_TO }, { "Message-ID", H_MESSAGEID }, { "Date", H_DATE },
  { "Received", H_RECEIVED }, { "Return-Path", H_RETURNPATH }, { "Delivered-To", H_DELIVEREDTO },
  { "Content-Length", H_CONTENTLENGTH }, { "Mail-Followup-To", H_MAILFOLLOWUPTO },
  { "Notice-Requested-Upon-Delivery-To", H_NOTICEREQUESTED }, { "Apparently-To", H_APPARENTLYTO },
  { "X-Mailer", H_OTHER }, { "Fro", H_OTHER }, { "Fromm", H_OTHER }, { "", H_OTHER },
};

int main(void)
{
  size_t i;
  for (i = 0; i < sizeof valid / sizeof valid[0]; ++i) {
    t_name = valid[i].label;
    CHECK(hfield_valid(valid[i].line, valid[i].n) == valid[i].r);
  }
  for (i = 0; i < sizeof known / sizeof known[0]; ++i) {
    t_name = known[i].name;
    CHECK(hfield_known(known[i].name, strlen(known[i].name)) == known[i].h);
  }
  t_name = "counted name";
  CHECK(hfield_known("Tox", 2) == H_TO);
  return t_done();
}
