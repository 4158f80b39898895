/* qmail-remote: deliver one message to one remote domain over SMTP.
   Run by qmail-rspawn as qmailr: qmail-remote host sender recip...; the
   message is on fd 0.  Prints one r/h/s report per recipient (argument
   order), then one K/Z/D message report, each NUL-terminated, on fd 1,
   and always exits 0 (qmail-remote(8)). */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "case.h"
#include "constmap.h"
#include "control.h"
#include "dns.h"
#include "env.h"
#include "fmt.h"
#include "ip.h"
#include "localip.h"
#include "quote.h"
#include "scan.h"
#include "sig.h"
#include "smtpdata.h"
#include "smtpreply.h"
#include "socket.h"
#include "str.h"
#include "stralloc.h"
#include "tcpto.h"
#include "timeoutio.h"

#define PIPEWINDOW 50 /* recipients sent ahead of their replies */
#define MXMAX 16       /* MX names looked up, best first */
#define HOSTMAX 64     /* addresses tried */

struct host { unsigned char ip[16]; unsigned long pref; unsigned long order; };

static int timeout = 1200, timeoutconn = 60;
static unsigned int port = 25;
static stralloc helohost = STRALLOC_ZERO, routes = STRALLOC_ZERO;
static struct constmap maproutes;
static stralloc hosts = STRALLOC_ZERO;   /* struct host records */
static stralloc reply = STRALLOC_ZERO, greetfail = STRALLOC_ZERO;
static stralloc msg = STRALLOC_ZERO;     /* the message when fd 0 cannot seek */
static stralloc qaddr = STRALLOC_ZERO, tmp = STRALLOC_ZERO;
static const char *host, *sender;
static char **recips;
static int nrecips, flagrelay, flagspool, flagcritical;
static char iptext[IP6_FMT + 1], greetip[IP6_FMT + 1];
static struct smtpdata msgsize = SMTPDATA_ZERO;

static char obuf[1024];
static buffer bo = BUFFER_INIT(buffer_unixwrite, 1, obuf, sizeof obuf);

static void out(const char *s) { if (buffer_puts(&bo, s) == -1) _exit(0); }
static void outb(const char *s, size_t n) { if (buffer_put(&bo, s, n) == -1) _exit(0); }
static void zero(void) { outb("", 1); }
static void finish(void) { zero(); buffer_flush(&bo); _exit(0); }
static void temp(const char *s) { out("Z"); out(s); finish(); }
static void perm(const char *s) { out("D"); out(s); finish(); }
static void temp_nomem(void) { temp("Out of memory. (#4.3.0)\n"); }
static void temp_read(void) { temp("Unable to read message. (#4.3.0)\n"); }
static void temp_control(void) { temp("Unable to read control files. (#4.3.0)\n"); }
static void temp_chdir(void) { temp("Unable to switch to home directory. (#4.3.0)\n"); }
static void temp_oserr(void) { temp("System resources temporarily unavailable. (#4.3.0)\n"); }
static void temp_route(void) { temp("Sorry, the smtproutes entry for that domain is malformed. (#4.3.5)\n"); }
static void temp_dns(void) { temp("Sorry, I couldn't find any host by that name. (#4.1.2)\n"); }
static void temp_noconn(void) { temp("Sorry, I wasn't able to establish an SMTP connection. (#4.4.1)\n"); }
static void perm_usage(void) { perm("I (qmail-remote) was invoked improperly. (#5.3.5)\n"); }
static void perm_nomx(void) { perm("Sorry, I couldn't find a mail exchanger or IP address. (#5.4.4)\n"); }
static void perm_nullmx(void) { perm("Sorry, that domain says it does not accept mail (null MX). (#5.1.10)\n"); }
static void perm_sender(void) { perm("Sorry, the envelope sender contains control characters. (#5.1.7)\n"); }
static void perm_ambest(void)
{
  perm("Sorry. Although I'm listed as a best-preference MX or A for that host,\n"
       "it isn't in my control/locals file, so I don't treat it as local. (#5.4.6)\n");
}
static void perm_nxhost(void)
{
  out("DSorry, I couldn't find any host named "); out(host); out(". (#5.1.2)\n"); finish();
}

/* ---- the SMTP connection ---- */

static void outreply(void)
{
  if (!reply.len) return;
  out("Remote host said: ");
  outb(reply.s, reply.len);
  reply.len = 0;
}

static void dropped(void)
{
  out("ZConnected to "); out(iptext); out(" but connection died. ");
  if (flagcritical) out("Possible duplicate! ");
  out("(#4.4.2)\n");
  finish();
}

