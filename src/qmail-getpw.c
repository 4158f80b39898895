/* qmail-getpw.c: which account controls a local part.  Run by
   qmail-lspawn as qmailp:nofiles in HOME; prints six NUL-terminated
   fields (user uid gid homedir dash ext) on fd 1.  Exit codes:
   qmail-getpw(8). */
#include <errno.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "case.h"
#include "error.h"
#include "fmt.h"
#include "str.h"
#include "stralloc.h"

#define QLX_NFS 115
#define QLX_NOALIAS 116
#define QLX_SYS 118
#define QLX_NOMEM 119
#define NAMEMAX 32 /* a candidate must be shorter */

static void die_nomem(void) { _exit(QLX_NOMEM); }

static void put(const char *s, size_t len)
{
  if (buffer_put(buffer_1, s, len) == -1) _exit(QLX_SYS);
  if (buffer_put(buffer_1, "", 1) == -1) _exit(QLX_SYS);
}

static void putnum(unsigned long u)
{
  char num[FMT_ULONG];
  put(num, fmt_ulong(num, u));
}

static void answer(const struct passwd *pw, const char *home, const char *dash, const char *ext)
{
  put(pw->pw_name, str_len(pw->pw_name));
  putnum((unsigned long)pw->pw_uid);
  putnum((unsigned long)pw->pw_gid);
  put(home, str_len(home));
  put(dash, str_len(dash));
  put(ext, str_len(ext));
  if (buffer_flush(buffer_1) == -1) _exit(QLX_SYS);
  _exit(0);
}

/* the account named by local[0..len), lowercased, if it may get mail */
static struct passwd *user(const char *local, size_t len)
{
  static stralloc name = STRALLOC_ZERO;
  struct passwd *pw;
  struct stat st;
  if (len >= NAMEMAX) return 0;
  if (!stralloc_copyb(&name, local, len) || !stralloc_0(&name)) die_nomem();
  case_lowerb(name.s, len);
  if (str_len(name.s) != len) return 0;
  errno = 0;
  pw = getpwnam(name.s);
  if (!pw) {
    if (errno == ETXTBSY) _exit(QLX_SYS);
    return 0;
  }
  if (pw->pw_uid == 0) return 0;
  if (stat(pw->pw_dir, &st) == -1) {
    if (error_temp(errno)) _exit(QLX_NFS);
    return 0;
  }
  if (st.st_uid != pw->pw_uid) return 0;
  return pw;
}

int main(int argc, char **argv)
{
  static stralloc home = STRALLOC_ZERO;
  struct passwd *pw;
  const char *local;
  size_t len, i;
  char brk = auto_break[0] ? auto_break[0] : '-';

  if (argc < 2) _exit(100);
  local = argv[1];
  len = str_len(local);
  if ((pw = user(local, len))) answer(pw, pw->pw_dir, "", "");
  for (i = len; i-- > 0;)
    if (local[i] == brk && (pw = user(local, i))) answer(pw, pw->pw_dir, "-", local + i + 1);

  errno = 0;
  pw = getpwnam(auto_usera);
  if (!pw) _exit(errno == ETXTBSY || error_temp(errno) ? QLX_SYS : QLX_NOALIAS);
  if (!stralloc_copys(&home, auto_home) || !stralloc_cats(&home, "/alias")) die_nomem();
  if (!stralloc_0(&home)) die_nomem();
  answer(pw, home.s, "-", local);
  return 0;
}
