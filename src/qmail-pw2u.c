/* qmail-pw2u.c: turn a V7 passwd file (fd 0) into a users/assign file
   (fd 1) with qmail-getpw's rules, shaped by the optional files
   HOME/users/{include,exclude,mailnames,subusers,append}.  Run by the
   admin; options and exit codes: qmail-pw2u(8). */
#include <errno.h>
#include <sys/stat.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "constmap.h"
#include "control.h"
#include "fmt.h"
#include "getln.h"
#include "open.h"
#include "scan.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "qmail-pw2u: fatal: "
#define USAGE "qmail-pw2u: usage: qmail-pw2u [ -/ohHuUC ] [ -cbreak ]"
#define LINEMAX 65536

static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void die_write(void) { strerr_die2sys(111, FATAL, "unable to write output: "); }
static void die_read(void) { strerr_die2sys(111, FATAL, "unable to read input: "); }
static void die_usage(void) { strerr_die1x(100, USAGE); }

static int homecheck = 'o';   /* o skip, h stop, H none */
static int flagupper = 0, flagnoext = 0;
static char breakchar = '-';
static const char *dashext = "-";
static stralloc incl, excl, mailnames, subusers, append, aliashome;
static struct constmap mapincl, mapexcl, mapmail;
static int flagincl, flagalias;

static void out(const char *s, size_t len) { if (buffer_put(buffer_1, s, len) == -1) die_write(); }
static void outs(const char *s) { out(s, str_len(s)); }

/* a whole optional file in HOME/users: 1 read, 0 absent (control rules) */
static int optfile(stralloc *sa, const char *fn, struct constmap *m, int split)
{
  int r = control_readfile(sa, fn);
  if (r == -1) strerr_die4sys(111, FATAL, "unable to read ", fn, ": ");
  if (m && !constmap_init(m, sa->s ? sa->s : "", sa->len, split)) die_nomem();
  return r;
}

/* one line of fields U:uid:gid:home, then "=M:U:...:::" and "+Mbrk:U:...:-::" */
static void assign(const char *m, size_t mlen, const char *u, const char *uid, const char *gid,
  const char *home, const char *pre)
{
  char b[1];
  b[0] = breakchar;
  out("=", 1); out(m, mlen); out(":", 1);
  outs(u); out(":", 1); outs(uid); out(":", 1); outs(gid); out(":", 1); outs(home);
  out(":", 1); if (*pre) outs(dashext); out(":", 1); outs(pre); out(":\n", 2);
  if (flagnoext) return;
  out("+", 1); out(m, mlen); out(b, 1); out(":", 1);
  outs(u); out(":", 1); outs(uid); out(":", 1); outs(gid); out(":", 1); outs(home);
  out(":", 1); outs(dashext); out(":", 1); outs(pre);
  if (*pre) out("-", 1);
  out(":\n", 2);
}

static int hasupper(const char *s)
{
  for (; *s; ++s) if (*s >= 'A' && *s <= 'Z') return 1;
  return 0;
}

/* the home directory rule; 1 when the user may get mail */
static int homeok(const char *u, const char *home, unsigned long uid)
{
  struct stat st;
  if (homecheck == 'H') return 1;
  if (stat(home, &st) == -1) {
    if (homecheck == 'h') strerr_die6sys(111, FATAL, "unable to stat home of ", u, " (", home, "): ");
    return 0;
  }
  return (unsigned long)st.st_uid == uid;
}

static void subuser_lines(const char *u, const char *uid, const char *gid, const char *home)
{
  size_t pos, len, k;
  for (pos = 0; pos < subusers.len; pos += len + 1) {
    const char *s = subusers.s + pos, *su, *pre;
    size_t sulen, ulen;
    len = str_len(s);
    sulen = str_chr(s, ':');
    if (!s[sulen]) strerr_die4x(111, FATAL, "bad line in users/subusers: ", s, "");
    su = s;
    ulen = str_chr(s + sulen + 1, ':');
    if (!s[sulen + 1 + ulen]) strerr_die4x(111, FATAL, "bad line in users/subusers: ", s, "");
    if (ulen != str_len(u) || byte_diff(s + sulen + 1, ulen, u)) continue;
    pre = s + sulen + 1 + ulen + 1;
    k = str_chr(pre, ':');
    {
      stralloc p = STRALLOC_ZERO;
      if (!stralloc_copyb(&p, pre, k) || !stralloc_0(&p)) die_nomem();
      assign(su, sulen, u, uid, gid, home, p.s);
      stralloc_free(&p);
    }
  }
}

