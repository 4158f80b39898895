/* checkpassword: the checkpassword interface for the system's accounts.
   Run as root (by qmail-popup) with login\0password\0timestamp\0 on fd 3.
   It checks the password against the shadow file with crypt(3); on success
   it sets USER, HOME and SHELL, takes the user's groups, gid and uid,
   changes to the home directory and execs its arguments.  Exit codes:
   1 refused (after a fixed delay), 2 misuse, 111 temporary (checkpassword(8)). */
#include <crypt.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <shadow.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include "auto.h"
#include "control.h"
#include "env.h"
#include "str.h"
#include "stralloc.h"

#define INMAX 512          /* the interface allows this much on fd 3 */
#define DELAY 2            /* seconds from the request to any refusal */
#define MINUID 1000        /* when control/checkpasswordminuid is absent */

static struct timespec start;
static char up[INMAX + 1];
static size_t uplen;

static void die_misuse(void) { _exit(2); }
static void die_temp(void) { explicit_bzero(up, sizeof up); _exit(111); }

/* refuse, DELAY seconds after the request arrived, whatever took how long */
static void refuse(void)
{
  struct timespec now, t;
  explicit_bzero(up, sizeof up);
  for (;;) {
    if (clock_gettime(CLOCK_MONOTONIC, &now) == -1) break;
    t.tv_sec = start.tv_sec + DELAY - now.tv_sec;
    t.tv_nsec = start.tv_nsec - now.tv_nsec;
    if (t.tv_nsec < 0) { t.tv_nsec += 1000000000; --t.tv_sec; }
    if (t.tv_sec < 0) break;
    nanosleep(&t, 0);
  }
  _exit(1);
}

static void readinput(void)
{
  for (;;) {
    ssize_t r = read(3, up + uplen, sizeof up - uplen);
    if (r == -1) {
      if (errno == EINTR) continue;
      if (errno == EBADF) die_misuse();
      die_temp();
    }
    if (r == 0) break;
    uplen += (size_t)r;
    if (uplen == sizeof up) die_misuse(); /* more than INMAX bytes */
  }
  close(3);
}

/* the lookup returned nothing: absent (refuse) or broken (temporary) */
static void notfound(int e)
{
  if (e == 0 || e == ENOENT || e == ESRCH || e == EBADF || e == EPERM) refuse();
  die_temp();
}

static unsigned long minuid(void)
{
  unsigned long u = MINUID;
  if (chdir(auto_home) == -1) die_temp();
  if (control_readulong(&u, "control/checkpasswordminuid") == -1) die_temp();
  return u;
}

/* the stored hash for pw, or refuse() when the account cannot log in */
static const char *storedhash(const struct passwd *pw)
{
  struct spwd *sp;
  const char *h;
  errno = 0;
  sp = getspnam(pw->pw_name);
  if (sp) {
    /* -1 is "never"; 0 is 1970-01-01, as pam_unix reads it */
    long today = (long)(time(0) / 86400);
    if (sp->sp_expire != -1 && today >= sp->sp_expire) refuse();
    h = sp->sp_pwdp;
  }
  else {
    if (errno && errno != ENOENT) die_temp();
    /* "x" says the hash is in the shadow file, which we could not read */
    if (str_equal(pw->pw_passwd, "x")) die_temp();
    h = pw->pw_passwd;
  }
  /* empty, locked ("!", "*") or the shadow marker ("x"): no password login */
  if (!h || str_len(h) < 2 || h[0] == '!' || h[0] == '*') refuse();
  return h;
}

static int sameb(const char *a, const char *b)
{
  size_t n = str_len(a), i;
  unsigned char d = 0;
  if (n != str_len(b)) return 0;
  for (i = 0; i < n; ++i) d |= (unsigned char)(a[i] ^ b[i]);
  return d == 0;
}

int main(int argc, char **argv)
{
  const char *login, *pass, *hash, *c;
  struct passwd *pw;
  stralloc name = STRALLOC_ZERO, home = STRALLOC_ZERO, shell = STRALLOC_ZERO;
  size_t i;
  uid_t uid;
  gid_t gid;

  if (argc < 2) die_misuse();
  readinput();
  if (clock_gettime(CLOCK_MONOTONIC, &start) == -1) die_temp();
  i = str_len(up);                       /* up[INMAX] is always 0 */
  if (i >= uplen) die_misuse();          /* no NUL after the login */
  login = up;
  pass = up + i + 1;
  if (i + 1 + str_len(pass) >= uplen) die_misuse(); /* none after the password */
  if (!*login || !*pass) refuse();

  errno = 0;
  pw = getpwnam(login);
  if (!pw) notfound(errno);
  if (pw->pw_uid == 0 || pw->pw_uid < minuid()) refuse();
  uid = pw->pw_uid;
  gid = pw->pw_gid;
  if (!stralloc_copys(&name, pw->pw_name) || !stralloc_0(&name)) die_temp();
  if (!stralloc_copys(&home, pw->pw_dir) || !stralloc_0(&home)) die_temp();
  if (!stralloc_copys(&shell, *pw->pw_shell ? pw->pw_shell : "/bin/sh") || !stralloc_0(&shell)) die_temp();

  hash = storedhash(pw);
  errno = 0;
  c = crypt(pass, hash);
  if (!c || *c == '*') { if (errno == ENOMEM) die_temp(); refuse(); }
  if (!sameb(c, hash)) refuse();
  explicit_bzero(up, sizeof up);

  if (!env_set("USER", name.s) || !env_set("HOME", home.s) || !env_set("SHELL", shell.s)) die_temp();
  if (initgroups(name.s, gid) == -1) die_temp();
  if (setgid(gid) == -1) die_temp();
  if (setuid(uid) == -1) die_temp();
  if (getuid() != uid || geteuid() != uid || getgid() != gid || getegid() != gid) die_temp();
  if (chdir(home.s) == -1) die_temp();
  execvp(argv[1], argv + 1);
  die_temp();
}
