/* qmail-clean: removes queue files on qmail-send's behalf.  Runs as
   qmailq, started by qmail-start: requests on fd 0 ("foop/N" or "todo/N",
   NUL-terminated), one reply byte on fd 1: '+' done, '!' an unlink failed,
   'x' bad request.  Exits 0 at EOF, 111 when it cannot reach the queue
   (qmail-clean(8)). */
#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "fmtqfn.h"
#include "scan.h"
#include "sig.h"
#include "str.h"

#define REQMAX 100          /* longest request, with its NUL */
#define OSSIFIED 129600     /* pid/ leftovers older than this are removed */
#define PIDEVERY 30         /* look at pid/ once every so many requests */

static char inbuf[128];
static buffer bin = BUFFER_INIT(buffer_unixread, 0, inbuf, sizeof inbuf);

static void reply(const char *c)
{
  if (buffer_unixwrite(1, (char *)c, 1) != 1) _exit(111);
}

static int rm(const char *fn)
{
  return unlink(fn) == -1 && errno != ENOENT ? -1 : 0;
}

/* remove temporary files that a dead qmail-queue left in pid/ */
static void cleanpid(void)
{
  DIR *d;
  struct dirent *de;
  struct stat st;
  char fn[300];
  time_t now = time(0);
  size_t n;

  d = opendir("pid");
  if (!d) return;
  while ((de = readdir(d))) {
    n = str_len(de->d_name);
    if (de->d_name[0] == '.' || n > 200) continue;
    byte_copy(fn, 4, "pid/");
    byte_copy(fn + 4, n + 1, de->d_name);
    if (stat(fn, &st) == -1) continue;
    if (now > st.st_atime + OSSIFIED) rm(fn);
  }
  closedir(d);
}

/* one request into req (NUL-terminated); 0 at EOF, -1 when too long */
static int getreq(char *req)
{
  size_t len = 0;
  char ch;
  int flagbad = 0;
  for (;;) {
    ssize_t r = buffer_get(&bin, &ch, 1);
    if (r == -1) _exit(111);
    if (r == 0) { if (len) _exit(111); return 0; }
    if (len < REQMAX) req[len] = ch; else flagbad = 1;
    ++len;
    if (!ch) return flagbad ? -1 : 1;
  }
}

static void doreq(const char *req)
{
  unsigned long id;
  size_t n;
  char fn1[FMTQFN], fn2[FMTQFN];
  int flagtodo;

  if (str_start(req, "foop/")) flagtodo = 0;
  else if (str_start(req, "todo/")) flagtodo = 1;
  else { reply("x"); return; }
  n = scan_ulong(req + 5, &id);
  if (!n || req[5 + n] || (req[5] == '0' && n > 1)) { reply("x"); return; }
  fmtqfn(fn1, "intd/", id, 0);
  if (flagtodo) fmtqfn(fn2, "todo/", id, 0);
  else fmtqfn(fn2, "mess/", id, 1);
  if (rm(fn1) == -1 || rm(fn2) == -1) { reply("!"); return; }
  reply("+");
}

int main(void)
{
  char req[REQMAX];
  int count = 0, r;

  sig_ignore(SIGPIPE);
  if (chdir(auto_home) == -1) _exit(111);
  if (chdir("queue") == -1) _exit(111);
  for (;;) {
    if (++count >= PIDEVERY) { cleanpid(); count = 0; }
    r = getreq(req);
    if (r == 0) _exit(0);
    if (r == -1) { reply("x"); continue; }
    doreq(req);
  }
}
