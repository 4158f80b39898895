/* t_qsched: the retry schedule against the formula with exact integer
   square roots: ages 0, 1, perfect squares and one less, a day, a week,
   2^32 seconds, a birth in the future; remote (20) and local (10). */
#include "qsched.h"
#include "t.h"

static double isq(double x) { unsigned long long r = 0; while ((double)((r + 1) * (r + 1)) <= x) ++r; return (double)r; }

int main(void)
{
  static const double ages[] = { 0, 1, 3, 4, 99, 100, 101, 86400, 604800, 4294967296.0 };
  static const unsigned int skips[] = { 10, 20 };
  size_t i, k;
  double birth = 1700000000;
  for (k = 0; k < 2; ++k)
    for (i = 0; i < sizeof ages / sizeof ages[0]; ++i) {
      double n = isq(ages[i]) + skips[k];
      t_name = "formula";
      CHECK(qsched_next(birth, birth + ages[i], skips[k]) == birth + n * n);
    }
  t_name = "first retries";
  CHECK(qsched_next(0, 0, 20) == 400);     /* remote: 400 s after birth */
  CHECK(qsched_next(0, 399, 20) == 1521);  /* (19 + 20)^2 */
  CHECK(qsched_next(0, 400, 20) == 1600);  /* (20 + 20)^2 */
  CHECK(qsched_next(0, 0, 10) == 100);     /* local */
  t_name = "future birth";
  CHECK(qsched_next(1000, 10, 10) == 1100);
  t_name = "monotonic";
  {
    double t, last = 0;
    int bad = 0;
    for (t = 0; t < 3e6; t += 977) { double x = qsched_next(0, t, 20); if (x < last || x <= t) bad = 1; /* later and later, always ahead */ last = x; }
    CHECK(!bad);
  }
  return t_done();
}
