/* t.c: counters and the closing line of every unit-test program. */
#include "t.h"
unsigned long t_pass = 0, t_fail = 0;
const char *t_name = "";
int t_done(void)
{
  printf("%lu passed, %lu failed\n", t_pass, t_fail);
  return t_fail ? 1 : 0;
}
