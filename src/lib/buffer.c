/* buffer.c: the buffered reader and writer.  On the read side x[n-p..n)
   holds unread bytes; on the write side x[0..p) holds unwritten bytes. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "buffer.h"

void buffer_init(buffer *b, buffer_op op, int fd, char *buf, size_t len)
{
  b->x = buf; b->n = len; b->p = 0; b->fd = fd; b->op = op;
}

ssize_t buffer_unixread(int fd, char *buf, size_t len)
{
  ssize_t r;
  do r = read(fd, buf, len); while (r == -1 && errno == EINTR);
  return r;
}

ssize_t buffer_unixwrite(int fd, char *buf, size_t len)
{
  ssize_t r;
  do r = write(fd, buf, len); while (r == -1 && errno == EINTR);
  return r;
}

static int allwrite(buffer_op op, int fd, const char *s, size_t len)
{
  while (len) {
    ssize_t w = op(fd, (char *)s, len);
    if (w == -1) { if (errno == EINTR) continue; return -1; }
    if (w == 0) { errno = EIO; return -1; }
    s += w; len -= (size_t)w;
  }
  return 0;
}

int buffer_flush(buffer *b)
{
  size_t p = b->p;
  if (!p) return 0;
  b->p = 0;
  return allwrite(b->op, b->fd, b->x, p);
}

int buffer_putalign(buffer *b, const char *s, size_t len)
{
  while (len > b->n - b->p) {
    size_t n = b->n - b->p;
    memcpy(b->x + b->p, s, n);
    b->p += n; s += n; len -= n;
    if (buffer_flush(b) == -1) return -1;
  }
  memcpy(b->x + b->p, s, len);
  b->p += len;
  return 0;
}

int buffer_put(buffer *b, const char *s, size_t len)
{
  if (len > b->n - b->p) {
    if (buffer_flush(b) == -1) return -1;
    if (len >= b->n) return allwrite(b->op, b->fd, s, len);
  }
  memcpy(b->x + b->p, s, len);
  b->p += len;
  return 0;
}

int buffer_putflush(buffer *b, const char *s, size_t len)
{
  if (buffer_flush(b) == -1) return -1;
  return allwrite(b->op, b->fd, s, len);
}

int buffer_puts(buffer *b, const char *s) { return buffer_put(b, s, strlen(s)); }
int buffer_putsflush(buffer *b, const char *s) { return buffer_putflush(b, s, strlen(s)); }

ssize_t buffer_feed(buffer *b)
{
  ssize_t r;
  if (b->p) return (ssize_t)b->p;
  r = b->op(b->fd, b->x, b->n);
  if (r <= 0) return r;
  b->p = (size_t)r;
  if ((size_t)r < b->n) memmove(b->x + b->n - r, b->x, (size_t)r);
  return r;
}

char *buffer_peek(buffer *b) { return b->x + b->n - b->p; }
void buffer_seek(buffer *b, size_t len) { b->p -= len; }

ssize_t buffer_get(buffer *b, char *s, size_t len)
{
  ssize_t r;
  if (!len) return 0;
  if (!b->p && len >= b->n) {
    return b->op(b->fd, s, len);
  }
  r = buffer_feed(b);
  if (r <= 0) return r;
  if (len > b->p) len = b->p;
  memcpy(s, buffer_peek(b), len);
  buffer_seek(b, len);
  return (ssize_t)len;
}

int buffer_copy(buffer *to, buffer *from)
{
  for (;;) {
    ssize_t n = buffer_feed(from);
    if (n < 0) return -2;
    if (n == 0) return 0;
    if (buffer_put(to, buffer_peek(from), (size_t)n) == -1) return -3;
    buffer_seek(from, (size_t)n);
  }
}

static char buf0[BUFFER_INSIZE], buf1[BUFFER_OUTSIZE], buf2[256];
static buffer b0 = BUFFER_INIT(buffer_unixread, 0, buf0, sizeof buf0);
static buffer b1 = BUFFER_INIT(buffer_unixwrite, 1, buf1, sizeof buf1);
static buffer b2 = BUFFER_INIT(buffer_unixwrite, 2, buf2, sizeof buf2);
buffer *buffer_0 = &b0, *buffer_1 = &b1, *buffer_2 = &b2;
