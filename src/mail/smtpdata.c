/* smtpdata.c: canonical, dot-stuffed DATA (smtpdata.h). */
#include "smtpdata.h"

static int emit(buffer *out, const char *s, size_t n)
{
  return out ? buffer_put(out, s, n) : 0;
}

int smtpdata_put(buffer *out, struct smtpdata *st, const char *s, size_t n)
{
  size_t i = 0, j;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (c == '\n' || c == '\r') {
      if (!(c == '\n' && st->cr)) {
        if (emit(out, "\r\n", 2) == -1) return -1;
        st->bytes += 2;
      }
      st->cr = c == '\r';
      st->bol = 1;
      ++i;
      continue;
    }
    st->cr = 0;
    if (st->bol && c == '.' && emit(out, ".", 1) == -1) return -1;
    st->bol = 0;
    for (j = i; j < n && s[j] != '\n' && s[j] != '\r'; ++j)
      if ((unsigned char)s[j] >= 128) st->eightbit = 1;
    if (emit(out, s + i, j - i) == -1) return -1;
    st->bytes += j - i;
    i = j;
  }
  return 0;
}

int smtpdata_end(buffer *out, struct smtpdata *st)
{
  if (!st->bol) {
    if (emit(out, "\r\n", 2) == -1) return -1;
    st->bytes += 2;
    st->bol = 1;
  }
  st->cr = 0;
  return emit(out, ".\r\n", 3);
}
