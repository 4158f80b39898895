/* qmail-showctl: prints the compiled-in settings (with the account names
   and the ids they resolve to now) and every control file, marking the
   values that are defaults, and warns about problems: no control/me,
   unreadable files, no rcpthosts, a stale morercpthosts.cdb, files it
   does not know.  Read-only; run by the admin.  Exit codes:
   qmail-showctl(8). */
#include <dirent.h>
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <sys/stat.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "control.h"
#include "fmt.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "qmail-showctl: fatal: "

static void die_home(void) { strerr_die4sys(111, FATAL, "unable to switch to ", auto_home, ": "); }
static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void die_write(void) { strerr_die2sys(111, FATAL, "unable to write output: "); }

#define LINE 1 /* one-line file: default def, or me when flagme */
#define NUM 2  /* number: default def */
#define LIST 3 /* list: each entry printed with the text */

struct ctl { const char *fn; int type; int flagme; const char *def; const char *text; const char *deftext; };

static const struct ctl ctls[] = {
  { "badmailfrom", LIST, 0, 0, "MAIL FROM is refused for ", "Any MAIL FROM is allowed." },
  { "bouncefrom", LINE, 0, "MAILER-DAEMON", "Bounce user name is ", 0 },
  { "bouncehost", LINE, 1, "bouncehost", "Bounce host name is ", 0 },
  { "bouncemaxbytes", NUM, 0, "0", "Bounces quote at most this many bytes of the message (0: all): ", 0 },
  { "checkpasswordminuid", NUM, 0, "1000", "checkpassword refuses accounts with a uid below ", 0 },
  { "concurrencylocal", NUM, 0, "10", "Local concurrency is ", 0 },
  { "concurrencyremote", NUM, 0, "20", "Remote concurrency is ", 0 },
  { "databytes", NUM, 0, "0", "SMTP DATA limit (bytes, 0: qmail-smtpd's own) is ", 0 },
  { "defaultdelivery", LINE, 0, "./Maildir/", "Default delivery (the qmail-send service's run script) is ", 0 },
  { "defaultdomain", LINE, 1, "defaultdomain", "Default domain name is ", 0 },
  { "defaulthost", LINE, 1, "defaulthost", "Default host name is ", 0 },
  { "doublebouncehost", LINE, 1, "doublebouncehost", "2B recipient host is ", 0 },
  { "doublebounceto", LINE, 0, "postmaster", "2B recipient user is ", 0 },
  { "envnoathost", LINE, 1, "envnoathost", "Presumed domain name is ", 0 },
  { "helohost", LINE, 1, 0, "SMTP client HELO host name is ", "No HELO host name: qmail-remote will not run." },
  { "idhost", LINE, 1, "idhost", "Message-ID host name is ", 0 },
  { "localiphost", LINE, 1, 0, "Local IP address becomes ", "Local IP addresses are not replaced." },
  { "locals", LIST, 1, 0, "Messages for this domain are delivered locally: ", "No local domains: qmail-send will not run." },
  { "me", LINE, 0, 0, "My name is ", "My name is not set." },
  { "morercpthosts", LIST, 0, 0, "SMTP clients may send messages to recipients at ", "No extra rcpthosts." },
  { "morercpthosts.cdb", 0, 0, 0, 0, 0 },
  { "percenthack", LIST, 0, 0, "The percent hack is allowed for user%host@", "The percent hack is not allowed." },
  { "plusdomain", LINE, 1, "plusdomain", "Plus domain name is ", 0 },
  { "qmqpservers", LIST, 0, 0, "QMQP server: ", "No QMQP servers." },
  { "queuelifetime", NUM, 0, "604800", "Message lifetime in the queue (seconds) is ", 0 },
  { "rcpthosts", LIST, 0, 0, "SMTP clients may send messages to recipients at ", "SMTP clients may send messages to any recipient." },
  { "smtpgreeting", LINE, 1, 0, "SMTP greeting: 220 ", "No SMTP greeting: qmail-smtpd will not run." },
  { "smtproutes", LIST, 0, 0, "SMTP route: ", "No artificial SMTP routes." },
  { "timeoutconnect", NUM, 0, "60", "SMTP client connection timeout (seconds) is ", 0 },
  { "timeoutremote", NUM, 0, "1200", "SMTP client data timeout (seconds) is ", 0 },
  { "timeoutsmtpd", NUM, 0, "1200", "SMTP server data timeout (seconds) is ", 0 },
  { "virtualdomains", LIST, 0, 0, "Virtual domain: ", "No virtual domains." },
  { 0, 0, 0, 0, 0, 0 }
};

static char outbuf[4096];
static buffer out = BUFFER_INIT(buffer_unixwrite, 1, outbuf, sizeof outbuf);
static stralloc fn = STRALLOC_ZERO, sa = STRALLOC_ZERO;
static unsigned long problems = 0;

static void puts1(const char *s) { if (buffer_puts(&out, s) == -1) die_write(); }
static void putb(const char *s, size_t n) { if (buffer_put(&out, s, n) == -1) die_write(); }
static void putnum(unsigned long u) { char b[FMT_ULONG]; putb(b, fmt_ulong(b, u)); }
static void warn(const char *a, const char *b) { ++problems; puts1("WARNING: "); puts1(a); puts1(b); puts1("\n"); }

static void unreadable(const char *f)
{
  ++problems;
  puts1("WARNING: unable to read control/"); puts1(f); puts1(": ");
  puts1(strerr_sysstr(errno)); puts1("\n");
}

