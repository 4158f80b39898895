/* qmail-send: the queue manager.  Runs as qmails, started by qmail-start:
   log on fd 0; commands to qmail-lspawn on fd 1, its reports on fd 2;
   qmail-rspawn on fds 3/4; qmail-clean on fds 5/6 (qmail-send(8)).
   It preprocesses todo/ into info/ local/ remote/, schedules deliveries
   with qmail's retry schedule, and injects bounces when a message is done.
   Work per message never depends on the queue's size: todo/ is read in
   bounded batches between deliveries, schedules live in heaps. */
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <utime.h>
#include "alloc.h"
#include "auto.h"
#include "bounce.h"
#include "chanfile.h"
#include "buffer.h"
#include "byte.h"
#include "fd.h"
#include "fmt.h"
#include "fmtqfn.h"
#include "getln.h"
#include "lock.h"
#include "open.h"
#include "prioq.h"
#include "preproc.h"
#include "qrec.h"
#include "qsched.h"
#include "rewrite.h"
#include "sendctl.h"
#include "scan.h"
#include "sig.h"
#include "spawnproto.h"
#include "str.h"
#include "stralloc.h"
#include "syncdir.h"

#define SLEEP_TODO 1500       /* todo/ is scanned at least this often */
#define SLEEP_SYSFAIL 123     /* retry after a failing system call */
#define SLEEP_FOREVER 86400
#define SLEEP_BOUNCE 10       /* between attempts to append to bounce/N */
#define SLEEP_CLEANUP 76431   /* between sweeps of mess/ for leftovers */
#define OSSIFIED 129600       /* age of a leftover; above qmail-queue's 24 h */
#define TODOBATCH 20          /* todo entries per loop turn */
#define DONEBATCH 20          /* completed messages per loop turn */
#define CLEANBATCH 50         /* mess/ entries looked at per loop turn */
#define RECMAX CHANFILE_RECMAX  /* longest queue file record */
#define INFOMAX 70000

static const char *const chname[2] = { "local", "remote" };
static const char *const chdir_[2] = { "local/", "remote/" };
static const unsigned int chskip[2] = { 10, 20 };

static struct sendctl ctl;

static volatile sig_atomic_t flagexitasap, flagrunasap, flagreadasap;
static void sigterm(int s) { (void)s; flagexitasap = 1; }
static void sigalrm(int s) { (void)s; flagrunasap = 1; }
static void sighup(int s) { (void)s; flagreadasap = 1; }

/* ---- the log: one write per line on fd 0, variable parts made safe */
static stralloc logline;
static void lstart(void) { logline.len = 0; }
static void ls(const char *s) { if (!stralloc_cats(&logline, s)) { /* line is cut */ } }
static void lu(unsigned long u) { if (!stralloc_catulong(&logline, u)) { /* cut */ } }
static void lsafeb(const char *s, size_t n)
{
  size_t i;
  for (i = 0; i < n; ++i) {
    char ch = s[i];
    if (ch == '\n') ch = '/';
    else if ((unsigned char)ch < 33 || (unsigned char)ch > 126 || ch == '%') ch = '_';
    if (!stralloc_append(&logline, ch)) return;
  }
}
static void lsafe(const char *s) { lsafeb(s, str_len(s)); }
static void lend(void)
{
  size_t done = 0;
  if (!stralloc_append(&logline, '\n')) { if (!logline.len) return; logline.s[logline.len - 1] = '\n'; }
  while (done < logline.len) {
    ssize_t w = write(0, logline.s + done, logline.len - done);
    if (w == -1) { if (errno == EINTR) continue; return; }
    done += (size_t)w;
  }
}
static void log1(const char *a) { lstart(); ls(a); lend(); }
static void log3(const char *a, const char *b, const char *c) { lstart(); ls(a); lsafe(b); ls(c); lend(); }
static void logfn(const char *a, const char *fn, const char *c) { log3(a, fn, c); }
static void die_alert(const char *s) __attribute__((noreturn));
static void die_alert(const char *s) { lstart(); ls("alert: "); ls(s); lend(); _exit(111); }
static void nomem(void) { log1("alert: out of memory, sleeping..."); sleep(10); }

