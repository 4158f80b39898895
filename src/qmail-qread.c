/* qmail-qread: list the messages in the queue with their recipients, in
   qmail's format, oldest message number first.  Run by root or qmails
   (it reads info/, local/, remote/).  Exit codes in qmail-qread(8). */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "date822fmt.h"
#include "fmt.h"
#include "fmtqfn.h"
#include "getln.h"
#include "open.h"
#include "scan.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "qmail-qread: fatal: "
#define FIELDMAX 65536 /* longest address record read */

static void __attribute__((noreturn)) die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void __attribute__((noreturn)) die_chdir(void) { strerr_die4sys(111, FATAL, "unable to chdir to ", auto_home, "/queue: "); }
static void __attribute__((noreturn)) die_opendir(const char *d) { strerr_die4sys(111, FATAL, "unable to read directory ", d, ": "); }
static void __attribute__((noreturn)) die_write(void) { strerr_die2sys(111, FATAL, "unable to write output: "); }

static stralloc ids = STRALLOC_ZERO;   /* unsigned long[] */
static stralloc rec = STRALLOC_ZERO;
static char inbuf[1024];

static void outb(const char *s, size_t n) { if (buffer_put(buffer_1, s, n) == -1) die_write(); }
static void outs(const char *s) { if (buffer_puts(buffer_1, s) == -1) die_write(); }
static void outnum(unsigned long u) { char num[FMT_ULONG]; outb(num, fmt_ulong(num, u)); }

/* text from the queue: anything unprintable becomes '_' */
static void outsafe(const char *s, size_t n)
{
  for (; n; ++s, --n) outb((*s >= 32 && *s <= 126) ? s : "_", 1);
}

static void trouble(unsigned long id)
{
  const char *e = strerr_sysstr(errno);
  outs("warning: trouble with #"); outnum(id); outs(": "); outs(e); outs("\n");
}

static void collect(void)
{
  char dir[FMTQFN];
  unsigned long s, id;
  size_t k;
  DIR *d;
  struct dirent *de;

  for (s = 0; s < auto_split; ++s) {
    k = fmt_str(dir, "info/");
    k += fmt_ulong(dir + k, s);
    dir[k] = 0;
    d = opendir(dir);
    if (!d) die_opendir(dir);
    for (errno = 0; (de = readdir(d)); errno = 0) {
      k = scan_ulong(de->d_name, &id);
      if (!k || de->d_name[k] || id % auto_split != s) continue;
      if (!stralloc_catb(&ids, (const char *)&id, sizeof id)) die_nomem();
    }
    if (errno) die_opendir(dir);
    closedir(d);
  }
}

static int byid(const void *a, const void *b)
{
  unsigned long x = *(const unsigned long *)a, y = *(const unsigned long *)b;
  return x < y ? -1 : x > y;
}

/* one NUL-terminated record; 1 read, 0 at the end, -1 error */
static int getrec(buffer *b)
{
  int match;
  if (getln_max(b, &rec, &match, 0, FIELDMAX) == -1) return -1;
  if (!match) return 0;
  --rec.len;  /* the NUL */
  return 1;
}

static void recipients(unsigned long id, const char *dir, const char *tag)
{
  char fn[FMTQFN];
  buffer b;
  int fd, r;

  fmtqfn(fn, dir, id, 1);
  fd = open_read(fn);
  if (fd == -1) { if (errno != ENOENT) trouble(id); return; }
  buffer_init(&b, buffer_unixread, fd, inbuf, sizeof inbuf);
  while ((r = getrec(&b)) == 1) {
    if (!rec.len || (rec.s[0] != 'T' && rec.s[0] != 'D')) continue;
    if (rec.s[0] == 'D') outs("  done");
    outs(tag);
    outsafe(rec.s + 1, rec.len - 1);
    outs("\n");
  }
  if (r == -1) trouble(id);
  close(fd);
}

static void onemessage(unsigned long id)
{
  char fn[FMTQFN];
  char date[DATE822FMT];
  struct stat st;
  unsigned long size;
  int flagbounce, fd, r;
  buffer b;

  fmtqfn(fn, "mess/", id, 1);
  if (stat(fn, &st) == -1) { trouble(id); return; }
  size = (unsigned long)st.st_size;
  fmtqfn(fn, "bounce/", id, 0);
  flagbounce = stat(fn, &st) == 0;
  fmtqfn(fn, "info/", id, 1);
  fd = open_read(fn);
  if (fd == -1) { trouble(id); return; }
  buffer_init(&b, buffer_unixread, fd, inbuf, sizeof inbuf);
  r = getrec(&b);
  if (r == 1 && fstat(fd, &st) == -1) r = -1;
  close(fd);
  if (r != 1) { if (r == 0) errno = EPROTO; trouble(id); return; }

  /* "21 Nov 2026 06:07:39 GMT  #12345  678  <sender> " */
  r = (int)date822fmt(date, st.st_mtime) - 6; /* without " -0000" */
  outb(date, (size_t)r);
  outs(" GMT  #"); outnum(id);
  outs("  "); outnum(size);
  outs("  <"); outsafe(rec.s + 1, rec.len ? rec.len - 1 : 0); outs("> ");
  if (flagbounce) outs(" bouncing");
  outs("\n");
  recipients(id, "local/", "\tlocal\t");
  recipients(id, "remote/", "\tremote\t");
}

int main(void)
{
  unsigned long *id;
  size_t n, i;

  if (chdir(auto_home) == -1 || chdir("queue") == -1) die_chdir();
  collect();
  id = (unsigned long *)ids.s;
  n = ids.len / sizeof *id;
  if (n) qsort(id, n, sizeof *id, byid);
  for (i = 0; i < n; ++i) onemessage(id[i]);
  if (buffer_flush(buffer_1) == -1) die_write();
  _exit(0);
}
