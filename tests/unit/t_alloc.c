/* t_alloc: allocation, zero size, growth copies, a refused size, and the
   alloc_failafter fault hook (count, off again, old block kept). */
#include <errno.h>
#include <stdint.h>
#include "alloc.h"
#include "t.h"

int main(void)
{
  char *x, *y;
  int i;

  t_name = "basic";
  x = alloc(10);
  CHECK(x != 0);
  memcpy(x, "0123456789", 10);
  CHECK(alloc_re(&x, 10, 20) == 1);
  CHECKMEM(x, 10, "0123456789");
  CHECK(alloc_re(&x, 20, 4) == 1); /* shrinking copies the smaller size */
  CHECKMEM(x, 4, "0123");
  alloc_free(x);
  alloc_free(0);

  t_name = "zero size";
  x = alloc(0);
  CHECK(x != 0);
  alloc_free(x);
  x = 0;
  CHECK(alloc_re(&x, 0, 5) == 1 && x != 0); /* from nothing */
  alloc_free(x);

  t_name = "impossible sizes";
  errno = 0;
  CHECK(alloc(SIZE_MAX) == 0 && errno == ENOMEM);
  CHECK(alloc(SIZE_MAX - 4096) == 0 && errno == ENOMEM);
  CHECK(alloc((size_t)INT64_MAX) == 0 && errno == ENOMEM);
  x = alloc(4);
  memcpy(x, "keep", 4);
  y = x;
  CHECK(alloc_re(&x, 4, SIZE_MAX) == 0 && errno == ENOMEM);
  CHECK(x == y);
  CHECKMEM(x, 4, "keep");

  t_name = "failafter";
  alloc_failafter(2);
  y = alloc(1); CHECK(y != 0); alloc_free(y);
  y = alloc(1); CHECK(y != 0); alloc_free(y);
  for (i = 0; i < 3; ++i) { errno = 0; CHECK(alloc(1) == 0 && errno == ENOMEM); }
  CHECK(alloc_re(&x, 4, 8) == 0 && x != 0);
  CHECKMEM(x, 4, "keep");
  alloc_failafter(-1);
  y = alloc(1); CHECK(y != 0); alloc_free(y);
  CHECK(alloc_re(&x, 4, 8) == 1);
  CHECKMEM(x, 4, "keep");
  alloc_failafter(0);
  CHECK(alloc(0) == 0);
  alloc_failafter(-1);
  alloc_free(x);
  return t_done();
}
