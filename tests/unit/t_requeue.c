/* t_requeue: a copy is queued through $QMAILQUEUE (a script that saves
   the message and envelope): head then the whole input, sender and every
   recipient in the envelope, qp set; the queue's refusal comes back as
   its D text; an input that cannot be read queues nothing (0, errno).
   auto_home is defined here as "/" (qmail_open chdirs there). */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>
#include "env.h"
#include "requeue.h"
#include "t.h"

const char auto_home[] = "/";
static char dir[256];

static size_t slurp(const char *name, char *buf, size_t n)
{
  char fn[300];
  int fd;
  ssize_t r;
  size_t got = 0;
  snprintf(fn, sizeof fn, "%s/%s", dir, name);
  fd = open(fn, O_RDONLY);
  if (fd == -1) return (size_t)-1;
  while (got < n && (r = read(fd, buf + got, n - got)) > 0) got += (size_t)r;
  close(fd);
  unlink(fn);
  return got;
}

int main(void)
{
  char script[300], fn[300], got[4096];
  char *rcpts[] = { "a@x.example", "b@y.example", 0 };
  const char *qqx = 0;
  unsigned long qp = 0;
  int fd;
  static const char env[] = "Fs@z.example\0Ta@x.example\0Tb@y.example\0";

  signal(SIGPIPE, SIG_IGN);
  snprintf(dir, sizeof dir, "%s", t_tmpdir());
  snprintf(script, sizeof script, "%s/qq", dir);
  fd = open(script, O_WRONLY | O_CREAT | O_TRUNC, 0755);
  dprintf(fd, "#!/bin/sh\ncat > '%s/msg'; cat <&1 > '%s/env'; exit $(cat '%s/code')\n", dir, dir, dir);
  close(fd);
  snprintf(fn, sizeof fn, "%s/code", dir);
  fd = open(fn, O_WRONLY | O_CREAT | O_TRUNC, 0644);
  CHECK(write(fd, "0\n", 2) == 2);
  close(fd);
  CHECK(env_set("QMAILQUEUE", script));
  snprintf(fn, sizeof fn, "%s/in", dir);
  fd = open(fn, O_RDWR | O_CREAT | O_TRUNC, 0644);
  CHECK(write(fd, "Subject: x\n\nbody\n", 17) == 17 && lseek(fd, 0, SEEK_SET) == 0);

  t_name = "queued";
  CHECK(requeue_fd(&qqx, &qp, fd, "Delivered-To: d@e\n", "s@z.example", rcpts) == 1);
  CHECKSTR(qqx, "");
  CHECK(qp > 0);
  CHECK(slurp("msg", got, sizeof got) == 18 + 17 && !memcmp(got, "Delivered-To: d@e\nSubject: x\n\nbody\n", 35));
  CHECK(slurp("env", got, sizeof got) == sizeof env && !memcmp(got, env, sizeof env));

  t_name = "refused";
  {
    int c;
    snprintf(fn, sizeof fn, "%s/code", dir);
    c = open(fn, O_WRONLY | O_TRUNC);
    CHECK(write(c, "11\n", 3) == 3);
    close(c);
  }
  CHECK(lseek(fd, 0, SEEK_SET) == 0);
  CHECK(requeue_fd(&qqx, &qp, fd, "", "s@z.example", rcpts) == 1);
  CHECK(qqx && qqx[0] == 'D');

  t_name = "unreadable input";
  {
    int d = open(dir, O_RDONLY);
    errno = 0;
    CHECK(requeue_fd(&qqx, &qp, d, "", "s@z.example", rcpts) == 0 && errno == EISDIR);
    close(d);
  }
  close(fd);
  return t_done();
}
