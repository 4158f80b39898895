/* fifo.c: mkfifo(3). */
#include <sys/stat.h>
#include <sys/types.h>
#include "fifo.h"

int fifo_make(const char *fn, int mode) { return mkfifo(fn, (mode_t)mode); }
