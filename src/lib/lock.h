/* lock: whole-file advisory locks (flock).  Return 0, or -1 with errno
   (EWOULDBLOCK when lock_exnb finds the lock held). */
#ifndef LOCK_H
#define LOCK_H
extern int lock_ex(int fd);
extern int lock_exnb(int fd);
extern int lock_un(int fd);
#endif
