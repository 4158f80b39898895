/* timeoutio: read and write that give up after t seconds.
   Return a count (0 at EOF for reads), or -1 with errno (ETIMEDOUT on
   timeout).  Every network read and write in quail goes through these. */
#ifndef TIMEOUTIO_H
#define TIMEOUTIO_H
#include <stddef.h>
#include <sys/types.h>
extern ssize_t timeoutread(long t, int fd, char *buf, size_t len);
extern ssize_t timeoutwrite(long t, int fd, const char *buf, size_t len);
#endif
