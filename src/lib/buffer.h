/* buffer: substdio-style buffered I/O over an operation function.
   op(fd, buf, len) returns a count, 0 at EOF (reads), or -1 with errno.
   Readers (buffer_get, buffer_feed) return a count, 0 at EOF, -1 on error.
   Writers (buffer_put*, buffer_flush) return 0, or -1 on error.
   buffer_copy returns 0, -2 on a read error, -3 on a write error. */
#ifndef BUFFER_H
#define BUFFER_H
#include <stddef.h>
#include <sys/types.h>

typedef ssize_t (*buffer_op)(int fd, char *buf, size_t len);
typedef struct buffer {
  char *x;      /* the space */
  size_t p;     /* bytes waiting: to be written, or read and not yet taken */
  size_t n;     /* size of the space */
  int fd;
  buffer_op op;
} buffer;

#define BUFFER_INIT(op, fd, buf, len) { (buf), 0, (len), (fd), (op) }
#define BUFFER_INSIZE 8192
#define BUFFER_OUTSIZE 8192

extern void buffer_init(buffer *b, buffer_op op, int fd, char *buf, size_t len);
extern int buffer_flush(buffer *b);
extern int buffer_put(buffer *b, const char *s, size_t len);
extern int buffer_putalign(buffer *b, const char *s, size_t len);
extern int buffer_putflush(buffer *b, const char *s, size_t len);
extern int buffer_puts(buffer *b, const char *s);
extern int buffer_putsflush(buffer *b, const char *s);
extern ssize_t buffer_get(buffer *b, char *s, size_t len);
extern ssize_t buffer_feed(buffer *b);
extern char *buffer_peek(buffer *b);
extern void buffer_seek(buffer *b, size_t len);
extern int buffer_copy(buffer *to, buffer *from);

/* plain read/write with EINTR retried */
extern ssize_t buffer_unixread(int fd, char *buf, size_t len);
extern ssize_t buffer_unixwrite(int fd, char *buf, size_t len);

extern buffer *buffer_0, *buffer_1, *buffer_2;
#endif