/* ---- channels, jobs (a pass over one channel file), deliveries */
struct job {
  int used, flageof, flagdefer, flagdying;
  unsigned long id;
  unsigned int ndel;
  double retry;
  struct chanfile cf;
  stralloc sender, seen;
};
struct del { int used; struct job *j; off_t off; unsigned long num; stralloc recip; };
struct chan {
  int fdout, fdin, conc, nused;
  stralloc outq;
  struct spawnproto_rep rep;
  struct prioq pq;
  struct job *jobs;
  struct del dels[256];
};
static struct chan ch[2];
static struct prioq pqdone = PRIOQ_ZERO;
static unsigned long delnum;

static void fnq(char *fn, const char *dir, unsigned long id, int split) { fmtqfn(fn, dir, id, split); }

static void logstatus(void)
{
  lstart();
  ls("status: local "); lu((unsigned long)ch[0].nused); ls("/"); lu((unsigned long)ch[0].conc);
  ls(" remote "); lu((unsigned long)ch[1].nused); ls("/"); lu((unsigned long)ch[1].conc);
  if (flagexitasap) ls(" exitasap");
  lend();
}

static void pqadd(struct prioq *pq, double t, unsigned long id)
{
  struct prioq_elt pe;
  pe.t = t; pe.id = id;
  while (!prioq_insert(pq, &pe)) nomem();
}

/* ---- qmail-clean */
static int cleanup(const char *what, unsigned long id)
{
  char req[FMTQFN];
  size_t n = fmtqfn(req, what, id, 0), done = 0;
  char c;
  while (done < n) {
    ssize_t w = write(5, req + done, n - done);
    if (w == -1 && errno == EINTR) continue;
    if (w <= 0) die_alert("oh no! lost qmail-clean connection! dying...");
    done += (size_t)w;
  }
  for (;;) {
    ssize_t r = read(6, &c, 1);
    if (r == -1 && errno == EINTR) continue;
    if (r != 1) die_alert("oh no! lost qmail-clean connection! dying...");
    return c == '+';
  }
}

/* the envelope sender from info/S/N into sa, NUL-terminated: 1 or 0 */
static int readinfo(unsigned long id, stralloc *sa)
{
  char fn[FMTQFN], buf[1024];
  buffer b;
  int fd, match, r;
  fnq(fn, "info/", id, 1);
  fd = open_read(fn);
  if (fd == -1) return 0;
  buffer_init(&b, buffer_unixread, fd, buf, sizeof buf);
  r = getln_max(&b, sa, &match, 0, INFOMAX);
  close(fd);
  if (r == -1 || !match || sa->s[0] != 'F') return 0;
  byte_copy(sa->s, sa->len - 1, sa->s + 1);
  --sa->len;
  return 1;
}

/* ---- completion: bounce, then info/ and mess/ go */
static void doneit(unsigned long id, double now)
{
  char fnb[FMTQFN], fni[FMTQFN], fnm[FMTQFN];
  stralloc sender = STRALLOC_ZERO;
  struct bounce_msg bm;
  unsigned long qp = 0;
  const char *r;
  int fdb;

  fnq(fnb, "bounce/", id, 0);
  fnq(fni, "info/", id, 1);
  fnq(fnm, "mess/", id, 1);
  fdb = open_read(fnb);
  if (fdb == -1 && errno != ENOENT) { logfn("warning: unable to open ", fnb, ""); goto later; }
  if (fdb != -1) {
    if (!readinfo(id, &sender) || !stralloc_0(&sender)) { logfn("warning: trouble reading ", fni, ""); goto later; }
    if (bounce_kind(sender.s) == BOUNCE_NONE) logfn("triple bounce: discarding ", fnb, "");
    else {
      bm.sender = sender.s; bm.bouncefrom = ctl.bouncefrom.s; bm.bouncehost = ctl.bouncehost.s;
      bm.dbto = ctl.dbto.s; bm.dbhost = ctl.dbhost.s; bm.maxbytes = ctl.bouncemaxbytes;
      bm.now = (time_t)now; bm.fdbounce = fdb;
      bm.fdmess = open_read(fnm);
      if (bm.fdmess == -1) { logfn("warning: unable to open ", fnm, ""); goto later; }
      r = bounce_inject(&bm, &qp);
      close(bm.fdmess);
      if (!r || *r) { log1("warning: trouble injecting bounce message, will try later"); goto later; }
      lstart(); ls("bounce msg "); lu(id); ls(" qp "); lu(qp); lend();
    }
    close(fdb);
    fdb = -1;
    if (unlink(fnb) == -1 && errno != ENOENT) { logfn("warning: unable to unlink ", fnb, ""); goto later; }
  }
  if (unlink(fni) == -1 && errno != ENOENT) { logfn("warning: unable to unlink ", fni, ""); goto later; }
  lstart(); ls("end msg "); lu(id); lend();
  if (!cleanup("foop/", id)) logfn("warning: qmail-clean unable to clean up ", fnm, "");
  stralloc_free(&sender);
  return;
later:
  if (fdb != -1) close(fdb);
  stralloc_free(&sender);
  pqadd(&pqdone, now + SLEEP_SYSFAIL, id);
}

