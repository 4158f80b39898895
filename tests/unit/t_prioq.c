/* t_prioq: the min-heap: empty behaviour, equal times, 100000 random
   inserts come out in order with their ids, interleaved insert/delmin,
   and allocation failure leaves the heap unchanged. */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include "alloc.h"
#include "prioq.h"
#include "t.h"

int main(void)
{
  struct prioq pq = PRIOQ_ZERO;
  struct prioq_elt e, m;
  unsigned long seed = 7, i, n = 100000, bad = 0;
  double last;
  char *seen;

  t_name = "empty";
  CHECK(prioq_min(&pq, &m) == 0);
  prioq_delmin(&pq); /* harmless */
  CHECK(pq.len == 0);

  t_name = "one";
  e.t = 5; e.id = 1;
  CHECK(prioq_insert(&pq, &e) == 1);
  CHECK(prioq_min(&pq, &m) == 1 && m.t == 5 && m.id == 1);
  prioq_delmin(&pq);
  CHECK(prioq_min(&pq, &m) == 0);

  t_name = "random 100000";
  seen = calloc(n, 1);
  for (i = 0; i < n; ++i) {
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    e.t = (double)(seed >> 44); /* 20 bits: many equal times */
    e.id = i;
    if (!prioq_insert(&pq, &e)) { ++bad; break; }
  }
  CHECK(!bad && pq.len == n);
  last = -1;
  for (i = 0; i < n; ++i) {
    if (!prioq_min(&pq, &m)) { ++bad; break; }
    if (m.t < last || m.id >= n || seen[m.id]) ++bad;
    else seen[m.id] = 1;
    last = m.t;
    prioq_delmin(&pq);
  }
  CHECK(bad == 0);
  CHECK(prioq_min(&pq, &m) == 0);
  free(seen);

  t_name = "interleaved";
  last = -1;
  for (i = 0; i < 30000; ++i) {
    seed = seed * 6364136223846793005ul + 1442695040888963407ul;
    e.t = last + 1 + (double)(seed >> 54); /* never earlier than what was taken */
    e.id = i;
    CHECK(prioq_insert(&pq, &e) == 1);
    if (i % 3 == 2) {
      CHECK(prioq_min(&pq, &m) == 1);
      if (m.t < last) ++bad;
      last = m.t;
      prioq_delmin(&pq);
    }
  }
  while (prioq_min(&pq, &m)) { if (m.t < last) ++bad; last = m.t; prioq_delmin(&pq); }
  CHECK(bad == 0);

  t_name = "equal times";
  for (i = 0; i < 100; ++i) { e.t = 1; e.id = i; CHECK(prioq_insert(&pq, &e)); }
  for (i = 0; i < 100; ++i) { CHECK(prioq_min(&pq, &m) && m.t == 1); prioq_delmin(&pq); }
  CHECK(pq.len == 0);
  prioq_free(&pq);

  t_name = "allocation failure";
  alloc_failafter(0);
  e.t = 1; e.id = 1;
  errno = 0;
  CHECK(prioq_insert(&pq, &e) == 0 && errno == ENOMEM && pq.len == 0);
  alloc_failafter(-1);
  for (i = 0; i < 16; ++i) { e.t = (double)(16 - i); e.id = i; CHECK(prioq_insert(&pq, &e)); }
  alloc_failafter(0);
  e.t = 0; e.id = 99;
  CHECK(prioq_insert(&pq, &e) == 0 && errno == ENOMEM); /* the 17th needs growth */
  alloc_failafter(-1);
  CHECK(pq.len == 16 && prioq_min(&pq, &m) && m.t == 1 && m.id == 15);
  prioq_free(&pq);
  CHECK(pq.p == 0 && pq.len == 0 && pq.a == 0);

  t_name = "size overflow";
  pq.a = pq.len = SIZE_MAX / 2; /* as if half the address space were full */
  pq.p = 0;
  CHECK(prioq_insert(&pq, &e) == 0 && errno == EOVERFLOW);
  pq.a = pq.len = 0;
  return t_done();
}
