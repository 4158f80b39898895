/* qsched.c: integer square root, so no libm is needed. */
#include "qsched.h"

static double isqrt(double x)
{
  double lo = 0, hi = 1;
  while (hi * hi <= x) hi *= 2;
  while (hi - lo > 1) {
    double mid = lo + (double)(unsigned long long)((hi - lo) / 2);
    if (mid * mid <= x) lo = mid; else hi = mid;
  }
  return lo;
}

double qsched_next(double birth, double now, unsigned int skip)
{
  double age = now - birth, n;
  if (age < 0) age = 0;
  n = isqrt(age) + skip;
  return birth + n * n;
}
