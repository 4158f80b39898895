/* prioq.c: a binary min-heap in an array; p[0] is the earliest. */
#include <errno.h>
#include <stdint.h>
#include "alloc.h"
#include "prioq.h"

int prioq_insert(struct prioq *pq, const struct prioq_elt *pe)
{
  size_t i, j;
  if (pq->len == pq->a) {
    size_t a = pq->a ? pq->a : 16;
    if (pq->a) {
      if (a > SIZE_MAX / 2 / sizeof *pq->p) { errno = EOVERFLOW; return 0; }
      a *= 2;
    }
    if (!alloc_re(&pq->p, pq->len * sizeof *pq->p, a * sizeof *pq->p)) return 0;
    pq->a = a;
  }
  for (i = pq->len++; i; i = j) {
    j = (i - 1) / 2;
    if (pq->p[j].t <= pe->t) break;
    pq->p[i] = pq->p[j];
  }
  pq->p[i] = *pe;
  return 1;
}

int prioq_min(const struct prioq *pq, struct prioq_elt *pe)
{
  if (!pq->len) return 0;
  *pe = pq->p[0];
  return 1;
}

void prioq_delmin(struct prioq *pq)
{
  struct prioq_elt last;
  size_t i = 0, j;
  if (!pq->len) return;
  last = pq->p[--pq->len];
  for (;;) {
    j = 2 * i + 1;
    if (j >= pq->len) break;
    if (j + 1 < pq->len && pq->p[j + 1].t < pq->p[j].t) ++j;
    if (last.t <= pq->p[j].t) break;
    pq->p[i] = pq->p[j];
    i = j;
  }
  if (pq->len) pq->p[i] = last;
}

void prioq_free(struct prioq *pq)
{
  alloc_free(pq->p);
  pq->p = 0; pq->len = 0; pq->a = 0;
}
