/* qreceipt: send a delivery notice to the envelope sender when the
   message's Notice-Requested-Upon-Delivery-To field names the address
   given; for a .qmail line "|qreceipt address".  Runs as the delivering
   user; the message is on fd 0, the sender in $SENDER.  Exit codes in
   qreceipt(1). */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "addrlist.h"
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "date822fmt.h"
#include "env.h"
#include "header.h"
#include "hfield.h"
#include "qmail.h"
#include "quote.h"
#include "sig.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "qreceipt: fatal: "
#define WARNING "qreceipt: warning: "
#define HEADERMAX 1000000 /* bytes of header looked at */
#define FIELDMAX 10000    /* header fields looked at */

static void __attribute__((noreturn)) die_usage(void) { strerr_die1x(100, "qreceipt: usage: qreceipt deliveryaddress"); }
static void __attribute__((noreturn)) die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void __attribute__((noreturn)) die_read(void) { strerr_die2sys(111, FATAL, "unable to read message: "); }
static void __attribute__((noreturn)) die_fork(void) { strerr_die2sys(111, FATAL, "unable to run qmail-queue: "); }
static void __attribute__((noreturn)) die_qq(const char *x) { strerr_die2x(*x == 'D' ? 100 : 111, FATAL, x + 1); }
static void __attribute__((noreturn)) no_notice(const char *why) { if (why) strerr_warn3x(WARNING, why, "; no notice sent"); _exit(0); }

static const char *target;
static struct header hdr = HEADER_ZERO;
static addrlist al = ADDRLIST_ZERO;
static stralloc addr = STRALLOC_ZERO;
static stralloc messageid = STRALLOC_ZERO;
static stralloc quoted = STRALLOC_ZERO;

/* local part exactly, domain in any case */
static int sameaddr(const stralloc *a, const char *t)
{
  size_t n = str_len(t), at = str_rchr(t, '@');
  if (a->len != n) return 0;
  if (at == n) return byte_equal(a->s, n, t);
  return byte_equal(a->s, at, t) && !case_diffb(a->s + at, n - at, t + at);
}

/* does this field's address list name the target? */
static int asks(const char *s, size_t n)
{
  size_t i;
  int r = addrlist_parse(&al, s, n);
  if (r == -1) die_nomem();
  if (r == 0) no_notice("unable to parse Notice-Requested-Upon-Delivery-To");
  for (i = 0; i < al.len; ++i) {
    if (al.x[i].kind != A822_MAILBOX) continue;
    addr.len = 0;
    if (!addr822_env(&addr, &al.x[i])) die_nomem();
    if (sameaddr(&addr, target)) return 1;
  }
  return 0;
}

static int scanheader(void)
{
  size_t i, k, len;
  const char *f;
  int flag = 0;

  for (i = 0; i < hdr.nfields; ++i) {
    f = hdr.text.s + hdr.off[i];
    len = hdr.off[i + 1] - hdr.off[i];
    k = hfield_valid(f, len);
    switch (hfield_known(f, k)) {
      case H_MESSAGEID:
        if (!stralloc_copyb(&messageid, f, len)) die_nomem();
        break;
      case H_NOTICEREQUESTED:
        if (asks(f + k, len - k)) flag = 1;
        break;
    }
  }
  return flag;
}

static void notice(const char *sender)
{
  struct qmail qq;
  char date[DATE822FMT];
  stralloc s = STRALLOC_ZERO;
  const char *qqx;

  if (!stralloc_copys(&s, sender) || !quote_addr(&quoted, &s)) die_nomem();
  if (qmail_open(&qq) == -1) die_fork();
  qmail_puts(&qq, "Date: ");
  qmail_put(&qq, date, date822fmt(date, time(0)));
  qmail_puts(&qq, "\nFrom: DELIVERY NOTICE SYSTEM <");
  qmail_put(&qq, quoted.s, quoted.len);
  qmail_puts(&qq, ">\nTo: <");
  qmail_put(&qq, quoted.s, quoted.len);
  qmail_puts(&qq, ">\nSubject: success notice\nAuto-Submitted: auto-replied\n\n");
  qmail_puts(&qq, "This notice comes from the qreceipt program. The message you sent\n"
                  "asked for one: it has been delivered to ");
  qmail_puts(&qq, target);
  qmail_puts(&qq, ".\n");
  if (messageid.len) {
    qmail_puts(&qq, "\nThat message had this identification:\n");
    qmail_put(&qq, messageid.s, messageid.len);
  }
  qmail_from(&qq, "");
  qmail_to(&qq, sender);
  qqx = qmail_close(&qq);
  if (*qqx) die_qq(qqx);
}

int main(int argc, char **argv)
{
  const char *sender;
  int r;

  sig_ignore(SIGPIPE);
  if (argc != 2 || !*argv[1]) die_usage();
  target = argv[1];
  sender = env_get("SENDER");
  if (!sender) die_usage();

  r = header_read(&hdr, buffer_0, HEADERMAX, FIELDMAX);
  if (r == -1) { if (errno == ENOMEM || errno == EOVERFLOW) die_nomem(); die_read(); }
  if (r == 0) no_notice("header too large");
  if (!scanheader()) no_notice(0);
  if (!*sender || str_equal(sender, "#@[]")) no_notice(0);
  notice(sender);
  _exit(0);
}
