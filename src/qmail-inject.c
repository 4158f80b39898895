/* qmail-inject: reads a message on fd 0, fixes its header as
   qmail-header(5) describes, picks the envelope, and hands the message to
   qmail-queue (or prints it, -n).  Runs as the invoking user, who may set
   any of its environment variables.  Exit codes: qmail-inject(8). */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>
#include "addrlist.h"
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "control.h"
#include "date822fmt.h"
#include "env.h"
#include "fmt.h"
#include "header.h"
#include "hfield.h"
#include "qmail.h"
#include "qualify.h"
#include "quote.h"
#include "sig.h"
#include "str.h"
#include "stralloc.h"
#include "strerr.h"

#define FATAL "qmail-inject: fatal: "
#define USAGE "qmail-inject [ -nNaAhH ] [ -fsender ] [ recip ... ]"
#define HEADERMAX 4000000 /* bytes of header kept in memory */
#define FIELDMAX 10000    /* header fields */

static void die_usage(void) { strerr_die2x(100, FATAL, "usage: " USAGE); }
static void die_nomem(void) { strerr_die2x(111, FATAL, "out of memory"); }
static void die_home(void) { strerr_die3sys(111, FATAL, "unable to switch to ", "home directory: "); }
static void die_control(void) { strerr_die2sys(111, FATAL, "unable to read controls: "); }
static void die_read(void) { strerr_die2sys(111, FATAL, "read error: "); }
static void die_write(void) { strerr_die2sys(111, FATAL, "unable to write output: "); }
static void die_qq(void) { strerr_die2sys(111, FATAL, "unable to run qmail-queue: "); }
static void die_big(void) { strerr_die2x(100, FATAL, "header too large: over 4000000 bytes or 10000 fields"); }
static void die_norecip(void) { strerr_die2x(100, FATAL, "no recipients"); }
static void die_parse(const char *s, size_t n)
{
  stralloc t = STRALLOC_ZERO;
  size_t i;
  for (i = 0; i < n && s[i] != '\n' && i < 200; ++i) if (!stralloc_append(&t, s[i])) die_nomem();
  if (!stralloc_0(&t)) die_nomem();
  strerr_die3x(100, FATAL, "unable to parse this line: ", t.s);
}

static int flagqueue = 1;
static char recipmode = 'A';
static const char *inj = "";
static int flagsenderarg = 0;
static stralloc senderarg = STRALLOC_ZERO;

static struct qualify qual;
static stralloc defhost = STRALLOC_ZERO, defdomain = STRALLOC_ZERO;
static stralloc plusdomain = STRALLOC_ZERO, idhost = STRALLOC_ZERO;
static const char *user, *host, *name;

static struct header hdr = HEADER_ZERO;
static int seen[H_NUM];
static int flagresent = 0;
static stralloc top = STRALLOC_ZERO;    /* fields we add */
static stralloc fields = STRALLOC_ZERO; /* the fields we keep, rewritten */
static stralloc sender = STRALLOC_ZERO;
static int flagrpsender = 0;            /* sender came from Return-Path */
static stralloc hrecips = STRALLOC_ZERO, arecips = STRALLOC_ZERO; /* NUL-ended */
static addrlist al = ADDRLIST_ZERO;
static stralloc mftlists = STRALLOC_ZERO; /* QMAILMFTFILE: NUL-ended */
static stralloc tocc = STRALLOC_ZERO;     /* the To and Cc values */

static struct qmail qq;
static char outbuf[8192];
static buffer out = BUFFER_INIT(buffer_unixwrite, 1, outbuf, sizeof outbuf);

static int flag(char c) { return inj[str_chr(inj, c)] != 0; }

static const char *envfirst(const char *a, const char *b, const char *c, const char *d)
{
  const char *const names[4] = { a, b, c, d };
  const char *x;
  int i;
  for (i = 0; i < 4; ++i)
    if (names[i] && (x = env_get(names[i])) && *x) return x;
  return 0;
}

static void control1(stralloc *sa, const char *envname, const char *fn, const char *def)
{
  const char *x = env_get(envname);
  if (x) { if (!stralloc_copys(sa, x)) die_nomem(); }
  else if (control_rldef(sa, fn, 1, def) != 1) die_control();
  if (!stralloc_0(sa)) die_nomem();
}

