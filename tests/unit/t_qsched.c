/* t_qsched: qmail's retry schedule: birth + (floor(sqrt(age)) + skip)^2
   at exact squares and just below them, for local and remote skips, a
   birth in the future, and ages of decades. */
#include "qsched.h"
#include "t.h"

struct c { const char *label; double birth, now; unsigned int skip; double next; };

int main(void)
{
  static const struct c cases[] = {
    { "first local", 1000, 1000, 10, 1100 },
    { "first remote", 1000, 1000, 20, 1400 },
    { "age 99", 0, 99, 10, 361 },
    { "age 100", 0, 100, 10, 400 },
    { "age 101", 0, 101, 10, 400 },
    { "age 399", 0, 399, 10, 841 },
    { "age 400 remote", 0, 400, 20, 1600 },
    { "future birth", 5000, 4000, 10, 5100 },
    { "a week", 0, 604800, 10, 787 * 787.0 },
    { "30 years", 0, 946080000, 20, (30758.0 + 20) * (30758.0 + 20) },
    { "skip 0", 0, 16, 0, 16 },
  };
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(qsched_next(cases[i].birth, cases[i].now, cases[i].skip) == cases[i].next);
  }
  t_name = "always later than now";
  for (i = 0; i < 100000; i += 7) CHECK(qsched_next(0, (double)i, 10) > (double)i);
  return t_done();
}
