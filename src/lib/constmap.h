/* constmap: a read-only hash map over a list of NUL-terminated entries (as
   control_readfile produces).  Keys are compared ASCII case-insensitively.
   With splitchar (e.g. ':') an entry "key:value" maps key to value; without
   (splitchar 0) each entry is a key with an empty value.  With splitchar,
   an entry without it is ignored; an unterminated last entry is ignored.
   When a key appears twice the later entry wins (qmail's behaviour).
   constmap_init returns 1, or 0 with errno (ENOMEM/EOVERFLOW).
   constmap_get returns the value (NUL-terminated, pointing into the list,
   which must outlive the map) or 0 when absent. */
#ifndef CONSTMAP_H
#define CONSTMAP_H
#include <stddef.h>

struct constmap_entry { const char *key; size_t klen; const char *value; size_t next; unsigned long hash; };
struct constmap {
  size_t num;        /* entries */
  size_t mask;       /* buckets - 1 */
  size_t *first;     /* bucket heads (index + 1, 0 = empty) */
  struct constmap_entry *e;
};

extern int constmap_init(struct constmap *cm, const char *list, size_t len, int splitchar);
extern const char *constmap_get(const struct constmap *cm, const char *key, size_t len);
extern void constmap_free(struct constmap *cm);
#endif