static void getcontrols(void)
{
  if (chdir(auto_home) == -1) die_home();
  if (control_init() == -1) die_control();
  control1(&defdomain, "QMAILDEFAULTDOMAIN", "control/defaultdomain", "defaultdomain");
  control1(&defhost, "QMAILDEFAULTHOST", "control/defaulthost", "defaulthost");
  control1(&plusdomain, "QMAILPLUSDOMAIN", "control/plusdomain", "plusdomain");
  control1(&idhost, "QMAILIDHOST", "control/idhost", "idhost");
  qual.host = defhost.s; qual.domain = defdomain.s; qual.plus = plusdomain.s;
}

/* parses and qualifies an address list; 0 on a syntax error */
static int parselist(const char *s, size_t n)
{
  size_t i;
  int r = addrlist_parse(&al, s, n);
  if (r == -1) die_nomem();
  if (!r) return 0;
  for (i = 0; i < al.len; ++i) {
    struct addr822 *a = &al.x[i];
    if (a->kind != A822_MAILBOX) continue;
    if (!qualify(&qual, &a->local, &a->domain, &a->flagdomain)) die_nomem();
  }
  return 1;
}

/* the envelope ends an address at a NUL, so one inside it is refused */
static void nonul(const stralloc *sa, size_t start)
{
  if (byte_chr(sa->s + start, sa->len - start, 0) < sa->len - start)
    strerr_die2x(100, FATAL, "unable to parse address: it contains a NUL byte");
}

static void addrecips(stralloc *list)
{
  size_t i, start;
  for (i = 0; i < al.len; ++i) {
    if (al.x[i].kind != A822_MAILBOX || addr822_isempty(&al.x[i])) continue;
    start = list->len;
    if (!addr822_env(list, &al.x[i])) die_nomem();
    nonul(list, start);
    if (!stralloc_0(list)) die_nomem();
  }
}

static int isaddrfield(int h)
{
  switch (h) {
    case H_SENDER: case H_FROM: case H_REPLYTO: case H_RETURNPATH:
    case H_RETURNRECEIPTTO: case H_ERRORSTO: case H_R_SENDER: case H_R_FROM:
    case H_R_REPLYTO: case H_TO: case H_CC: case H_BCC: case H_APPARENTLYTO:
    case H_R_TO: case H_R_CC: case H_R_BCC: case H_MAILFOLLOWUPTO:
    case H_NOTICEREQUESTED:
      return 1;
  }
  return 0;
}

static int isrecipfield(int h)
{
  if (flagresent) return h == H_R_TO || h == H_R_CC || h == H_R_BCC;
  return h == H_TO || h == H_CC || h == H_BCC || h == H_APPARENTLYTO;
}

static int dropped(int h)
{
  switch (h) {
    case H_BCC: case H_R_BCC: case H_RETURNPATH: case H_DELIVEREDTO: case H_CONTENTLENGTH:
      return 1;
    case H_FROM: return flag('f');
    case H_MESSAGEID: return flag('i');
  }
  return 0;
}

/* first pass: which fields are there (before any is dropped) */
static void survey(void)
{
  size_t i;
  for (i = 0; i < hdr.nfields; ++i) {
    const char *f = hdr.text.s + hdr.off[i];
    int h = hfield_known(f, hfield_valid(f, hdr.off[i + 1] - hdr.off[i]));
    if (h >= H_R_SENDER && h <= H_R_MESSAGEID) flagresent = 1;
    if (!dropped(h)) seen[h] = 1;
  }
}

static void returnpath(void)
{
  size_t i;
  if (flag('s') || flagrpsender) return;
  for (i = 0; i < al.len; ++i) {
    if (al.x[i].kind != A822_MAILBOX) continue;
    sender.len = 0;
    if (!addr822_env(&sender, &al.x[i])) die_nomem();
    flagrpsender = 1;
    return;
  }
}