static ssize_t saferead(int fd, char *buf, size_t len)
{
  ssize_t r = timeoutread(timeout, fd, buf, len);
  if (r <= 0) dropped();
  return r;
}

static ssize_t safewrite(int fd, char *buf, size_t len)
{
  ssize_t r = timeoutwrite(timeout, fd, buf, len);
  if (r <= 0) dropped();
  return r;
}

static char inbuf[1024], outbuf[8192];
static buffer bin, bout;

static void put(const char *s, size_t n) { buffer_put(&bout, s, n); }
static void puts_(const char *s) { buffer_puts(&bout, s); }

/* flush what we have to say, then read one reply; garbage is temporary */
static int get(void)
{
  int code;
  buffer_flush(&bout);
  code = smtpreply_get(&bin, &reply);
  if (code == -1) { if (errno == ENOMEM) temp_nomem(); dropped(); }
  if (code == 0) {
    out("ZConnected to "); out(iptext); out(" but its reply was not valid SMTP. ");
    if (flagcritical) out("Possible duplicate! ");
    out("(#4.4.2)\n");
    outreply();
    finish();
  }
  return code;
}

static void quit(const char *prepend, const char *append)
{
  buffer_puts(&bout, "QUIT\r\n");
  buffer_flush(&bout);
  out(prepend); out(iptext); out(append); out(".\n");
  outreply();
  finish();
}

/* ---- the message ---- */

static int rewind0(void)
{
  if (flagspool) return 0;
  return lseek(0, 0, SEEK_SET) == -1 ? -1 : 0;
}

/* feed the message through st, writing to b (or only counting when 0) */
static void feed(buffer *b, struct smtpdata *st)
{
  char buf[8192];
  ssize_t r;
  if (flagspool) {
    if (smtpdata_put(b, st, msg.s, msg.len) == -1) dropped();
    return;
  }
  for (;;) {
    do r = read(0, buf, sizeof buf); while (r == -1 && errno == EINTR);
    if (r == -1) temp_read();
    if (!r) break;
    if (smtpdata_put(b, st, buf, (size_t)r) == -1) dropped();
  }
}

/* first pass: the canonical size and 8-bit flag; spool a pipe to memory */
static void measure(void)
{
  char buf[8192];
  ssize_t r;
  if (lseek(0, 0, SEEK_SET) == -1) {
    flagspool = 1;
    for (;;) {
      do r = read(0, buf, sizeof buf); while (r == -1 && errno == EINTR);
      if (r == -1) temp_read();
      if (!r) break;
      if (!stralloc_catb(&msg, buf, (size_t)r)) temp_nomem();
    }
  }
  feed(0, &msgsize);
  smtpdata_end(0, &msgsize);
  if (rewind0() == -1) temp_read();
}

static void blast(void)
{
  struct smtpdata st = SMTPDATA_ZERO;
  if (rewind0() == -1) temp_read();
  feed(&bout, &st);
  smtpdata_end(&bout, &st);
  flagcritical = 1;
  buffer_flush(&bout);
}

/* ---- one SMTP session; returns only when the greeting was 4xx ---- */

static int badaddr(const char *s)
{
  for (; *s; ++s) if ((unsigned char)*s < 32 || *s == 127) return 1;
  return 0;
}

static void quoteaddr(const char *s)
{
  if (!stralloc_copys(&tmp, s) || !quote_addr(&qaddr, &tmp)) temp_nomem();
}

static int haskeyword(const char *kw, unsigned long *arg)
{
  size_t i = 0, j, k, n = str_len(kw);
  while (i < reply.len) {
    j = i + byte_chr(reply.s + i, reply.len - i, '\n');
    if (i && j - i >= 4 + n && !case_diffb(reply.s + i + 4, n, kw)
        && (j - i == 4 + n || reply.s[i + 4 + n] == ' ')) {
      if (arg) {
        k = i + 4 + n;
        while (k < j && reply.s[k] == ' ') ++k;
        *arg = 0;
        if (k < j) scan_ulongn(reply.s + k, j - k, arg);
      }
      return 1;
    }
    i = j + 1;
  }
  return 0;
}

static void rcptreport(int code)
{
  if (code >= 200 && code < 300) { out("r"); zero(); return; }
  out(code >= 500 ? "h" : "s"); out(iptext); out(" does not like recipient.\n");
  outreply(); zero();
}

