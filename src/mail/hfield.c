/* hfield.c: field names, as listed in qmail-header(5). */
#include "case.h"
#include "hfield.h"
#include "str.h"

static const char *const names[H_NUM] = {
  0, "sender", "from", "reply-to", "to", "cc", "bcc", "date", "message-id",
  "subject", "resent-sender", "resent-from", "resent-reply-to", "resent-to",
  "resent-cc", "resent-bcc", "resent-date", "resent-message-id",
  "return-receipt-to", "errors-to", "apparently-to", "received",
  "return-path", "delivered-to", "content-length", "content-type",
  "content-transfer-encoding", "notice-requested-upon-delivery-to",
  "mail-followup-to"
};

size_t hfield_valid(const char *line, size_t n)
{
  size_t i = 0;
  while (i < n && line[i] != ':' && (unsigned char)line[i] > 32 && (unsigned char)line[i] < 127) ++i;
  if (!i) return 0;
  while (i < n && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == n || line[i] != ':') return 0;
  return i + 1;
}

int hfield_known(const char *name, size_t n)
{
  int h;
  while (n && (name[n - 1] == ':' || name[n - 1] == ' ' || name[n - 1] == '\t')) --n;
  for (h = 1; h < H_NUM; ++h)
    if (str_len(names[h]) == n && !case_diffb(name, n, names[h])) return h;
  return H_OTHER;
}
