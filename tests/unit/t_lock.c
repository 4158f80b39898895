/* t_lock: lock_ex, then a second open file description cannot lock_exnb
   (EWOULDBLOCK) in this process or a child, lock_un frees it, a blocked
   lock_ex in a child proceeds once released, and closing the last
   descriptor releases. */
#include <errno.h>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include "lock.h"
#include "t.h"

int main(void)
{
  const char *fn = t_path("lockfile");
  int a = open(fn, O_RDWR | O_CREAT, 0600), b = open(fn, O_RDWR), st, pi[2];
  pid_t pid;
  char c;

  alarm(20);
  t_name = "exclusive";
  CHECK(lock_ex(a) == 0);
  CHECK(lock_exnb(b) == -1 && errno == EWOULDBLOCK);
  CHECK(lock_ex(a) == 0); /* again on the same description: fine */
  t_name = "in a child";
  pid = fork();
  if (pid == 0) { int c2 = open(fn, O_RDWR); _exit(lock_exnb(c2) == -1 && errno == EWOULDBLOCK ? 0 : 1); }
  CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
  t_name = "unlock";
  CHECK(lock_un(a) == 0);
  CHECK(lock_exnb(b) == 0);
  CHECK(lock_un(b) == 0);
  t_name = "waiter proceeds";
  CHECK(lock_ex(a) == 0);
  CHECK(pipe(pi) == 0);
  pid = fork();
  if (pid == 0) {
    int c2 = open(fn, O_RDWR);
    close(pi[0]);
    if (lock_ex(c2) == -1) _exit(1);
    if (write(pi[1], "L", 1) != 1) _exit(2);
    _exit(0);
  }
  close(pi[1]);
  usleep(100000);
  CHECK(lock_un(a) == 0);
  CHECK(read(pi[0], &c, 1) == 1 && c == 'L');
  CHECK(waitpid(pid, &st, 0) == pid && WIFEXITED(st) && WEXITSTATUS(st) == 0);
  close(pi[0]);
  t_name = "close releases";
  CHECK(lock_ex(a) == 0);
  close(a);
  CHECK(lock_exnb(b) == 0);
  t_name = "bad fd";
  CHECK(lock_ex(999) == -1 && errno == EBADF);
  close(b);
  return t_done();
}
