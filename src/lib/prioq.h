/* prioq: a binary min-heap of (time, id) pairs, for schedules.
   prioq_insert returns 1, or 0 with errno (ENOMEM/EOVERFLOW; the heap is
   unchanged).  prioq_min returns 1 and copies the earliest element, 0 when
   empty.  prioq_delmin removes it.  Cost O(log n). */
#ifndef PRIOQ_H
#define PRIOQ_H
#include <stddef.h>
struct prioq_elt { double t; unsigned long id; };
struct prioq { struct prioq_elt *p; size_t len; size_t a; };
#define PRIOQ_ZERO { 0, 0, 0 }
extern int prioq_insert(struct prioq *pq, const struct prioq_elt *pe);
extern int prioq_min(const struct prioq *pq, struct prioq_elt *pe);
extern void prioq_delmin(struct prioq *pq);
extern void prioq_free(struct prioq *pq);
#endif