static void ids(void)
{
  const char *const users[8] = { auto_usera, auto_userd, auto_userl, auto_usero,
                                 auto_userp, auto_userq, auto_userr, auto_users };
  const char *const groups[2] = { auto_groupq, auto_groupn };
  int i;
  puts1("user ids:");
  for (i = 0; i < 8; ++i) {
    struct passwd *pw = getpwnam(users[i]);
    puts1(i ? ", " : " "); puts1(users[i]); puts1("=");
    if (pw) putnum((unsigned long)pw->pw_uid); else puts1("MISSING");
  }
  puts1(".\ngroup ids:");
  for (i = 0; i < 2; ++i) {
    struct group *gr = getgrnam(groups[i]);
    puts1(i ? ", " : " "); puts1(groups[i]); puts1("=");
    if (gr) putnum((unsigned long)gr->gr_gid); else puts1("MISSING");
  }
  puts1(".\n");
  for (i = 0; i < 8; ++i) if (!getpwnam(users[i])) warn("no such account: ", users[i]);
  for (i = 0; i < 2; ++i) if (!getgrnam(groups[i])) warn("no such group: ", groups[i]);
}

static void settings(void)
{
  puts1("qmail home directory: "); puts1(auto_home); puts1(".\n");
  puts1("user-ext delimiter: "); puts1(auto_break); puts1(".\n");
  puts1("paternalism (in decimal): "); putnum((unsigned long)auto_patrn); puts1(".\n");
  puts1("silent concurrency limit: "); putnum(auto_spawn); puts1(".\n");
  puts1("subdirectory split: "); putnum(auto_split); puts1(".\n");
  ids();
}

static void cdbfresh(void)
{
  struct stat stcdb, st;
  puts1("\nmorercpthosts.cdb:");
  if (stat("control/morercpthosts.cdb", &stcdb) == -1) {
    if (errno != ENOENT) { puts1("\n"); unreadable("morercpthosts.cdb"); return; }
    if (stat("control/morercpthosts", &st) == 0) { puts1("\n"); warn("morercpthosts exists but morercpthosts.cdb does not: ", "run qmail-newmrh."); return; }
    puts1(" (Default.) No effect.\n");
    return;
  }
  if (stat("control/morercpthosts", &st) == 0 && st.st_mtime > stcdb.st_mtime) {
    puts1("\n");
    warn("morercpthosts.cdb is older than morercpthosts: ", "run qmail-newmrh.");
    return;
  }
  puts1(" Modified recently enough; hopefully up to date.\n");
}

static void showlist(const struct ctl *c, int r)
{
  size_t i;
  if (r == 0) {
    puts1("(Default.) ");
    if (c->flagme && control_flagme) { puts1(c->text); putb(control_me.s, control_me.len); puts1(".\n"); }
    else { puts1(c->deftext); puts1("\n"); }
    if (str_equal(c->fn, "rcpthosts")) warn("no rcpthosts: ", "qmail-smtpd accepts mail for every domain (an open relay).");
    if (str_equal(c->fn, "locals") && !control_flagme) warn("no locals and no me: ", "qmail-send will not run.");
    return;
  }
  puts1("\n");
  if (!sa.len) { puts1("(Empty.) "); puts1(c->deftext); puts1("\n"); }
  for (i = 0; i < sa.len; i += str_len(sa.s + i) + 1) {
    puts1(c->text); puts1(sa.s + i); puts1(".\n");
  }
}

static void show(const struct ctl *c)
{
  int r, bad = 0;
  if (!c->type) { cdbfresh(); return; }
  puts1("\n"); puts1(c->fn); puts1(":");
  if (!stralloc_copys(&fn, "control/") || !stralloc_cats(&fn, c->fn) || !stralloc_0(&fn)) die_nomem();
  if (c->type == LIST) r = control_readfile(&sa, fn.s);
  else r = control_readline(&sa, fn.s);
  if (r == -1) { puts1("\n"); unreadable(c->fn); return; }
  if (c->type != LIST || r == 0) puts1(" ");
  if (c->type == LIST) { showlist(c, r); return; }
  if (c->type == NUM && r == 1 && (!sa.len || sa.s[0] < '0' || sa.s[0] > '9')) { bad = 1; r = 0; }
  if (r == 0) {
    puts1("(Default.) ");
    if (c->flagme && control_flagme) { if (!stralloc_copy(&sa, &control_me)) die_nomem(); }
    else if (c->def) { if (!stralloc_copys(&sa, c->def)) die_nomem(); }
    else {
      puts1(c->deftext); puts1("\n");
      if (str_equal(c->fn, "me")) warn("no control/me: ", "qmail-send, qmail-remote and qmail-smtpd need it or their own files.");
      return;
    }
  }
  puts1(c->text); putb(sa.s, sa.len); puts1(".\n");
  if (bad) warn(c->fn, " does not start with a digit, so the default is used.");
}

static int known(const char *name)
{
  const struct ctl *c;
  for (c = ctls; c->fn; ++c) if (str_equal(c->fn, name)) return 1;
  return 0;
}

static void unknown(void)
{
  DIR *dir = opendir("control");
  struct dirent *d;
  if (!dir) { warn("unable to list control/: ", strerr_sysstr(errno)); return; }
  while ((d = readdir(dir))) {
    if (d->d_name[0] == '.' || known(d->d_name)) continue;
    puts1("\n"); puts1(d->d_name); puts1(": I have no idea what this file does.\n");
  }
  closedir(dir);
}

int main(void)
{
  const struct ctl *c;
  if (chdir(auto_home) == -1) die_home();
  settings();
  if (control_init() == -1) { errno = errno ? errno : EIO; unreadable("me"); }
  for (c = ctls; c->fn; ++c) show(c);
  unknown();
  puts1("\n");
  if (problems) { putnum(problems); puts1(problems == 1 ? " problem found.\n" : " problems found.\n"); }
  else puts1("No problems found.\n");
  if (buffer_flush(&out) == -1) die_write();
  _exit(0);
}