/* a channel file went away: if both are gone the message is done */
static void donecheck(unsigned long id)
{
  char fn[FMTQFN];
  struct stat st;
  int c;
  for (c = 0; c < 2; ++c) {
    fnq(fn, chdir_[c], id, 1);
    if (stat(fn, &st) == 0 || errno != ENOENT) return;
  }
  pqadd(&pqdone, 0, id);
}

/* ---- bounce/N: crash-safe appends */
static void addbounce(struct job *j, const char *recip, const char *text, size_t tlen)
{
  char fn[FMTQFN];
  stralloc para = STRALLOC_ZERO;
  size_t rlen = str_len(recip), skip = rewrite_prepend(&ctl.rw, recip, rlen);

  while (!bounce_para(&para, recip + skip, rlen - skip, text, tlen)) { para.len = 0; nomem(); }
  if (bounce_seen(&j->seen, &para)) { stralloc_free(&para); return; }  /* written before a crash */
  fnq(fn, "bounce/", j->id, 0);
  while (!bounce_append(fn, &para)) {
    log1("alert: unable to append to bounce message; HELP! sleeping...");
    sleep(SLEEP_BOUNCE);
  }
  stralloc_free(&para);
}

/* ---- jobs */
static int openjob(int c, struct job *j, unsigned long id, double now)
{
  char fn[FMTQFN], fni[FMTQFN];
  struct stat st;

  fnq(fn, chdir_[c], id, 1);
  fnq(fni, "info/", id, 1);
  if (!chanfile_open(&j->cf, fn)) {
    if (errno == ENOENT) { donecheck(id); return 0; }
    logfn("warning: unable to open ", fn, "; will try again later");
    pqadd(&ch[c].pq, now + SLEEP_SYSFAIL, id);
    return 0;
  }
  if (stat(fni, &st) == -1 || !readinfo(id, &j->sender) || !stralloc_0(&j->sender)) {
    logfn("warning: trouble reading ", fni, "; will try again later");
    chanfile_close(&j->cf);
    pqadd(&ch[c].pq, now + SLEEP_SYSFAIL, id);
    return 0;
  }
  fnq(fn, "bounce/", id, 0);
  if (!bounce_seenload(&j->seen, fn)) {
    logfn("warning: trouble reading ", fn, "; will try again later");
    chanfile_close(&j->cf);
    pqadd(&ch[c].pq, now + SLEEP_SYSFAIL, id);
    return 0;
  }
  j->used = 1; j->id = id; j->ndel = 0;
  j->flageof = j->flagdefer = 0;
  j->flagdying = now > (double)st.st_mtime + (double)ctl.lifetime;
  j->retry = qsched_next((double)st.st_mtime, now, chskip[c]);
  return 1;
}