static void mailreply(void)
{
  int code = get();
  if (code >= 500) quit("DConnected to ", " but sender was rejected");
  if (code >= 300) quit("ZConnected to ", " but sender was rejected");
}

static int smtp(void)
{
  int code, flagpipe = 0, flag8bit = 0, flagsize = 0, accepted = 0, i, first, last;
  unsigned long sizemax = 0;
  char num[FMT_ULONG];

  code = get();
  if (code >= 400 && code < 500) {
    buffer_puts(&bout, "QUIT\r\n"); buffer_flush(&bout);
    if (!stralloc_copy(&greetfail, &reply)) temp_nomem();
    byte_copy(greetip, sizeof greetip, iptext);
    return 1;
  }
  if (code != 220) quit("ZConnected to ", " but greeting failed");
  puts_("EHLO "); put(helohost.s, helohost.len); puts_("\r\n");
  code = get();
  if (code == 250) {
    flagpipe = haskeyword("PIPELINING", 0);
    flagsize = haskeyword("SIZE", 0);
    flag8bit = haskeyword("8BITMIME", 0) && msgsize.eightbit;
    if (haskeyword("SIZE", &sizemax) && sizemax && msgsize.bytes > sizemax) {
      buffer_puts(&bout, "QUIT\r\n"); buffer_flush(&bout);
      out("DConnected to "); out(iptext); out(" but the message is bigger than its SIZE limit of ");
      num[fmt_ulong(num, sizemax)] = 0; out(num); out(" bytes. (#5.3.4)\n");
      finish();
    }
  } else {
    puts_("HELO "); put(helohost.s, helohost.len); puts_("\r\n");
    if (get() != 250) quit("ZConnected to ", " but my name was rejected");
  }
  quoteaddr(sender);
  puts_("MAIL FROM:<"); put(qaddr.s, qaddr.len); puts_(">");
  if (flagsize) {
    puts_(" SIZE="); put(num, fmt_ulong(num, (unsigned long)msgsize.bytes));
  }
  if (flag8bit) puts_(" BODY=8BITMIME");
  puts_("\r\n");
  if (!flagpipe) mailreply();
  for (first = 0; first < nrecips; first = last) {
    last = flagpipe ? first + PIPEWINDOW : first + 1;
    if (last > nrecips) last = nrecips;
    for (i = first; i < last; ++i) {
      if (badaddr(recips[i])) continue;
      quoteaddr(recips[i]);
      puts_("RCPT TO:<"); put(qaddr.s, qaddr.len); puts_(">\r\n");
    }
    if (flagpipe && !first) mailreply();
    for (i = first; i < last; ++i) {
      if (badaddr(recips[i])) { out("hSorry, that address contains control characters. (#5.1.3)\n"); zero(); continue; }
      code = get();
      rcptreport(code);
      if (code >= 200 && code < 300) ++accepted;
    }
  }
  if (!accepted) quit("DGiving up on ", "");
  puts_("DATA\r\n");
  code = get();
  if (code >= 500) quit("D", " failed on DATA command");
  if (code != 354) quit("Z", " failed on DATA command");
  blast();
  code = get();
  if (code >= 500) quit("D", " failed after I sent the message");
  if (code >= 300) quit("Z", " failed after I sent the message");
  buffer_puts(&bout, "QUIT\r\n"); buffer_flush(&bout);
  out("K"); out(iptext); out(" accepted message.\n");
  outreply();
  finish();
  return 0;
}

/* ---- where to connect ---- */

static int literal(const char *s, size_t n, unsigned char ip[16])
{
  char buf[IP6_FMT + 8];
  unsigned char ip4[4];
  if (n < 3 || s[0] != '[' || s[n - 1] != ']' || n - 2 >= sizeof buf) return 0;
  byte_copy(buf, n - 2, s + 1); buf[n - 2] = 0;
  if (ip4_scan(buf, ip4) == n - 2) { socket_ipv4(ip, ip4); return 1; }
  if (n - 2 > 5 && !case_diffb(buf, 5, "IPv6:") && ip6_scan(buf + 5, ip) == n - 7) return 1;
  return 0;
}

static void addhost(const unsigned char ip[16], unsigned long pref, unsigned long order)
{
  struct host h;
  if (hosts.len >= HOSTMAX * sizeof h) return;
  byte_copy(h.ip, 16, ip);
  h.pref = pref; h.order = order;
  if (!stralloc_catb(&hosts, (char *)&h, sizeof h)) temp_nomem();
}

