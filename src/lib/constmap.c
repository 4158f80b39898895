/* constmap.c: chained hashing over the entries of a NUL-separated list.
   Each entry is pushed on the front of its chain, so a lookup meets the
   latest entry for a key first: the later duplicate wins.  An unterminated
   tail of the list is ignored; with a split character, entries without it
   are ignored. */
#include <errno.h>
#include <stdint.h>
#include "alloc.h"
#include "byte.h"
#include "case.h"
#include "constmap.h"

static unsigned long hash(const char *s, size_t len)
{
  unsigned long h = 5381;
  while (len--) {
    unsigned char ch = (unsigned char)*s++;
    if (ch >= 'A' && ch <= 'Z') ch += 'a' - 'A';
    h = ((h << 5) + h) ^ ch;
  }
  return h;
}

int constmap_init(struct constmap *cm, const char *list, size_t len, int splitchar)
{
  size_t i, j, n = 0, buckets = 1;

  cm->num = 0; cm->mask = 0; cm->first = 0; cm->e = 0;
  for (i = 0; i < len; ++i) if (!list[i]) ++n;
  while (buckets < n) {
    if (buckets > SIZE_MAX / 2) { errno = EOVERFLOW; return 0; }
    buckets *= 2;
  }
  if (n > SIZE_MAX / sizeof *cm->e || buckets > SIZE_MAX / sizeof *cm->first) { errno = EOVERFLOW; return 0; }
  cm->first = alloc(buckets * sizeof *cm->first);
  if (!cm->first) return 0;
  cm->e = alloc((n ? n : 1) * sizeof *cm->e);
  if (!cm->e) { alloc_free(cm->first); cm->first = 0; return 0; }
  cm->mask = buckets - 1;
  for (i = 0; i < buckets; ++i) cm->first[i] = 0;

  for (i = 0; i < len; i = j + 1) {
    struct constmap_entry *e = cm->e + cm->num;
    size_t k;
    j = i + byte_chr(list + i, len - i, 0);
    if (j == len) break; /* unterminated */
    e->key = list + i;
    if (splitchar) {
      k = byte_chr(list + i, j - i, splitchar);
      if (k == j - i) continue;
      e->klen = k;
      e->value = list + i + k + 1;
    } else {
      e->klen = j - i;
      e->value = list + j;
    }
    e->hash = hash(e->key, e->klen);
    e->next = cm->first[e->hash & cm->mask];
    cm->first[e->hash & cm->mask] = ++cm->num;
  }
  return 1;
}

const char *constmap_get(const struct constmap *cm, const char *key, size_t len)
{
  unsigned long h;
  size_t i;
  if (!cm->first) return 0;
  h = hash(key, len);
  for (i = cm->first[h & cm->mask]; i; i = cm->e[i - 1].next) {
    const struct constmap_entry *e = cm->e + i - 1;
    if (e->hash == h && e->klen == len && !case_diffb(e->key, len, key)) return e->value;
  }
  return 0;
}

void constmap_free(struct constmap *cm)
{
  alloc_free(cm->first);
  alloc_free(cm->e);
  cm->first = 0; cm->e = 0; cm->num = 0; cm->mask = 0;
}
