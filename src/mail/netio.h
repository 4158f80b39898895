/* netio: buffer operations for a server's client connection (fds 0 and 1)
   with a timeout per call and a deadline for the whole session.
   netio_read and netio_write have the buffer_op shape: a count, 0 at EOF
   (reads), or -1 with errno: ETIMEDOUT when one call waited netio_timeout
   seconds, ETIME when the session passed netio_deadline (reads only: a
   write may finish after it, so a last reply can say why we stop).  Before each
   read netio_read flushes netio_out (when set), so replies to pipelined
   requests go out in one batch just before the program would wait.
   netio_init sets the deadline session seconds from now. */
#ifndef NETIO_H
#define NETIO_H
#include <stddef.h>
#include <sys/types.h>
#include <time.h>
#include "buffer.h"
extern long netio_timeout;
extern time_t netio_deadline;
extern buffer *netio_out;
extern void netio_init(long timeout, unsigned long session);
extern ssize_t netio_read(int fd, char *buf, size_t len);
extern ssize_t netio_write(int fd, char *buf, size_t len);
#endif
