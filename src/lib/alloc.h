/* alloc: the one place that asks the system for memory.
   alloc returns a pointer or 0 with errno set (ENOMEM).
   alloc_re grows *x from m to n bytes, copying; returns 1, or 0 with errno set
   (the old block is kept on failure). */
#ifndef ALLOC_H
#define ALLOC_H
#include <stddef.h>
extern void *alloc(size_t n);
extern void alloc_free(void *x);
extern int alloc_re(void *x, size_t m, size_t n);
/* test hook: after k more successful allocations, fail every allocation;
   k < 0 turns the fault off.  Programs never call it. */
extern void alloc_failafter(long k);
#endif