static void closejob(int c, struct job *j)
{
  char fn[FMTQFN];
  fnq(fn, chdir_[c], j->id, 1);
  chanfile_close(&j->cf);
  j->used = 0;
  if (!j->flageof) {  /* stopped early (TERM): the rest is tried first thing */
    pqadd(&ch[c].pq, (double)time(0), j->id);
    return;
  }
  if (!j->flagdefer) {
    if (unlink(fn) == 0 || errno == ENOENT) { donecheck(j->id); return; }
    logfn("warning: unable to unlink ", fn, "; will try again later");
  }
  pqadd(&ch[c].pq, j->retry, j->id);
}

/* next T record: 1 (recipient in rec, *off its offset), 0 at the end,
   -1 on trouble */
static int nextrec(int c, struct job *j, stralloc *rec, off_t *off)
{
  char fn[FMTQFN];
  unsigned long unknown = j->cf.unknown;
  int r = chanfile_next(&j->cf, rec, off);
  if (j->cf.unknown != unknown) {
    fnq(fn, chdir_[c], j->id, 1);
    logfn("warning: unknown record type in ", fn, "");
  }
  return r;
}

static void markdone(int c, struct job *j, off_t off)
{
  char fn[FMTQFN];
  if (chanfile_mark(&j->cf, off)) return;
  fnq(fn, chdir_[c], j->id, 1);
  logfn("warning: trouble marking ", fn, "; message will be delivered twice!");
  j->flagdefer = 1;
}

static void startdel(int c, struct job *j, const stralloc *recip, off_t off)
{
  struct chan *h = &ch[c];
  struct del *d;
  static stralloc snd;
  char path[FMTQFN];
  int k;

  for (k = 0; k < h->conc; ++k) if (!h->dels[k].used) break;
  d = &h->dels[k];
  fmtqfn(path, "", j->id, 1);
  while (!rewrite_verp(&snd, j->sender.s, recip->s, recip->len) || !stralloc_copy(&d->recip, recip) || !stralloc_0(&d->recip)
         || !spawnproto_cmd(&h->outq, (unsigned char)k, path, snd.s, snd.len - 1, recip->s, recip->len))
    nomem();
  d->used = 1; d->j = j; d->off = off; d->num = ++delnum;
  ++j->ndel; ++h->nused;
  lstart(); ls("starting delivery "); lu(d->num); ls(": msg "); lu(j->id);
  ls(" to "); ls(chname[c]); ls(" "); lsafeb(recip->s, recip->len); lend();
  logstatus();
}

static struct job *jobready(struct chan *h)
{
  int k;
  for (k = 0; k < h->conc; ++k) if (h->jobs[k].used && !h->jobs[k].flageof) return &h->jobs[k];
  return 0;
}

static struct job *jobfree(struct chan *h)
{
  int k;
  for (k = 0; k < h->conc; ++k) if (!h->jobs[k].used) return &h->jobs[k];
  return 0;
}

static void deliver_step(int c, double now)
{
  struct chan *h = &ch[c];
  static stralloc rec;
  struct prioq_elt pe;
  struct job *j;
  off_t off;
  int r;

  while (!flagexitasap && h->nused < h->conc) {
    j = jobready(h);
    if (!j) {
      if (!prioq_min(&h->pq, &pe) || pe.t > now || !(j = jobfree(h))) return;
      prioq_delmin(&h->pq);
      if (!openjob(c, j, pe.id, now)) continue;
    }
    r = nextrec(c, j, &rec, &off);
    if (r == 1) { startdel(c, j, &rec, off); continue; }
    if (r == -1) {
      char fn[FMTQFN];
      fnq(fn, chdir_[c], j->id, 1);
      logfn("warning: trouble reading ", fn, "; will try again later");
      j->flagdefer = 1;
    }
    j->flageof = 1;
    if (!j->ndel) closejob(c, j);
  }
}