/* second pass: rewrite, collect recipients, drop */
static void dofields(void)
{
  size_t i;
  for (i = 0; i < hdr.nfields; ++i) {
    const char *f = hdr.text.s + hdr.off[i];
    size_t n = hdr.off[i + 1] - hdr.off[i];
    size_t k = hfield_valid(f, n);
    int h = hfield_known(f, k);
    if (isaddrfield(h)) {
      if (!parselist(f + k, n - k)) die_parse(f, n);
      if ((h == H_TO || h == H_CC) && mftlists.len)
        if (!stralloc_catb(&tocc, f + k, n - k) || !stralloc_append(&tocc, ',')) die_nomem();
      if (isrecipfield(h)) addrecips(&hrecips);
      if (h == H_RETURNPATH) returnpath();
      if (dropped(h)) continue;
      if (!stralloc_catb(&fields, f, k)) die_nomem();
      if (al.len && !stralloc_append(&fields, ' ')) die_nomem();
      if (!addrlist_fmt(&fields, &al, k + 1)) die_nomem();
      if (!stralloc_append(&fields, '\n')) die_nomem();
      continue;
    }
    if (dropped(h)) continue;
    if (!stralloc_catb(&fields, f, n)) die_nomem();
  }
}

static void cattime(stralloc *sa, time_t t)
{
  char buf[DATE822FMT];
  if (!stralloc_catb(sa, buf, date822fmt(buf, t))) die_nomem();
}

static void catmsgid(stralloc *sa, time_t t)
{
  struct tm tm;
  char buf[FMT_ULONG * 2];
  size_t n = 0;
  if (!gmtime_r(&t, &tm)) byte_zero(&tm, sizeof tm);
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_year + 1900, 4);
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_mon + 1, 2);
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_mday, 2);
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_hour, 2);
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_min, 2);
  n += fmt_ulong0(buf + n, (unsigned long)tm.tm_sec, 2);
  buf[n++] = '.';
  n += fmt_ulong(buf + n, (unsigned long)getpid());
  if (!stralloc_append(sa, '<') || !stralloc_catb(sa, buf, n)) die_nomem();
  if (!stralloc_cats(sa, ".qmail@") || !stralloc_cats(sa, idhost.s) || !stralloc_cats(sa, ">\n"))
    die_nomem();
}

/* name quoted (or as a comment with c), CR and LF dropped */
static void catname(stralloc *sa, const char *s, char open, char close)
{
  if (!stralloc_append(sa, open)) die_nomem();
  for (; *s; ++s) {
    if (*s == '\r' || *s == '\n') continue;
    if ((*s == '\\' || *s == '"' || *s == '(' || *s == ')') && (open == '(' || *s == '"' || *s == '\\'))
      if (!stralloc_append(sa, '\\')) die_nomem();
    if (!stralloc_append(sa, *s)) die_nomem();
  }
  if (!stralloc_append(sa, close)) die_nomem();
}

/* "user@host" (host may be absent) qualified into al.x[0] */
static struct addr822 *defaultaddr(const char *u, const char *h)
{
  stralloc t = STRALLOC_ZERO;
  if (!stralloc_copys(&t, "")) die_nomem();
  if (!quote_need(u, str_len(u))) { if (!stralloc_cats(&t, u)) die_nomem(); }
  else catname(&t, u, '"', '"');
  if (h && (!stralloc_append(&t, '@') || !stralloc_cats(&t, h))) die_nomem();
  if (!parselist(t.s, t.len) || al.len != 1 || al.x[0].kind != A822_MAILBOX) {
    if (!stralloc_0(&t)) die_nomem();
    strerr_die3x(100, FATAL, "unable to parse address: ", t.s);
  }
  stralloc_free(&t);
  return &al.x[0];
}

static void defaultfrom(stralloc *sa, const char *fieldname)
{
  struct addr822 *a = defaultaddr(user, host);
  if (name && *name) {
    a->phrase.len = a->comment.len = 0;
    if (flag('c')) catname(&a->comment, name, '(', ')');
    else { catname(&a->phrase, name, '"', '"'); a->flagangle = 1; }
  }
  if (!stralloc_cats(sa, fieldname) || !stralloc_cats(sa, ": ")) die_nomem();
  if (!addr822_fmt(sa, a) || !stralloc_append(sa, '\n')) die_nomem();
}

