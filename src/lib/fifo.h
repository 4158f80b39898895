/* fifo: fifo_make creates a named pipe; 0, or -1 with errno. */
#ifndef FIFO_H
#define FIFO_H
extern int fifo_make(const char *fn, int mode);
#endif
