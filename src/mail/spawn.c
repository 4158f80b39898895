/* spawn.c: the command loop of qmail-lspawn and qmail-rspawn.  Commands
   come from qmail-send on fd 0, reports go back on fd 1; see spawn.h and
   reference 5.2 for the byte protocol and the texts of the immediate
   reports.  SIGCHLD stays blocked except inside pselect, so a child that
   exits is never missed. */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <unistd.h>
#include "alloc.h"
#include "auto.h"
#include "buffer.h"
#include "byte.h"
#include "fd.h"
#include "open.h"
#include "qids.h"
#include "sig.h"
#include "spawn.h"
#include "spawncmd.h"
#include "str.h"
#include "stralloc.h"
#include "wait.h"

#define TOOLONG "\nError report too long, sorry.\n"

struct slot {
  int used;
  pid_t pid;
  int fd;          /* read end of the report pipe, -1 at EOF */
  int flagexited;
  int wstat;
  int flagtrunc;
  stralloc out;
};

static const struct spawn_ops *ops;
static struct slot *slots;
static unsigned int limit;
static uid_t uidq;
static char outbuf[1024];
static buffer bout = BUFFER_INIT(buffer_unixwrite, 1, outbuf, sizeof outbuf);
static int flagwriteerr;

static void sigchld(int s) { (void)s; }

static void sendreport(unsigned char d, const char *s, size_t len)
{
  char c = (char)d;
  len = byte_chr(s, len, 0);
  if (buffer_put(&bout, &c, 1) == -1) flagwriteerr = 1;
  if (buffer_put(&bout, s, len) == -1) flagwriteerr = 1;
  if (buffer_putflush(&bout, "", 1) == -1) flagwriteerr = 1;
}

static void sendreports(unsigned char d, const char *s)
{
  sendreport(d, s, str_len(s));
}

static int openmess(unsigned char d, const char *fn)
{
  struct stat st;
  int fd = open_nofollow_read(fn);
  if (fd == -1) { sendreports(d, "Zqmail-spawn unable to open message. (#4.3.0)"); return -1; }
  if (fstat(fd, &st) == -1) {
    close(fd);
    sendreports(d, "Zqmail-spawn unable to fstat message. (#4.3.0)");
    return -1;
  }
  if (!S_ISREG(st.st_mode)) { close(fd); sendreports(d, "ZSorry, message has wrong type. (#4.3.5)"); return -1; }
  if (st.st_uid != uidq) { close(fd); sendreports(d, "ZSorry, message has wrong owner. (#4.3.5)"); return -1; }
  if (ndelay_off(fd) == -1) { close(fd); sendreports(d, "Zqmail-spawn unable to open message. (#4.3.0)"); return -1; }
  return fd;
}

static void start(struct spawncmd *c)
{
  unsigned char d = c->slot;
  stralloc *messid = &c->field[0], *sender = &c->field[1], *recip = &c->field[2];
  struct slot *sl;
  const char *refusal;
  size_t at;
  int fdmess, pi[2];
  pid_t pid;

  if (d >= limit) { sendreports(d, "ZInternal error: delnum too big. (#4.3.5)"); return; }
  sl = &slots[d];
  if (sl->used) { sendreports(d, "ZInternal error: delnum in use. (#4.3.5)"); return; }
  refusal = spawncmd_check(c, &at);
  if (refusal) { sendreports(d, refusal); return; }
  if (!stralloc_0(messid) || !stralloc_0(sender) || !stralloc_0(recip)) {
    sendreports(d, "Zqmail-spawn out of memory. (#4.3.0)");
    return;
  }
  fdmess = openmess(d, messid->s);
  if (fdmess == -1) return;
  if (pipe(pi) == -1) { close(fdmess); sendreports(d, "Zqmail-spawn unable to create pipe. (#4.3.0)"); return; }
  pid = fork();
  if (pid == -1) {
    close(fdmess); close(pi[0]); close(pi[1]);
    sendreports(d, "Zqmail-spawn unable to fork. (#4.3.0)");
    return;
  }
  if (pid == 0) {
    close(pi[0]);
    if (fd_move(0, fdmess) == -1) _exit(111);
    if (fd_copy(1, pi[1]) == -1) _exit(111);
    if (fd_move(2, pi[1]) == -1) _exit(111);
    sig_default(SIGCHLD);
    sig_default(SIGPIPE);
    sig_unblock(SIGCHLD);
    ops->child(sender->s, recip->s, at);
    _exit(111);
  }
  close(fdmess);
  close(pi[1]);
  coe(pi[0]);
  ndelay_on(pi[0]);
  sl->used = 1;
  sl->pid = pid;
  sl->fd = pi[0];
  sl->flagexited = 0;
  sl->flagtrunc = 0;
  sl->out.len = 0;
}

