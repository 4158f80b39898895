/* datain.c: a byte-at-a-time state machine over the buffer's contents,
   so a pipelined command after the final dot stays in the buffer. */
#include <errno.h>
#include "datain.h"

enum { S_BOL, S_LINE, S_CR, S_DOT, S_DOTCR };
#define HOPCAP 1000000UL

void datain_init(struct datain *d, unsigned long max, void (*put)(void *, const char *, size_t), void *arg)
{
  d->max = max; d->bytes = 0; d->hops = 0; d->toobig = 0;
  d->put = put; d->arg = arg;
  d->state = S_BOL; d->inheader = 1; d->maybe = 3; d->pos = 0; d->olen = 0;
}

static void flushout(struct datain *d)
{
  if (d->olen) d->put(d->arg, d->obuf, d->olen);
  d->olen = 0;
}

/* one byte of the message as stored */
static void out(struct datain *d, char ch)
{
  if (d->inheader) {
    if (ch == '\n') {
      if (!d->pos) d->inheader = 0;
      d->pos = 0; d->maybe = 3;
    } else if (d->pos < 9) {
      char lc = (ch >= 'A' && ch <= 'Z') ? (char)(ch + 32) : ch;
      if (d->pos >= 8 || lc != "received"[d->pos]) d->maybe &= ~1;
      if (lc != "delivered"[d->pos]) d->maybe &= ~2;
      if ((d->pos == 7 && (d->maybe & 1)) || (d->pos == 8 && (d->maybe & 2)))
        if (d->hops < HOPCAP) ++d->hops;
      ++d->pos;
    }
  }
  if (d->bytes >= d->max) { d->toobig = 1; return; }
  ++d->bytes;
  d->obuf[d->olen++] = ch;
  if (d->olen == sizeof d->obuf) flushout(d);
}

int datain_get(struct datain *d, buffer *b)
{
  for (;;) {
    ssize_t n = buffer_feed(b), i;
    const char *x;
    if (n == -1) { flushout(d); return -1; }
    if (n == 0) { flushout(d); errno = EPIPE; return -1; }
    x = buffer_peek(b);
    for (i = 0; i < n; ++i) {
      char ch = x[i];
      if (ch == '\n' && d->state != S_CR && d->state != S_DOTCR) {
        buffer_seek(b, (size_t)i);
        flushout(d);
        errno = EPROTO;
        return 0;
      }
      switch (d->state) {
        case S_BOL:
          if (ch == '.') { d->state = S_DOT; break; }
          /* fall through */
        case S_LINE:
          if (ch == '\r') d->state = S_CR; else { out(d, ch); d->state = S_LINE; }
          break;
        case S_CR:
          if (ch == '\n') { out(d, '\n'); d->state = S_BOL; }
          else if (ch == '\r') out(d, '\r');
          else { out(d, '\r'); out(d, ch); d->state = S_LINE; }
          break;
        case S_DOT:
          if (ch == '\r') d->state = S_DOTCR; else { out(d, ch); d->state = S_LINE; }
          break;
        case S_DOTCR:
          if (ch == '\n') {
            buffer_seek(b, (size_t)i + 1);
            flushout(d);
            d->state = S_BOL;
            return 1;
          }
          out(d, '\r');
          if (ch == '\r') d->state = S_CR; else { out(d, ch); d->state = S_LINE; }
          break;
      }
    }
    buffer_seek(b, (size_t)n);
  }
}
