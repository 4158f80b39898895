/* envread.c: one record of qmail-queue's envelope; see envread.h. */
#include "envread.h"

int envread_record(struct envread *e, buffer *b, char rec[ENVREAD_RECMAX], size_t *len)
{
  char ch;
  size_t n = 0;

  *len = 0;
  if (buffer_get(b, &ch, 1) != 1) return ENVREAD_EREAD;
  if (!e->started) {
    if (ch != 'F') return ENVREAD_EFORMAT;
    e->started = 1;
  } else {
    if (!ch) return ENVREAD_END;
    if (ch != 'T') return ENVREAD_EFORMAT;
    if (e->rcpts >= ENVREAD_RCPTMAX) return ENVREAD_ETOOMANY;
    ++e->rcpts;
  }
  rec[n++] = ch;
  for (;;) {
    /* n <= ENVREAD_ADDRMAX + 1 here, so rec[n] is inside the array */
    if (buffer_get(b, &ch, 1) != 1) { *len = n; return ENVREAD_EREAD; }
    rec[n++] = ch;
    if (!ch) { *len = n; return ENVREAD_REC; }
    if (n - 1 > ENVREAD_ADDRMAX) { *len = n; return ENVREAD_ETOOLONG; }
  }
}