/* ---- reports from the spawns */
static void dispatch(int c, unsigned char slot, unsigned char status, stralloc *text)
{
  static const char dying[] = "I'm not going to try again; this message has been in the queue too long.\n";
  struct chan *h = &ch[c];
  struct del *d;
  struct job *j;

  if (slot >= h->conc || !h->dels[slot].used) {
    log1("warning: internal error: delivery report out of range");
    return;
  }
  d = &h->dels[slot];
  j = d->j;
  if (status == 'Z' && j->flagdying) {
    status = 'D';
    if (text->len && text->s[text->len - 1] != '\n') while (!stralloc_append(text, '\n')) nomem();
    while (!stralloc_cats(text, dying)) nomem();
  }
  lstart(); ls("delivery "); lu(d->num);
  switch (status) {
    case 'K':
      ls(": success: "); lsafeb(text->s, text->len); lend();
      markdone(c, j, d->off);
      break;
    case 'D':
      ls(": failure: "); lsafeb(text->s, text->len); lend();
      addbounce(j, d->recip.s, text->s, text->len);
      markdone(c, j, d->off);
      break;
    case 'Z':
      ls(": deferral: "); lsafeb(text->s, text->len); lend();
      j->flagdefer = 1;
      break;
    default:
      ls(": report mangled, will defer"); lend();
      j->flagdefer = 1;
  }
  d->used = 0;
  --h->nused;
  --j->ndel;
  logstatus();
  if (!j->ndel && (j->flageof || flagexitasap)) closejob(c, j);
}

static void readreports(int c)
{
  struct chan *h = &ch[c];
  char buf[4096];
  ssize_t r;
  size_t i, used;

  r = read(h->fdin, buf, sizeof buf);
  if (r == -1) return;
  if (r == 0) die_alert("oh no! lost spawn connection! dying...");
  for (i = 0; i < (size_t)r; i += used)
    if (spawnproto_feed(&h->rep, buf + i, (size_t)r - i, &used))
      dispatch(c, h->rep.slot, h->rep.status, &h->rep.text);
}

static void flushcommands(int c)
{
  struct chan *h = &ch[c];
  ssize_t w = write(h->fdout, h->outq.s, h->outq.len);
  if (w == -1) {
    if (errno == EAGAIN || errno == EINTR) return;
    die_alert("oh no! lost spawn connection! dying...");
  }
  byte_copy(h->outq.s, h->outq.len - (size_t)w, h->outq.s + w);
  h->outq.len -= (size_t)w;
}

/* ---- todo/: preprocessing, a bounded batch per turn */
static DIR *tododir;
static int flagtodo = 1;
static double nexttodo;

/* phase 1: info/, local/, remote/ written for todo/N, not yet fsynced */
static struct preproc pre[TODOBATCH];

static int prewrite(struct preproc *p, unsigned long id)
{
  char fn[FMTQFN];
  int r = preproc_write(p, id, &ctl.rw);
  if (r == 0) return 0;
  if (r == -1) { lstart(); ls("warning: "); ls(p->fail); lsafe(p->failfn); lend(); return 0; }
  lstart(); ls("new msg "); lu(id); lend();
  lstart(); ls("info msg "); lu(id); ls(": bytes "); lu(p->bytes);
  ls(" from <"); lsafe(p->sender.s); ls("> qp "); lsafe(p->qp.s); ls(" uid "); lsafe(p->uid.s); lend();
  if (p->unknown) { fnq(fn, "todo/", id, 0); logfn("warning: unknown record type in ", fn, ""); }
  return 1;
}

/* fsync the directory holding fn unless done lists it already */
static int syncdir_once(const char *fn, stralloc *done)
{
  size_t n = str_rchr(fn, '/'), i = 0;
  while (i < done->len) {
    size_t k = str_len(done->s + i);
    if (k == n && byte_equal(done->s + i, n, fn)) return 1;
    i += k + 1;
  }
  if (syncdir_parent(fn) == -1) return 0;
  while (!stralloc_catb(done, fn, n) || !stralloc_0(done)) nomem();
  return 1;
}

/* phase 2: fsync the batch's files, then each directory once (the first
   fsync usually commits the journal for all), then todo/N may go */
