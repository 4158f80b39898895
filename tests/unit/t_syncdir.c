/* t_syncdir: fsync_fd on a file and on a bad descriptor; syncdir_fsync on
   a directory, a missing one and a file; syncdir_parent picks the
   directory holding the path ("." without a slash, "/" for "/x"), errno
   from the directory open comes back, and a parent longer than PATH_MAX
   is refused with ENAMETOOLONG, not overflowed.  (That the data reach the
   disk is the kernel's part; here we check which directory is synced.) */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "syncdir.h"
#include "t.h"

int main(void)
{
  char sub[256], file[256], *longp;
  int fd;
  snprintf(sub, sizeof sub, "%s", t_path("d"));
  CHECK(mkdir(sub, 0700) == 0);
  snprintf(file, sizeof file, "%s", t_path("d/file"));
  fd = open(file, O_WRONLY | O_CREAT, 0600);

  t_name = "fsync_fd";
  CHECK(write(fd, "x", 1) == 1 && fsync_fd(fd) == 0);
  close(fd);
  CHECK(fsync_fd(fd) == -1 && errno == EBADF);

  t_name = "syncdir_fsync";
  CHECK(syncdir_fsync(sub) == 0);
  CHECK(syncdir_fsync(t_path("missing")) == -1 && errno == ENOENT);
  CHECK(syncdir_fsync(file) == -1 && errno == ENOTDIR);

  t_name = "syncdir_parent";
  CHECK(syncdir_parent(file) == 0);
  CHECK(syncdir_parent(t_path("d/notyet")) == 0);          /* the parent exists */
  CHECK(syncdir_parent(t_path("missing/x")) == -1 && errno == ENOENT);
  CHECK(syncdir_parent(t_path("d/file/x")) == -1 && errno == ENOTDIR);
  CHECK(syncdir_parent("/etc") == 0);
  CHECK(chdir(sub) == 0);
  CHECK(syncdir_parent("file") == 0);                      /* "." */
  CHECK(syncdir_parent("./file") == 0);

  t_name = "long paths";
  longp = malloc(PATH_MAX + 10);
  memset(longp, 'a', PATH_MAX + 8);
  longp[PATH_MAX + 5] = '/';
  longp[PATH_MAX + 9] = 0;
  CHECK(syncdir_parent(longp) == -1 && errno == ENAMETOOLONG);
  longp[PATH_MAX - 1] = '/';                               /* parent of PATH_MAX - 1 bytes */
  longp[PATH_MAX + 5] = 'a';
  CHECK(syncdir_parent(longp) == -1 && errno == ENAMETOOLONG);
  free(longp);
  CHECK(chdir("/") == 0);
  return t_done();
}