static void addfields(time_t now)
{
  const char *r = flagresent ? "Resent-" : "";
  int off = flagresent ? H_R_SENDER - H_SENDER : 0;
  if (!seen[H_DATE + off]) {
    if (!stralloc_cats(&top, r) || !stralloc_cats(&top, "Date: ")) die_nomem();
    cattime(&top, now);
    if (!stralloc_append(&top, '\n')) die_nomem();
  }
  if (!seen[flagresent ? H_R_MESSAGEID : H_MESSAGEID]) {
    if (!stralloc_cats(&top, r) || !stralloc_cats(&top, "Message-ID: ")) die_nomem();
    catmsgid(&top, now);
  }
  if (!seen[H_FROM + off]) defaultfrom(&top, flagresent ? "Resent-From" : "From");
  if (!seen[H_TO + off] && !seen[H_CC + off]) {
    if (!stralloc_cats(&top, r) || !stralloc_cats(&top, "Cc: recipient list not shown: ;\n"))
      die_nomem();
  }
}

/* QMAILMFTFILE: when To or Cc names one of the lists in the file, and
   there is no Mail-Followup-To, add one naming every To and Cc address */
static void mft(void)
{
  size_t i, j;
  if (!mftlists.len || seen[H_MAILFOLLOWUPTO] || !tocc.len) return;
  if (!parselist(tocc.s, tocc.len)) return;
  for (i = 0; i < al.len; ++i) {
    stralloc a = STRALLOC_ZERO;
    if (al.x[i].kind != A822_MAILBOX) continue;
    if (!addr822_env(&a, &al.x[i])) die_nomem();
    for (j = 0; j < mftlists.len; j += str_len(mftlists.s + j) + 1)
      if (str_len(mftlists.s + j) == a.len && !case_diffb(a.s, a.len, mftlists.s + j)) break;
    stralloc_free(&a);
    if (j < mftlists.len) break;
  }
  if (i == al.len) return;
  if (!stralloc_cats(&top, "Mail-Followup-To: ")) die_nomem();
  if (!addrlist_fmt(&top, &al, 18) || !stralloc_append(&top, '\n')) die_nomem();
}

static void envsender(time_t now)
{
  struct addr822 *a;
  const char *x, *y;
  if (flagsenderarg) {
    if (!parselist(senderarg.s, senderarg.len)) die_parse(senderarg.s, senderarg.len);
    sender.len = 0;
    if (al.len && al.x[0].kind == A822_MAILBOX && !addr822_env(&sender, &al.x[0])) die_nomem();
    return;
  }
  if (flagrpsender) {
    if (flag('r') && sender.len && !stralloc_cats(&sender, "-@[]")) die_nomem();
    return;
  }
  x = env_get("QMAILSUSER");
  y = env_get("QMAILSHOST");
  a = defaultaddr(x && *x ? x : user, y && *y ? y : host);
  if (flag('m')) {
    char buf[FMT_ULONG * 2 + 2];
    size_t n = 0;
    buf[n++] = '-';
    n += fmt_ulong(buf + n, (unsigned long)now);
    buf[n++] = '.';
    n += fmt_ulong(buf + n, (unsigned long)getpid());
    if (!stralloc_catb(&a->local, buf, n)) die_nomem();
  }
  sender.len = 0;
  if (!addr822_env(&sender, a)) die_nomem();
  if (flag('r') && !flag('m') && sender.len) {
    sender.len = 0;
    if (!stralloc_cat(&sender, &a->local) || !stralloc_cats(&sender, "-@")) die_nomem();
    if (!stralloc_cat(&sender, &a->domain) || !stralloc_cats(&sender, "-@[]")) die_nomem();
  }
}

static void argrecips(char **argv)
{
  for (; *argv; ++argv) {
    if (!parselist(*argv, str_len(*argv))) die_parse(*argv, str_len(*argv));
    addrecips(&arecips);
  }
}

static void put(const char *s, size_t n)
{
  if (flagqueue) qmail_put(&qq, s, n);
  else if (buffer_put(&out, s, n) == -1) die_write();
}

/* body bytes with CR LF turned into LF; *cr: a CR is held back */
static void putbody(const char *s, size_t n, int *cr)
{
  size_t i, start = 0;
  for (i = 0; i < n; ++i) {
    if (*cr && s[i] != '\n') put("\r", 1);
    *cr = 0;
    if (s[i] == '\r') {
      put(s + start, i - start);
      start = i + 1;
      *cr = 1;
    }
  }
  put(s + start, n - start);
}

