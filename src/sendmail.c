/* sendmail: the drop-in for programs that run /usr/sbin/sendmail.  Turns
   sendmail's options into a qmail-inject (or qmail-smtpd, qmail-qread)
   command line and execs it from conf-home.  Runs as the caller.
   Exit codes: sendmail(8). */
#include <errno.h>
#include <stdint.h>
#include <unistd.h>
#include "alloc.h"
#include "auto.h"
#include "env.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "sendmail: fatal: "
#define USAGE "sendmail [ -t ] [ -fsender ] [ -Fname ] [ -bp ] [ -bs ] [ arg ... ]"

static void die_usage(void) { strerr_die2x(100, "sendmail: usage: ", USAGE); }
static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void die_home(void) { strerr_die2sys(111, FATAL, "unable to switch to qmail home directory: "); }
static void die_exec(const char *p) { strerr_die4sys(111, FATAL, "unable to run ", p, ": "); }
static void die_aliases(void) { strerr_die2x(100, "sendmail: ", "please use fastforward/newaliases instead"); }

static void setenv1(const char *n, const char *v) { if (!env_set(n, v)) die_nomem(); }
static void unsetenv1(const char *n) { if (!env_unset(n)) die_nomem(); }

static void run(const char *prog, char **args)
{
  args[0] = (char *)prog;
  execv(prog, args);
  die_exec(prog);
}

/* -bs: qmail-smtpd on our stdin and stdout, as a local, trusted client */
static void smtp(void)
{
  char *args[2] = { 0, 0 };
  if (!env_get("PROTO")) {
    setenv1("RELAYCLIENT", "");
    setenv1("DATABYTES", "0");
    setenv1("PROTO", "TCP");
    setenv1("TCPLOCALIP", "127.0.0.1");
    setenv1("TCPLOCALHOST", "localhost");
    setenv1("TCPREMOTEIP", "127.0.0.1");
    setenv1("TCPREMOTEHOST", "localhost");
    setenv1("TCPREMOTEINFO", "sendmail-bs");
  }
  run("bin/qmail-smtpd", args);
}

static void mailq(void)
{
  char *args[2] = { 0, 0 };
  run("bin/qmail-qread", args);
}

/* -f: the default From and sender follow the given address too */
static void senderenv(const char *s)
{
  stralloc u = STRALLOC_ZERO;
  size_t n = str_len(s), at;
  unsetenv1("QMAILNAME"); unsetenv1("MAILNAME"); unsetenv1("NAME");
  unsetenv1("QMAILHOST"); unsetenv1("MAILHOST");
  if (n && s[0] == '<' && s[n - 1] == '>') { ++s; n -= 2; }
  if (!n) return;
  for (at = n; at > 0 && s[at - 1] != '@'; --at) ;
  if (!stralloc_copyb(&u, s, at ? at - 1 : n) || !stralloc_0(&u)) die_nomem();
  setenv1("QMAILUSER", u.s);
  if (at) {
    if (!stralloc_copyb(&u, s + at, n - at) || !stralloc_0(&u)) die_nomem();
    setenv1("QMAILHOST", u.s);
  }
  stralloc_free(&u);
}

int main(int argc, char **argv)
{
  const char *base, *sender = 0, *fullname = 0;
  char **args;
  int flagt = 0, i, n, k;
  char mode = 'm';

  base = argv[0] ? argv[0] + str_rchr(argv[0], '/') : "";
  if (*base == '/') ++base;
  if (chdir(auto_home) == -1) die_home();
  if (str_equal(base, "mailq")) mailq();
  if (str_equal(base, "newaliases")) die_aliases();

  for (i = 1; i < argc; ++i) {
    const char *a = argv[i];
    if (a[0] != '-' || !a[1]) break;
    if (a[1] == '-' && !a[2]) { ++i; break; }
    for (++a; *a; ++a) {
      const char *optarg;
      switch (*a) {
        case 'v': case 'i': case 'm': case 'x': case 'n': case 'U': case 'G': continue;
        case 't': flagt = 1; continue;
        case 'E': case 'J': break; /* an optional argument, attached */
        case 'e': case 'p': case 'o': case 'B': case 'f': case 'F': case 'b':
        case 'r': case 'N': case 'R': case 'V': case 'O': case 'h': case 'L':
          optarg = a[1] ? a + 1 : (++i < argc ? argv[i] : 0);
          if (!optarg) die_usage();
          if (*a == 'f' || *a == 'r') sender = optarg;
          if (*a == 'F') fullname = optarg;
          if (*a == 'b') {
            if (optarg[0] != 'p' && optarg[0] != 's' && optarg[0] != 'm') die_usage();
            if (optarg[1]) die_usage();
            mode = optarg[0];
          }
          break;
        default: die_usage();
      }
      break;
    }
  }
  if (mode == 'p') mailq();
  if (mode == 's') smtp();

  if (sender) senderenv(sender);
  if (fullname) { setenv1("MAILNAME", fullname); unsetenv1("QMAILNAME"); }

  n = argc - i;
  if ((size_t)n > SIZE_MAX / sizeof(char *) - 6) die_nomem();
  args = alloc(((size_t)n + 6) * sizeof(char *));
  if (!args) die_nomem();
  k = 1;
  args[k++] = flagt ? "-H" : "-a";
  if (sender) { args[k++] = "-f"; args[k++] = (char *)sender; }
  args[k++] = "--";
  while (i < argc) args[k++] = argv[i++];
  args[k] = 0;
  run("bin/qmail-inject", args);
}
