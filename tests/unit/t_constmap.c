/* t_constmap: lookups over control-file style lists: case-insensitive
   keys, the later duplicate wins, key:value split, entries without the
   split character and an unterminated tail ignored, empty lists, many
   keys, and allocation failure. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include "alloc.h"
#include "constmap.h"
#include "t.h"

#define L(s) s, sizeof s - 1

struct q { const char *label, *key, *value; };

int main(void)
{
  struct constmap cm;
  size_t i;
  static const char hosts[] = "example.com\0Example.NET\0a.b\0\0localhost\0";
  static const struct q hq[] = {
    { "exact", "example.com", "" },
    { "case", "EXAMPLE.COM", "" },
    { "case 2", "example.net", "" },
    { "short", "a.b", "" },
    { "empty entry", "", "" },
    { "last", "LocalHost", "" },
    { "prefix absent", "example.co", 0 },
    { "longer absent", "example.comm", 0 },
    { "absent", "nowhere", 0 },
  };
  static const char virt[] = "a.com:alice\0B.COM:bob\0a.com:alice2\0noColon\0:empty key\0c.com:\0d.com:x:y\0tail:unterminated";
  static const struct q vq[] = {
    { "later wins", "A.com", "alice2" },
    { "case", "b.com", "bob" },
    { "no colon ignored", "noColon", 0 },
    { "empty key", "", "empty key" },
    { "empty value", "c.com", "" },
    { "first colon splits", "d.com", "x:y" },
    { "d.com:x", "d.com:x", 0 },
    { "unterminated tail", "tail", 0 },
  };

  CHECK(constmap_init(&cm, hosts, sizeof hosts - 1, 0) == 1);
  for (i = 0; i < sizeof hq / sizeof hq[0]; ++i) {
    const char *v = constmap_get(&cm, hq[i].key, strlen(hq[i].key));
    t_name = hq[i].label;
    if (hq[i].value) CHECKSTR(v, hq[i].value); else CHECK(v == 0);
  }
  t_name = "counted key";
  CHECK(constmap_get(&cm, "a.bc", 3) != 0);
  constmap_free(&cm);
  CHECK(cm.first == 0 && cm.e == 0);

  CHECK(constmap_init(&cm, virt, sizeof virt - 1, ':') == 1);
  for (i = 0; i < sizeof vq / sizeof vq[0]; ++i) {
    const char *v = constmap_get(&cm, vq[i].key, strlen(vq[i].key));
    t_name = vq[i].label;
    if (vq[i].value) CHECKSTR(v, vq[i].value); else CHECK(v == 0);
  }
  t_name = "value points into the list";
  { const char *v = constmap_get(&cm, L("b.com")); CHECK(v == virt + 18); }
  constmap_free(&cm);

  t_name = "empty list";
  CHECK(constmap_init(&cm, "", 0, 0) == 1);
  CHECK(constmap_get(&cm, "", 0) == 0);
  CHECK(constmap_get(&cm, L("x")) == 0);
  constmap_free(&cm);
  CHECK(constmap_init(&cm, L("unterminated"), ':') == 1);
  CHECK(cm.num == 0);
  CHECK(constmap_get(&cm, L("unterminated")) == 0);
  constmap_free(&cm);
  t_name = "free twice";
  constmap_free(&cm);

  t_name = "many";
  {
    size_t n = 50000, len = 0;
    char *list = malloc(n * 24), key[24];
    for (i = 0; i < n; ++i) len += (size_t)sprintf(list + len, "Key%zu=v%zu", i, i) + 1;
    CHECK(constmap_init(&cm, list, len, '=') == 1);
    CHECK(cm.num == n);
    for (i = 0; i < n; i += 7) {
      char want[24];
      const char *v;
      sprintf(key, "kEY%zu", i);
      sprintf(want, "v%zu", i);
      v = constmap_get(&cm, key, strlen(key));
      if (!v || strcmp(v, want)) break;
    }
    CHECK(i >= n);
    CHECK(constmap_get(&cm, L("key50000")) == 0);
    constmap_free(&cm);
    free(list);
  }

  t_name = "allocation failure";
  alloc_failafter(0);
  errno = 0;
  CHECK(constmap_init(&cm, hosts, sizeof hosts - 1, 0) == 0 && errno == ENOMEM);
  CHECK(cm.first == 0 && cm.e == 0);
  alloc_failafter(1);
  CHECK(constmap_init(&cm, hosts, sizeof hosts - 1, 0) == 0 && errno == ENOMEM);
  CHECK(cm.first == 0 && cm.e == 0);
  alloc_failafter(-1);
  CHECK(constmap_get(&cm, L("a.b")) == 0); /* a failed map answers "absent" */
  constmap_free(&cm);
  return t_done();
}
