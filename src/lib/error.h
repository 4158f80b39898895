/* error: classify errno values.  error_temp(e) is 1 when e describes a
   condition that may pass (no memory, disk full, I/O error, timeout, ...),
   so callers answer "temporary" rather than "permanent". */
#ifndef ERROR_H
#define ERROR_H
#include <errno.h>
extern int error_temp(int e);
#endif