static void addnamed(const char *name, unsigned long pref, unsigned long order, int *soft)
{
  stralloc ips = STRALLOC_ZERO;
  size_t k;
  int r = dns_ip(&ips, name, DNS_A | DNS_AAAA);
  if (r == -1) { if (errno == ENOMEM) temp_nomem(); *soft = 1; }
  if (r == 1) for (k = 0; k + 16 <= ips.len; k += 16) addhost((unsigned char *)ips.s + k, pref, order);
  stralloc_free(&ips);
}

/* smtproutes: the domain, each suffix from a dot, then the empty key.
   Sets port; returns the relay (maybe empty) or 0 when no route applies. */
static const char *route(void)
{
  size_t i, n = str_len(host);
  const char *v;
  for (i = 0; i <= n; ++i)
    if (i == 0 || i == n || host[i] == '.')
      if ((v = constmap_get(&maproutes, host + i, n - i))) return v;
  return 0;
}

static void parseroute(const char *v, stralloc *relay)
{
  size_t n = str_len(v), r;
  unsigned long p;
  r = v[0] == '[' ? str_chr(v, ']') + 1 : str_chr(v, ':');
  if (r > n) temp_route();
  if (!stralloc_copyb(relay, v, r) || !stralloc_0(relay)) temp_nomem();
  if (r == n) return;
  if (v[r] != ':' || scan_ulong(v + r + 1, &p) != n - r - 1 || !p || p > 65535) temp_route();
  port = (unsigned int)p;
}

static int hostcmp(const struct host *a, const struct host *b)
{
  if (a->pref != b->pref) return a->pref < b->pref ? -1 : 1;
  return a->order < b->order ? -1 : a->order > b->order;
}

static void sorthosts(void)
{
  struct host *h = (struct host *)hosts.s, t;
  size_t n = hosts.len / sizeof t, i, j;
  for (i = 1; i < n; ++i)
    for (j = i; j > 0 && hostcmp(&h[j], &h[j - 1]) < 0; --j) { t = h[j]; h[j] = h[j - 1]; h[j - 1] = t; }
}

struct mx { unsigned long pref, order; const char *name; };

static void mxhosts(void)
{
  stralloc mx = STRALLOC_ZERO, list = STRALLOC_ZERO;
  struct mx m, *e;
  size_t k, n, i, j;
  int r, soft = 0, nullmx = 0;
  r = dns_mx(&mx, host);
  if (r == DNS_NX) perm_nxhost();
  if (r == -1) { if (errno == ENOMEM) temp_nomem(); temp_dns(); }
  if (r == 0) {
    addnamed(host, 0, 0, &soft);
    if (!hosts.len) { if (soft) temp_dns(); perm_nomx(); }
    return;
  }
  for (k = 0; k < mx.len; k += str_len(mx.s + k + 2) + 3) {
    m.pref = ((unsigned long)(unsigned char)mx.s[k] << 8) | (unsigned char)mx.s[k + 1];
    m.order = dns_random(1UL << 30); /* equal preferences: random order */
    m.name = mx.s + k + 2;
    if (!*m.name) { nullmx = 1; continue; }
    if (!stralloc_catb(&list, (char *)&m, sizeof m)) temp_nomem();
  }
  e = (struct mx *)list.s;
  n = list.len / sizeof m;
  if (nullmx && !n) perm_nullmx();
  for (i = 1; i < n; ++i)
    for (j = i; j > 0 && (e[j].pref < e[j - 1].pref || (e[j].pref == e[j - 1].pref && e[j].order < e[j - 1].order)); --j) {
      m = e[j]; e[j] = e[j - 1]; e[j - 1] = m;
    }
  for (i = 0; i < n && i < MXMAX; ++i) addnamed(e[i].name, e[i].pref, i, &soft);
  stralloc_free(&mx);
  stralloc_free(&list);
  if (!hosts.len) { if (soft) temp_dns(); perm_nomx(); }
}

/* loopback, unspecified and our own addresses, unless listed in $NOTIPME */
static int isme(const unsigned char ip[16])
{
  static const unsigned char loop6[16] = { 0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,1 };
  const char *x = env_get("NOTIPME");
  unsigned char a[16], a4[4];
  char buf[IP6_FMT + 1];
  size_t i, j;
  int r;
  if (x)
    for (i = 0; x[i]; i = j) {
      while (x[i] == ' ' || x[i] == ',') ++i;
      for (j = i; x[j] && x[j] != ' ' && x[j] != ','; ++j) ;
      if (j == i || j - i > IP6_FMT) continue;
      byte_copy(buf, j - i, x + i); buf[j - i] = 0;
      if (ip4_scan(buf, a4) == j - i) socket_ipv4(a, a4);
      else if (ip6_scan(buf, a) != j - i) continue;
      if (byte_equal(a, 16, ip)) return 0;
    }
  if (ip6_isv4mapped(ip) && ip[12] == 127) return 1;
  if (byte_equal(ip, 16, loop6)) return 1;
  r = localip_is(ip);
  if (r == -1) temp_oserr();
  return r;
}