static void precommit(struct preproc *p, int n, double now)
{
  static stralloc dirs;
  char fnt[FMTQFN];
  int i, k, ok[TODOBATCH], made[2];

  dirs.len = 0;
  for (i = 0; i < n; ++i) {
    ok[i] = 1;
    for (k = 0; k < 3; ++k)
      if (ok[i] && p[i].f[k].fd != -1 && !qrec_sync(&p[i].f[k])) { logfn("warning: trouble fsyncing ", p[i].f[k].fn, ""); ok[i] = 0; }
  }
  for (i = 0; i < n; ++i)
    for (k = 0; k < 3; ++k)
      if (ok[i] && p[i].f[k].fd != -1 && !syncdir_once(p[i].f[k].fn, &dirs)) { logfn("warning: trouble fsyncing the directory of ", p[i].f[k].fn, ""); ok[i] = 0; }
  for (i = 0; i < n; ++i) {
    made[0] = p[i].f[1].fd != -1;
    made[1] = p[i].f[2].fd != -1;
    for (k = 0; k < 3; ++k) qrec_close(&p[i].f[k]);
    if (!ok[i]) continue;
    fnq(fnt, "todo/", p[i].id, 0);
    if (!cleanup("todo/", p[i].id)) { logfn("warning: qmail-clean unable to clean up ", fnt, ""); continue; }
    if (made[0]) pqadd(&ch[0].pq, now, p[i].id);
    if (made[1]) pqadd(&ch[1].pq, now, p[i].id);
    if (!made[0] && !made[1]) pqadd(&pqdone, now, p[i].id);
  }
}

static int todo_pending(void) { return tododir || flagtodo; }

static void todo_step(double now)
{
  struct dirent *de;
  unsigned long id;
  int k, n;

  if (!tododir) {
    if (!flagtodo && now < nexttodo) return;
    tododir = opendir("todo");
    if (!tododir) { log1("alert: unable to opendir todo, sleeping..."); nexttodo = now + 10; flagtodo = 0; return; }
    flagtodo = 0;
    nexttodo = now + SLEEP_TODO;
  }
  for (k = n = 0; k < TODOBATCH; ++k) {
    de = readdir(tododir);
    if (!de) { closedir(tododir); tododir = 0; break; }
    if (de->d_name[0] < '0' || de->d_name[0] > '9') continue;
    if (de->d_name[scan_ulong(de->d_name, &id)]) continue;
    if (prewrite(&pre[n], id)) ++n;
  }
  if (n) precommit(pre, n, now);
}

static void done_step(double now)
{
  struct prioq_elt pe;
  int k;
  for (k = 0; k < DONEBATCH; ++k) {
    if (!prioq_min(&pqdone, &pe) || pe.t > now) return;
    prioq_delmin(&pqdone);
    doneit(pe.id, now);
  }
}

/* ---- leftovers of a killed qmail-queue: mess/S/N with neither todo/N
   nor info/S/N, not touched for OSSIFIED seconds; swept in batches */
static DIR *cleandir;
static unsigned long cleansplit;
static double nextclean;

static void clean_step(double now)
{
  char fn[FMTQFN];
  struct dirent *de;
  struct stat st;
  unsigned long id;
  int k;

  if (!cleandir) {
    if (now < nextclean) return;
    fn[fmt_ulong(fn, cleansplit)] = 0;
    {
      char dn[FMTQFN];
      byte_copy(dn, 5, "mess/");
      byte_copy(dn + 5, str_len(fn) + 1, fn);
      cleandir = opendir(dn);
      if (!cleandir) { logfn("warning: unable to opendir ", dn, ""); nextclean = now + SLEEP_SYSFAIL; return; }
    }
  }
  for (k = 0; k < CLEANBATCH; ++k) {
    de = readdir(cleandir);
    if (!de) {
      closedir(cleandir);
      cleandir = 0;
      if (++cleansplit >= auto_split) { cleansplit = 0; nextclean = now + SLEEP_CLEANUP; }
      return;
    }
    if (de->d_name[0] < '0' || de->d_name[0] > '9') continue;
    if (de->d_name[scan_ulong(de->d_name, &id)]) continue;
    fnq(fn, "mess/", id, 1);
    if (stat(fn, &st) == -1 || now <= (double)st.st_atime + OSSIFIED) continue;
    fnq(fn, "info/", id, 1);
    if (stat(fn, &st) == 0 || errno != ENOENT) continue;
    fnq(fn, "todo/", id, 0);
    if (stat(fn, &st) == 0 || errno != ENOENT) continue;
    fnq(fn, "mess/", id, 1);
    if (!cleanup("foop/", id)) logfn("warning: qmail-clean unable to clean up ", fn, "");
  }
}

