/* open: the ways quail opens files.  Each returns a descriptor or -1.
   open_excl creates a new file (O_EXCL, never through a symlink).
   open_nofollow_* refuse a symlink in the last component (ELOOP). */
#ifndef OPEN_H
#define OPEN_H
extern int open_read(const char *fn);
extern int open_write(const char *fn);          /* O_WRONLY|O_NONBLOCK, no create */
extern int open_append(const char *fn);         /* create 0600 if missing */
extern int open_trunc(const char *fn);          /* create 0644, truncate */
extern int open_excl(const char *fn, int mode); /* O_WRONLY|O_CREAT|O_EXCL */
extern int open_readwrite(const char *fn);
extern int open_nofollow_read(const char *fn);
extern int open_dir(const char *fn);            /* O_RDONLY|O_DIRECTORY for fsync */
#endif
