/* hier.c: every path quail installs, with owner, group and mode.  Read by
   install (which creates) and instcheck (which verifies).  Only qmail-queue
   is setuid; nothing is setgid but the alias home. */
#include "auto.h"
#include "fmt.h"
#include "hier.h"
#include "stralloc.h"

extern const char *const auto_man[];

struct qids hier_ids;

uid_t hier_uid(int u)
{
  switch (u) {
    case U_ALIAS: return hier_ids.alias;
    case U_QMAILD: return hier_ids.qmaild;
    case U_QMAILL: return hier_ids.qmaill;
    case U_QMAILP: return hier_ids.qmailp;
    case U_QMAILQ: return hier_ids.qmailq;
    case U_QMAILR: return hier_ids.qmailr;
    case U_QMAILS: return hier_ids.qmails;
    default: return hier_ids.owner;
  }
}

gid_t hier_gid(int g) { return g == G_NOFILES ? hier_ids.nofiles : hier_ids.qmail; }

const char *hier_path(const char *sub)
{
  static stralloc fn = STRALLOC_ZERO;
  if (!stralloc_copys(&fn, auto_home)) return 0;
  if (sub && *sub && (!stralloc_cats(&fn, "/") || !stralloc_cats(&fn, sub))) return 0;
  if (!stralloc_0(&fn)) return 0;
  return fn.s;
}

static void dsplit(const char *base, int u, int mode)
{
  char sub[64];
  unsigned long i;
  size_t n;
  d(base, u, G_QMAIL, mode);
  for (i = 0; i < auto_split; ++i) {
    n = fmt_str(sub, base);
    sub[n++] = '/';
    n += fmt_ulong(sub + n, i);
    sub[n] = 0;
    d(sub, u, G_QMAIL, mode);
  }
}

/* programs: sub, name, source file, owner, group, mode */
#define BIN(name, u, mode) c("bin", name, "src/" name, u, G_QMAIL, mode)

void hier(void)
{
  const char *const *m;

  h(U_OWNER, G_QMAIL, 0755);
  d("control", U_OWNER, G_QMAIL, 0755);
  d("users", U_OWNER, G_QMAIL, 0755);
  d("bin", U_OWNER, G_QMAIL, 0755);
  d("boot", U_OWNER, G_QMAIL, 0755);
  d("doc", U_OWNER, G_QMAIL, 0755);
  d("man", U_OWNER, G_QMAIL, 0755);
  d("man/man1", U_OWNER, G_QMAIL, 0755);
  d("man/man3", U_OWNER, G_QMAIL, 0755);
  d("man/man5", U_OWNER, G_QMAIL, 0755);
  d("man/man7", U_OWNER, G_QMAIL, 0755);
  d("man/man8", U_OWNER, G_QMAIL, 0755);
  d("alias", U_ALIAS, G_QMAIL, 02755);

  d("queue", U_QMAILQ, G_QMAIL, 0750);
  d("queue/pid", U_QMAILQ, G_QMAIL, 0700);
  d("queue/intd", U_QMAILQ, G_QMAIL, 0700);
  d("queue/todo", U_QMAILQ, G_QMAIL, 0750);
  d("queue/bounce", U_QMAILS, G_QMAIL, 0700);
  dsplit("queue/mess", U_QMAILQ, 0750);
  dsplit("queue/info", U_QMAILS, 0700);
  dsplit("queue/local", U_QMAILS, 0700);
  dsplit("queue/remote", U_QMAILS, 0700);
  d("queue/lock", U_QMAILQ, G_QMAIL, 0750);
  z("queue/lock/tcpto", 1024, U_QMAILR, G_QMAIL, 0644);
  z("queue/lock/sendmutex", 0, U_QMAILS, G_QMAIL, 0600);
  p("queue/lock/trigger", U_QMAILS, G_QMAIL, 0622);

  /* programs (keep sorted within each group) */
#include "hier-bin.h"

  /* boot templates: qmail-start variants and service run scripts */
  c("boot", "home", "boot/home", U_OWNER, G_QMAIL, 0755);
  c("boot", "home+df", "boot/home+df", U_OWNER, G_QMAIL, 0755);
  c("boot", "proc", "boot/proc", U_OWNER, G_QMAIL, 0755);
  c("boot", "proc+df", "boot/proc+df", U_OWNER, G_QMAIL, 0755);
  c("boot", "binm1", "boot/binm1", U_OWNER, G_QMAIL, 0755);
  c("boot", "binm1+df", "boot/binm1+df", U_OWNER, G_QMAIL, 0755);
  c("boot", "binm2", "boot/binm2", U_OWNER, G_QMAIL, 0755);
  c("boot", "binm2+df", "boot/binm2+df", U_OWNER, G_QMAIL, 0755);
  c("boot", "binm3", "boot/binm3", U_OWNER, G_QMAIL, 0755);
  c("boot", "binm3+df", "boot/binm3+df", U_OWNER, G_QMAIL, 0755);
  c("boot", "maildir", "boot/maildir", U_OWNER, G_QMAIL, 0755);
  c("boot", "send-run", "boot/send-run", U_OWNER, G_QMAIL, 0755);
  c("boot", "smtpd-run", "boot/smtpd-run", U_OWNER, G_QMAIL, 0755);
  c("boot", "qmtpd-run", "boot/qmtpd-run", U_OWNER, G_QMAIL, 0755);
  c("boot", "qmqpd-run", "boot/qmqpd-run", U_OWNER, G_QMAIL, 0755);
  c("boot", "log-run", "boot/log-run", U_OWNER, G_QMAIL, 0755);
  c("boot", "pop3d-run", "boot/pop3d-run", U_OWNER, G_QMAIL, 0755);
  c("boot", "pop3d-log-run", "boot/pop3d-log-run", U_OWNER, G_QMAIL, 0755);

  for (m = auto_man; *m; m += 2)
    c(m[0], m[1] + 4, m[1], U_OWNER, G_QMAIL, 0644);
}