/* ---- start-up: schedules from info/ and the channel files' mtimes */
static void scanqueue(double now)
{
  char dn[FMTQFN], fn[FMTQFN];
  struct dirent *de;
  struct stat st;
  unsigned long s, id;
  DIR *d;
  int c, any;

  for (s = 0; s < auto_split; ++s) {
    fn[fmt_ulong(fn, s)] = 0;
    byte_copy(dn, 5, "info/");
    byte_copy(dn + 5, str_len(fn) + 1, fn);
    while (!(d = opendir(dn))) { logfn("alert: unable to opendir ", dn, ", sleeping..."); sleep(10); }
    while ((de = readdir(d))) {
      if (de->d_name[0] < '0' || de->d_name[0] > '9') continue;
      if (de->d_name[scan_ulong(de->d_name, &id)]) continue;
      fnq(fn, "todo/", id, 0);
      if (stat(fn, &st) == 0) continue;  /* preprocessing will be redone */
      any = 0;
      for (c = 0; c < 2; ++c) {
        fnq(fn, chdir_[c], id, 1);
        if (stat(fn, &st) == 0) { pqadd(&ch[c].pq, (double)st.st_mtime, id); any = 1; }
      }
      if (!any) pqadd(&pqdone, now, id);
    }
    closedir(d);
  }
}

static void writeschedules(void)
{
  char fn[FMTQFN];
  struct utimbuf ut;
  size_t i;
  int c;
  for (c = 0; c < 2; ++c)
    for (i = 0; i < ch[c].pq.len; ++i) {
      fnq(fn, chdir_[c], ch[c].pq.p[i].id, 1);
      ut.actime = ut.modtime = (time_t)ch[c].pq.p[i].t;
      if (utime(fn, &ut) == -1 && errno != ENOENT)
        logfn("warning: unable to utime ", fn, "; message will be retried too soon");
    }
}

static void setup(void)
{
  int c, fd;
  unsigned char limit;

  if (chdir(auto_home) == -1) die_alert("cannot start: unable to switch to home directory");
  if (!sendctl_read(&ctl)) die_alert("cannot start: unable to read controls");
  ch[0].conc = ctl.conclocal > 255 ? 255 : ctl.conclocal;
  ch[1].conc = ctl.concremote > 255 ? 255 : ctl.concremote;
  if (chdir("queue") == -1) die_alert("cannot start: unable to switch to queue directory");
  sig_ignore(SIGPIPE);
  sig_block(SIGTERM); sig_block(SIGALRM); sig_block(SIGHUP);
  sig_catch(SIGTERM, sigterm); sig_catch(SIGALRM, sigalrm); sig_catch(SIGHUP, sighup);
  umask(077);
  fd = open_write("lock/sendmutex");
  if (fd == -1) die_alert("cannot start: unable to open mutex");
  if (lock_exnb(fd) == -1) die_alert("cannot start: qmail-send is already running");
  coe(fd);
  for (c = 0; c < 2; ++c) {
    struct chan *h = &ch[c];
    ssize_t r;
    h->fdout = c ? 3 : 1;
    h->fdin = c ? 4 : 2;
    do r = read(h->fdin, (char *)&limit, 1); while (r == -1 && errno == EINTR);
    if (r != 1) die_alert("cannot start: hath the daemon spawn no fire?");
    if (h->conc > (int)limit) h->conc = limit;
    h->jobs = alloc(256 * sizeof *h->jobs);
    if (!h->jobs) die_alert("cannot start: out of memory");
    byte_zero(h->jobs, 256 * sizeof *h->jobs);
    if (ndelay_on(h->fdout) == -1 || ndelay_on(h->fdin) == -1) die_alert("cannot start: unable to set up the spawn pipes");
  }
}

