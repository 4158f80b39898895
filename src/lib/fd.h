/* fd: descriptor plumbing.  fd_copy makes to a copy of from; fd_move does
   that and closes from.  Both return 0, or -1 with errno.  coe sets
   close-on-exec. ndelay_on/off set and clear O_NONBLOCK. */
#ifndef FD_H
#define FD_H
extern int fd_copy(int to, int from);
extern int fd_move(int to, int from);
extern int coe(int fd);
extern int ndelay_on(int fd);
extern int ndelay_off(int fd);
#endif
