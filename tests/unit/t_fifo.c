/* t_fifo: fifo_make creates a named pipe with the mode asked (umask 0),
   refuses an existing name (EEXIST) and a missing directory (ENOENT),
   and bytes written to it come out the other end. */
#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include "fifo.h"
#include "t.h"

int main(void)
{
  struct stat st;
  char fn[256], c[4];
  int r, w;
  umask(0);
  snprintf(fn, sizeof fn, "%s", t_path("lock/trigger"));
  t_name = "missing directory";
  CHECK(fifo_make(fn, 0622) == -1 && errno == ENOENT);
  CHECK(mkdir(t_path("lock"), 0700) == 0);
  t_name = "make";
  CHECK(fifo_make(fn, 0622) == 0);
  CHECK(lstat(fn, &st) == 0 && S_ISFIFO(st.st_mode) && (st.st_mode & 07777) == 0622);
  t_name = "exists";
  CHECK(fifo_make(fn, 0622) == -1 && errno == EEXIST);
  t_name = "data passes";
  r = open(fn, O_RDONLY | O_NONBLOCK);
  w = open(fn, O_WRONLY | O_NONBLOCK);
  CHECK(r != -1 && w != -1);
  CHECK(write(w, "ping", 4) == 4 && read(r, c, 4) == 4 && !memcmp(c, "ping", 4));
  close(w); close(r);
  return t_done();
}