static int fdtrig = -1, fdtrigw = -1;
static void opentrigger(void)
{
  if (fdtrig != -1) return;
  fdtrig = open_read("lock/trigger");
  if (fdtrig == -1) return;
  fdtrigw = open_write("lock/trigger");  /* so the fifo never reads as EOF */
  coe(fdtrig); coe(fdtrigw);
}

static void hup(void)
{
  flagreadasap = 0;
  if (chdir(auto_home) == -1) { log1("alert: unable to reread controls: unable to switch to home directory"); return; }
  if (!sendctl_maps(&ctl)) log1("alert: unable to reread controls: unable to read controls");
  if (chdir("queue") == -1) die_alert("unable to switch back to queue directory; HELP! exiting");
}

static void alrm(void)
{
  size_t i;
  int c;
  flagrunasap = 0;
  for (c = 0; c < 2; ++c) for (i = 0; i < ch[c].pq.len; ++i) ch[c].pq.p[i].t = 0;  /* all equal: still a heap */
  flagtodo = 1;
}

static double wakeup(double now)
{
  struct prioq_elt pe;
  double t = now + SLEEP_FOREVER;
  int c;
  if (flagexitasap) return t;
  if (todo_pending() || cleandir) return now;
  if (!tododir && nexttodo < t) t = nexttodo;
  if (nextclean < t) t = nextclean;
  if (prioq_min(&pqdone, &pe) && pe.t < t) t = pe.t;
  for (c = 0; c < 2; ++c)
    if (ch[c].nused < ch[c].conc && jobfree(&ch[c]) && prioq_min(&ch[c].pq, &pe) && pe.t < t) t = pe.t;
  return t < now ? now : t;
}

int main(void)
{
  struct timespec ts;
  sigset_t empty;
  fd_set rfds, wfds;
  double now, t;
  int c, maxfd, k;

  setup();
  now = (double)time(0);
  scanqueue(now);
  opentrigger();
  nexttodo = nextclean = now;
  logstatus();
  sigemptyset(&empty);
  for (;;) {
    if (flagreadasap) hup();
    if (flagrunasap) alrm();
    if (flagexitasap) {
      for (c = 0; c < 2; ++c)
        for (k = 0; k < ch[c].conc; ++k)
          if (ch[c].jobs[k].used && !ch[c].jobs[k].ndel) closejob(c, &ch[c].jobs[k]);
      if (!ch[0].nused && !ch[1].nused) break;
    }
    now = (double)time(0);
    if (!flagexitasap) {
      opentrigger();
      todo_step(now);
      done_step(now);
      for (c = 0; c < 2; ++c) deliver_step(c, now);
      clean_step(now);
    }
    FD_ZERO(&rfds); FD_ZERO(&wfds);
    maxfd = 0;
    if (fdtrig != -1) { FD_SET(fdtrig, &rfds); maxfd = fdtrig; }
    for (c = 0; c < 2; ++c) {
      FD_SET(ch[c].fdin, &rfds);
      if (ch[c].fdin > maxfd) maxfd = ch[c].fdin;
      if (ch[c].outq.len) { FD_SET(ch[c].fdout, &wfds); if (ch[c].fdout > maxfd) maxfd = ch[c].fdout; }
    }
    t = wakeup(now) - now;
    ts.tv_sec = (time_t)t;
    ts.tv_nsec = 0;
    if (pselect(maxfd + 1, &rfds, &wfds, 0, &ts, &empty) == -1) continue;
    if (fdtrig != -1 && FD_ISSET(fdtrig, &rfds)) {
      char buf[64];
      while (read(fdtrig, buf, sizeof buf) > 0) { }
      flagtodo = 1;
    }
    for (c = 0; c < 2; ++c) {
      if (FD_ISSET(ch[c].fdout, &wfds)) flushcommands(c);
      if (FD_ISSET(ch[c].fdin, &rfds)) readreports(c);
    }
  }
  writeschedules();
  log1("status: exiting");
  _exit(0);
}