/* one complete command from qmail-send */
static void command(struct spawncmd *c)
{
  const char *refusal = spawncmd_overflow(c);
  if (refusal) sendreports(c->slot, refusal);
  else start(c);
}

static void finish(unsigned char d)
{
  static stralloc rep = STRALLOC_ZERO;
  struct slot *sl = &slots[d];
  int ok = 1;

  if (sl->flagtrunc && !stralloc_cats(&sl->out, TOOLONG)) ok = 0;
  rep.len = 0;
  if (ok && !ops->report(&rep, sl->wstat, sl->out.s ? sl->out.s : "", sl->out.len)) ok = 0;
  if (ok) sendreport(d, rep.s ? rep.s : "", rep.len);
  else sendreports(d, "Zqmail-spawn out of memory. (#4.3.0)");
  sl->used = 0;
  if (sl->out.a > 4096) stralloc_free(&sl->out);
}

static void reap(void)
{
  int wstat;
  unsigned int i;
  pid_t pid;
  while ((pid = wait_nohang(&wstat)) > 0)
    for (i = 0; i < limit; ++i)
      if (slots[i].used && !slots[i].flagexited && slots[i].pid == pid) {
        slots[i].flagexited = 1;
        slots[i].wstat = wstat;
        break;
      }
}

static void collect(struct slot *sl)
{
  char buf[1024];
  ssize_t r;
  size_t room;
  do r = read(sl->fd, buf, sizeof buf); while (r == -1 && errno == EINTR);
  if (r == -1 && errno == EAGAIN) return;
  if (r <= 0) { close(sl->fd); sl->fd = -1; return; }
  room = ops->truncreport > sl->out.len ? ops->truncreport - sl->out.len : 0;
  if ((size_t)r > room) { sl->flagtrunc = 1; r = (ssize_t)room; }
  if (r && !stralloc_catb(&sl->out, buf, (size_t)r)) sl->flagtrunc = 1;
}

static int readcommands(void)
{
  static struct spawncmd cmd = SPAWNCMD_ZERO;
  char buf[1024];
  ssize_t r;
  size_t pos = 0, used;
  do r = read(0, buf, sizeof buf); while (r == -1 && errno == EINTR);
  if (r == -1 && errno == EAGAIN) return 1;
  if (r <= 0) return 0;
  while (spawncmd_feed(&cmd, buf + pos, (size_t)r - pos, &used)) {
    pos += used;
    command(&cmd);
  }
  return 1;
}

static int busy(void)
{
  unsigned int i;
  for (i = 0; i < limit; ++i) if (slots[i].used) return 1;
  return 0;
}

int spawn_main(int argc, char **argv, const struct spawn_ops *o)
{
  struct qids q;
  const char *missing;
  sigset_t origmask;
  fd_set rfds;
  unsigned int i;
  int flageof = 0, maxfd, r;
  char c;

  ops = o;
  if (qids_get(&q, &missing) != 1) return 111;
  uidq = q.qmailq;
  limit = auto_spawn;
  if (limit < 1) limit = 1;
  if (limit > 255) limit = 255;
  slots = alloc(limit * sizeof *slots);
  if (!slots) return 111;
  byte_zero(slots, limit * sizeof *slots);
  if (chdir(auto_home) == -1) return 111;
  if (chdir("queue/mess") == -1) return 111;

  sig_ignore(SIGPIPE);
  sig_block(SIGCHLD);
  sig_catch(SIGCHLD, sigchld);
  sigprocmask(SIG_SETMASK, 0, &origmask);
  sigdelset(&origmask, SIGCHLD);

  ops->init(argc, argv);
  c = (char)limit;
  if (buffer_putflush(&bout, &c, 1) == -1) return 111;

  for (;;) {
    reap();
    for (i = 0; i < limit; ++i)
      if (slots[i].used && slots[i].flagexited && slots[i].fd == -1) finish((unsigned char)i);
    if (flagwriteerr) return 111;
    if (flageof && !busy()) return 0;
    FD_ZERO(&rfds);
    maxfd = -1;
    if (!flageof) { FD_SET(0, &rfds); maxfd = 0; }
    for (i = 0; i < limit; ++i)
      if (slots[i].used && slots[i].fd != -1) {
        FD_SET(slots[i].fd, &rfds);
        if (slots[i].fd > maxfd) maxfd = slots[i].fd;
      }
    r = pselect(maxfd + 1, &rfds, 0, 0, 0, &origmask);
    if (r == -1) {
      if (errno == EINTR) continue; /* a child exited */
      return 111;
    }
    if (!flageof && FD_ISSET(0, &rfds)) if (!readcommands()) flageof = 1;
    for (i = 0; i < limit; ++i)
      if (slots[i].used && slots[i].fd != -1 && FD_ISSET(slots[i].fd, &rfds)) collect(&slots[i]);
  }
}
