/* qmail-start: wires up and starts the queue processes.  Run as root:
   qmail-start [ defaultdelivery [ logger arg ... ] ].  Children:
   qmail-lspawn (root), qmail-rspawn (qmailr), qmail-clean (qmailq), an
   optional logger (qmaill, group nofiles); it then becomes qmail-send
   (qmails) with the log on fd 0 and the pipes on fds 1-6.  Prints nothing;
   exits 111 on any setup failure (qmail-start(8)). */
#include <sys/stat.h>
#include <unistd.h>
#include "fd.h"
#include "prot.h"
#include "qids.h"
#include "sig.h"

static const char *dd = "./Mailbox";
static int pi[6][2];  /* pi[k][0] read end, pi[k][1] write end */

static void die(void) __attribute__((noreturn));
static void die(void) { _exit(111); }

static void closepipes(void)
{
  int k;
  for (k = 0; k < 6; ++k) { close(pi[k][0]); close(pi[k][1]); }
}

/* a child: read pipe rd onto fd 0, write pipe wr onto fd 1, then exec */
static void child(int rd, int wr, gid_t gid, uid_t uid, int setids, char **args)
{
  int k;
  switch (fork()) {
    case -1: die();
    case 0: break;
    default: return;
  }
  if (fd_copy(0, rd) == -1) die();
  if (fd_copy(1, wr) == -1) die();
  closepipes();
  for (k = 3; k <= 6; ++k) close(k);
  if (setids) {
    if (prot_gid(gid) == -1) die();
    if (prot_uid(uid) == -1) die();
  }
  sig_unblockall();
  execvp(args[0], args);
  die();
}

int main(int argc, char **argv)
{
  struct qids q;
  const char *missing;
  char *lspawn[3] = { (char *)"qmail-lspawn", 0, 0 };
  char *rspawn[2] = { (char *)"qmail-rspawn", 0 };
  char *clean[2] = { (char *)"qmail-clean", 0 };
  char *send[2] = { (char *)"qmail-send", 0 };
  int k, pil[2];

  if (chdir("/") == -1) die();
  umask(077);
  if (qids_get(&q, &missing) != 1) die();
  if (prot_gid(q.qmail) == -1) die();
  for (k = 2; k <= 6; ++k) if (fd_copy(k, 0) == -1) die();
  if (argc > 1 && argv[1][0]) dd = argv[1];
  lspawn[1] = (char *)dd;

  if (argc > 2) {
    if (pipe(pil) == -1) die();
    switch (fork()) {
      case -1: die();
      case 0:
        if (fd_move(0, pil[0]) == -1) die();
        close(pil[1]);
        for (k = 2; k <= 6; ++k) close(k);
        if (prot_gid(q.nofiles) == -1) die();
        if (prot_uid(q.qmaill) == -1) die();
        sig_unblockall();
        execvp(argv[2], argv + 2);
        die();
    }
    close(pil[0]);
    if (fd_move(1, pil[1]) == -1) die();
  }

  for (k = 0; k < 6; ++k) {
    if (pipe(pi[k]) == -1) die();
    if (coe(pi[k][0]) == -1 || coe(pi[k][1]) == -1) die();
  }
  child(pi[0][0], pi[1][1], 0, 0, 0, lspawn);
  child(pi[2][0], pi[3][1], q.qmail, q.qmailr, 1, rspawn);
  child(pi[4][0], pi[5][1], q.qmail, q.qmailq, 1, clean);

  if (prot_uid(q.qmails) == -1) die();
  if (fd_copy(0, 1) == -1) die();
  if (fd_copy(1, pi[0][1]) == -1) die();
  if (fd_copy(2, pi[1][0]) == -1) die();
  if (fd_copy(3, pi[2][1]) == -1) die();
  if (fd_copy(4, pi[3][0]) == -1) die();
  if (fd_copy(5, pi[4][1]) == -1) die();
  if (fd_copy(6, pi[5][0]) == -1) die();
  closepipes();
  execvp(send[0], send);
  die();
}