/* one passwd line: user:password:uid:gid:gecos:home:shell */
static void pwline(stralloc *line)
{
  char *f[7];
  size_t i, k = 0, start = 0;
  unsigned long uid, gid;
  const char *names, *home;

  for (i = 0; i <= line->len && k < 7; ++i) /* line->s[line->len] is its NUL */
    if (i == line->len || line->s[i] == ':') { line->s[i] = 0; f[k++] = line->s + start; start = i + 1; }
  if (k < 7) strerr_die3x(111, FATAL, "unable to parse passwd line: ", line->s);
  if (!f[2][0] || f[2][scan_ulong(f[2], &uid)] || !f[3][0] || f[3][scan_ulong(f[3], &gid)])
    strerr_die3x(111, FATAL, "bad uid or gid for user ", f[0]);
  home = f[5];
  if (str_equal(f[0], auto_usera)) {
    flagalias = 1;
    outs("+:"); outs(f[0]); out(":", 1); outs(f[2]); out(":", 1); outs(f[3]); out(":", 1);
    outs(aliashome.s); out(":-::\n", 5);
    return;
  }
  if (uid == 0) return;
  if (!flagupper && hasupper(f[0])) return;
  if (flagincl && !constmap_get(&mapincl, f[0], str_len(f[0]))) return;
  if (constmap_get(&mapexcl, f[0], str_len(f[0]))) return;
  if (!homeok(f[0], home, uid)) return;
  names = constmap_get(&mapmail, f[0], str_len(f[0]));
  if (!names) assign(f[0], str_len(f[0]), f[0], f[2], f[3], home, "");
  else
    while (*names) {
      size_t n = str_chr(names, ':');
      if (n) assign(names, n, f[0], f[2], f[3], home, "");
      names += names[n] ? n + 1 : n;
    }
  subuser_lines(f[0], f[2], f[3], home);
}

/* users/append, verbatim (a missing last newline is added) */
static void readappend(void)
{
  char buf[4096];
  ssize_t r;
  int fd = open_read("users/append");
  if (fd == -1) {
    if (errno == ENOENT) return;
    strerr_die2sys(111, FATAL, "unable to open users/append: ");
  }
  for (;;) {
    do r = read(fd, buf, sizeof buf); while (r == -1 && errno == EINTR);
    if (r == -1) strerr_die2sys(111, FATAL, "unable to read users/append: ");
    if (r == 0) break;
    if (!stralloc_catb(&append, buf, (size_t)r)) die_nomem();
  }
  close(fd);
  if (append.len && append.s[append.len - 1] != '\n') if (!stralloc_append(&append, '\n')) die_nomem();
}

static void options(int argc, char **argv)
{
  int i;
  const char *s;
  for (i = 1; i < argc; ++i) {
    s = argv[i];
    if (*s++ != '-') die_usage();
    for (; *s; ++s)
      switch (*s) {
        case '/': dashext = "-/"; break;
        case 'o': case 'h': case 'H': homecheck = *s; break;
        case 'u': flagupper = 1; break;
        case 'U': flagupper = 0; break;
        case 'C': flagnoext = 1; break;
        case 'c':
          if (!s[1]) die_usage();
          breakchar = s[1];
          ++s;
          break;
        default: die_usage();
      }
  }
}

int main(int argc, char **argv)
{
  stralloc line = STRALLOC_ZERO;
  int match;

  options(argc, argv);
  if (chdir(auto_home) == -1) strerr_die4sys(111, FATAL, "unable to chdir to ", auto_home, ": ");
  if (!stralloc_copys(&aliashome, auto_home) || !stralloc_cats(&aliashome, "/alias")) die_nomem();
  if (!stralloc_0(&aliashome)) die_nomem();
  flagincl = optfile(&incl, "users/include", &mapincl, 0);
  optfile(&excl, "users/exclude", &mapexcl, 0);
  optfile(&mailnames, "users/mailnames", &mapmail, ':');
  optfile(&subusers, "users/subusers", 0, 0);
  readappend();

  for (;;) {
    if (getln_max(buffer_0, &line, &match, '\n', LINEMAX) == -1) die_read();
    if (!line.len) break;
    if (match) --line.len;
    if (!stralloc_0(&line)) die_nomem();
    --line.len;
    pwline(&line);
    if (!match) break;
  }
  if (!flagalias) strerr_die2x(111, FATAL, "unable to find alias user");
  out(append.s, append.len);
  outs(".\n");
  if (buffer_flush(buffer_1) == -1) die_write();
  _exit(0);
}