/* drop every host at or above the best preference that points at us */
static void loopcheck(void)
{
  struct host *h = (struct host *)hosts.s;
  size_t n = hosts.len / sizeof *h, i, keep = 0;
  unsigned long mypref = (unsigned long)-1;
  int found = 0;
  for (i = 0; i < n; ++i)
    if (isme(h[i].ip) && (!found || h[i].pref < mypref)) { mypref = h[i].pref; found = 1; }
  if (!found) return;
  for (i = 0; i < n; ++i) if (h[i].pref < mypref) h[keep++] = h[i];
  if (!keep) perm_ambest();
  hosts.len = keep * sizeof *h;
}

static void findhosts(void)
{
  stralloc relay = STRALLOC_ZERO;
  unsigned char ip[16], ip4[4];
  const char *v = route();
  int soft = 0;
  if (v) parseroute(v, &relay);
  if (v && relay.s[0]) {
    flagrelay = 1;
    if (literal(relay.s, relay.len - 1, ip)) addhost(ip, 0, 0);
    else if (ip4_scan(relay.s, ip4) == relay.len - 1) { socket_ipv4(ip, ip4); addhost(ip, 0, 0); }
    else {
      addnamed(relay.s, 0, 0, &soft);
      if (!hosts.len) { if (soft) temp_dns(); perm_nomx(); }
    }
  } else if (literal(host, str_len(host), ip)) addhost(ip, 0, 0);
  else mxhosts();
  stralloc_free(&relay);
  sorthosts();
  if (!flagrelay) loopcheck();
}

static void getcontrols(void)
{
  size_t i;
  if (control_init() == -1) temp_control();
  if (control_readint(&timeout, "control/timeoutremote") == -1) temp_control();
  if (control_readint(&timeoutconn, "control/timeoutconnect") == -1) temp_control();
  if (control_rldef(&helohost, "control/helohost", 1, 0) != 1) temp_control();
  for (i = 0; i < helohost.len; ++i) if ((unsigned char)helohost.s[i] <= 32) temp_control();
  if (control_readfile(&routes, "control/smtproutes") == -1) temp_control();
  if (!constmap_init(&maproutes, routes.s ? routes.s : "", routes.len, ':')) temp_nomem();
}

int main(int argc, char **argv)
{
  struct host *h;
  size_t i, n;
  int fd;

  sig_ignore(SIGPIPE);
  if (argc < 4) perm_usage();
  host = argv[1]; sender = argv[2]; recips = argv + 3; nrecips = argc - 3;
  if (chdir(auto_home) == -1) temp_chdir();
  getcontrols();
  if (badaddr(sender)) perm_sender();
  measure();
  findhosts();
  h = (struct host *)hosts.s;
  n = hosts.len / sizeof *h;
  for (i = 0; i < n; ++i) {
    if (ip6_isv4mapped(h[i].ip)) iptext[ip4_fmt(iptext, h[i].ip + 12)] = 0;
    else iptext[ip6_fmt(iptext, h[i].ip)] = 0;
    if (tcpto_skip(h[i].ip)) continue;
    fd = socket_tcp(h[i].ip);
    if (fd == -1) { if (errno == EAFNOSUPPORT) continue; temp_oserr(); }
    if (socket_connect_timeout(fd, h[i].ip, port, timeoutconn) == -1) {
      tcpto_record(h[i].ip, errno == ETIMEDOUT);
      close(fd);
      continue;
    }
    tcpto_record(h[i].ip, 0);
    buffer_init(&bin, saferead, fd, inbuf, sizeof inbuf);
    buffer_init(&bout, safewrite, fd, outbuf, sizeof outbuf);
    smtp();
    close(fd);
  }
  if (greetfail.len) {
    out("ZConnected to "); out(greetip); out(" but greeting failed.\n");
    if (!stralloc_copy(&reply, &greetfail)) temp_nomem();
    outreply();
    finish();
  }
  temp_noconn();
  return 0;
}