/* the rest of fd 0 after the header; a last line gets its LF */
static void body(buffer *in)
{
  char last = '\n';
  int cr = 0;
  if (hdr.end == HEADER_BODY && hdr.body.len) {
    putbody(hdr.body.s, hdr.body.len, &cr);
    last = hdr.body.s[hdr.body.len - 1];
  }
  for (;;) {
    ssize_t r = buffer_feed(in);
    if (r == -1) die_read();
    if (!r) break;
    putbody(buffer_peek(in), (size_t)r, &cr);
    last = buffer_peek(in)[r - 1];
    buffer_seek(in, (size_t)r);
  }
  if (cr) put("\r", 1);
  if (last != '\n') put("\n", 1);
}

static void options(int argc, char **argv, int *optind)
{
  int i;
  for (i = 1; i < argc; ++i) {
    const char *a = argv[i];
    if (a[0] != '-' || !a[1]) break;
    if (a[1] == '-' && !a[2]) { ++i; break; }
    for (++a; *a; ++a) {
      switch (*a) {
        case 'n': flagqueue = 0; continue;
        case 'N': flagqueue = 1; continue;
        case 'a': case 'A': case 'h': case 'H': recipmode = *a; continue;
        case 'f':
          if (!a[1] && ++i >= argc) die_usage();
          if (!stralloc_copys(&senderarg, a[1] ? a + 1 : argv[i])) die_nomem();
          flagsenderarg = 1;
          break;
        default: die_usage();
      }
      break;
    }
  }
  *optind = i;
}

int main(int argc, char **argv)
{
  char inbuf[8192];
  buffer in = BUFFER_INIT(buffer_unixread, 0, inbuf, sizeof inbuf);
  const char *x, *qqerr;
  time_t now = time(0);
  size_t i;
  int optind, r;

  sig_ignore(SIGPIPE); /* a qmail-queue that stops reading is an exit code, not a kill */
  options(argc, argv, &optind);
  x = env_get("QMAILINJECT"); if (x) inj = x;
  user = envfirst("QMAILUSER", "MAILUSER", "USER", "LOGNAME");
  if (!user) user = "anonymous";
  host = envfirst("QMAILHOST", "MAILHOST", 0, 0);
  name = envfirst("QMAILNAME", "MAILNAME", "NAME", 0);
  x = env_get("QMAILMFTFILE");
  if (x && *x && control_readfile(&mftlists, x) == -1)
    strerr_die4sys(111, FATAL, "unable to read ", x, ": ");
  getcontrols();
  if (!stralloc_copys(&top, "") || !stralloc_copys(&fields, "")) die_nomem();

  r = header_read(&hdr, &in, HEADERMAX, FIELDMAX);
  if (r == 0) die_big();
  if (r == -1) { if (errno == ENOMEM || errno == EOVERFLOW) die_nomem(); die_read(); }
  survey();
  dofields();
  addfields(now);
  mft();
  envsender(now);
  argrecips(argv + optind);
  if (recipmode == 'A') recipmode = arecips.len ? 'a' : 'h';
  if (recipmode == 'h') arecips.len = 0;
  if (recipmode == 'a') hrecips.len = 0;
  if (!arecips.len && !hrecips.len) die_norecip();

  if (flagqueue) {
    if (qmail_open(&qq) == -1) die_qq();
  } else {
    stralloc rp = STRALLOC_ZERO;
    if (!quote_addr(&rp, &sender)) die_nomem();
    if (buffer_puts(&out, "Return-Path: <") == -1) die_write();
    if (buffer_put(&out, rp.s, rp.len) == -1 || buffer_puts(&out, ">\n") == -1) die_write();
  }
  put(top.s, top.len);
  put(fields.s, fields.len);
  put("\n", 1);
  body(&in);
  if (!flagqueue) {
    if (buffer_flush(&out) == -1) die_write();
    _exit(0);
  }
  nonul(&sender, 0);
  if (!stralloc_0(&sender)) die_nomem();
  qmail_from(&qq, sender.s);
  for (i = 0; i < hrecips.len; i += str_len(hrecips.s + i) + 1) qmail_to(&qq, hrecips.s + i);
  for (i = 0; i < arecips.len; i += str_len(arecips.s + i) + 1) qmail_to(&qq, arecips.s + i);
  qqerr = qmail_close(&qq);
  if (!*qqerr) _exit(0);
  strerr_die3x(*qqerr == 'D' ? 100 : 111, FATAL, "qmail-queue: ", qqerr + 1);
}
