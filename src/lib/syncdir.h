/* syncdir: make directory entries durable.  syncdir_fsync(dir) fsyncs the
   directory dir; syncdir_parent(path) fsyncs the directory that holds path
   ("." when path has no slash).  fsync_fd retries EINTR.
   Each returns 0, or -1 with errno. */
#ifndef SYNCDIR_H
#define SYNCDIR_H
extern int syncdir_fsync(const char *dir);
extern int syncdir_parent(const char *path);
extern int fsync_fd(int fd);
#endif
