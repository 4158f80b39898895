/* strerr.c: build the whole line first so it leaves in one write(2);
   a line longer than the buffer is cut, never overflowed. */
#include <errno.h>
#include <stdarg.h>
#include <string.h>
#include <unistd.h>
#include "strerr.h"

#define LINE 1024
#define MAXPARTS 16

const char *strerr_sysstr(int err) { return strerror(err); }

void strerr_warnv(int sys, const char *const *parts)
{
  char line[LINE];
  size_t n = 0;
  int err = errno;
  const char *s;
  for (; (s = *parts); ++parts)
    while (*s && n < LINE - 2) line[n++] = *s++;
  if (sys) {
    const char *t = strerror(err);
    while (*t && n < LINE - 2) line[n++] = *t++;
  }
  line[n++] = '\n';
  { ssize_t w; size_t off = 0;
    while (off < n) {
      w = write(2, line + off, n - off);
      if (w == -1 && errno == EINTR) continue;
      if (w <= 0) break;
      off += (size_t)w;
    }
  }
  errno = err;
}

static void collect(const char **parts, va_list ap)
{
  size_t i = 0;
  const char *s;
  while ((s = va_arg(ap, const char *)) && i < MAXPARTS - 1) parts[i++] = s;
  parts[i] = 0;
}

void strerr_warn(int sys, ...)
{
  const char *parts[MAXPARTS];
  va_list ap;
  va_start(ap, sys);
  collect(parts, ap);
  va_end(ap);
  strerr_warnv(sys, parts);
}

void strerr_die(int e, int sys, ...)
{
  const char *parts[MAXPARTS];
  va_list ap;
  va_start(ap, sys);
  collect(parts, ap);
  va_end(ap);
  strerr_warnv(sys, parts);
  _exit(e);
}
