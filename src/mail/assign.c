/* assign.c: parse one users/assign line; see assign.h. */
#include "assign.h"
#include "byte.h"

int assign_parse(struct assign *a, const char *line, size_t len)
{
  size_t i, k;
  int f;

  if (len < 2 || (line[0] != '=' && line[0] != '+')) return 0;
  if (byte_chr(line, len, 0) != len) return 0;
  k = byte_chr(line, len, ':');
  if (k == len) return 0;
  a->kind = line[0];
  a->local = line + 1;
  a->locallen = k - 1;
  i = k + 1;
  for (f = 0; f < ASSIGN_FIELDS; ++f) {
    k = byte_chr(line + i, len - i, ':');
    if (k == len - i) return 0;
    a->field[f] = line + i;
    a->fieldlen[f] = k;
    i += k + 1;
  }
  return 1;
}

size_t assign_len(const struct assign *a)
{
  /* every part lies inside one line in memory, so no sum can wrap */
  size_t n = 1 + a->locallen + 1;
  int f;
  for (f = 0; f < ASSIGN_FIELDS; ++f) n += a->fieldlen[f] + 1;
  return n;
}
