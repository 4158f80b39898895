/* t.h: the unit-test harness.  CHECK(cond) counts a pass or prints the
   failing line; CHECKMEM compares bytes; t_done() prints
   "N passed, N failed" and returns the exit status.
   t_tmpdir() makes a fresh scratch directory (removed at exit) and
   t_path(name) names a file in it (a static buffer, valid until the next
   call).  t_capture(fn, arg, out, outlen, status) runs fn(arg) in a child
   with fd 2 on a pipe: it returns the bytes written (NUL-terminated in out)
   and sets *status to the child's wait status.
   t_memread is a buffer_op reading from memory: t_memsrc(s, len, chunk)
   says what it serves next, at most chunk bytes a call (0: no limit), 0
   at the end; t_memfail(at, err) makes every read fail with errno err once
   at bytes have been served (t_memsrc cancels it); t_memleft() is how many
   bytes have not been served yet. */
#ifndef T_H
#define T_H
#include <stdio.h>
#include <string.h>
#include <sys/types.h>
extern unsigned long t_pass, t_fail;
extern const char *t_name;
#define CHECK(c) do { if (c) ++t_pass; else { ++t_fail; \
  fprintf(stderr, "%s:%d: %s: check failed: %s\n", __FILE__, __LINE__, t_name, #c); } } while (0)
#define CHECKMEM(a, n, b) do { if ((n) == (n) && !memcmp((a), (b), (n))) ++t_pass; else { ++t_fail; \
  fprintf(stderr, "%s:%d: %s: bytes differ: %s\n", __FILE__, __LINE__, t_name, #a); } } while (0)
#define CHECKSTR(a, b) do { const char *t_a = (a), *t_b = (b); \
  if (t_a && t_b && !strcmp(t_a, t_b)) ++t_pass; else { ++t_fail; \
  fprintf(stderr, "%s:%d: %s: \"%s\" != \"%s\"\n", __FILE__, __LINE__, t_name, t_a ? t_a : "(null)", t_b ? t_b : "(null)"); } } while (0)
extern int t_done(void);
extern const char *t_tmpdir(void);
extern const char *t_path(const char *name);
extern size_t t_capture(void (*fn)(void *), void *arg, char *out, size_t outlen, int *status);
extern void t_memsrc(const char *s, size_t len, size_t chunk);
extern void t_memfail(size_t at, int err);
extern size_t t_memleft(void);
extern ssize_t t_memread(int fd, char *buf, size_t len);
#endif
