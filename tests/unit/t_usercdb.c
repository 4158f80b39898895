/* t_usercdb: users/cdb lookups on databases written here in qmail-newu's
   encoding (reference 7.2): exact entries (case-folded key), wildcard
   prefixes tried longest first and only at a wildchar, the catch-all "!"
   entry, ext built from the stored prefix and the original-case rest;
   refusals: no wildchars record, a record without six fields. */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include "cdbmake.h"
#include "usercdb.h"
#include "t.h"

#define REC(k, d) { k, sizeof k - 1, d, sizeof d - 1 }
struct rec { const char *k; size_t kl; const char *d; size_t dl; };

static int build(const char *fn, const struct rec *r, size_t n)
{
  struct cdbmake m;
  size_t i;
  int fd = open(fn, O_RDWR | O_CREAT | O_TRUNC, 0600);
  if (fd == -1 || cdbmake_start(&m, fd) == -1) return -1;
  for (i = 0; i < n; ++i) if (cdbmake_add(&m, r[i].k, r[i].kl, r[i].d, r[i].dl) == -1) return -1;
  if (cdbmake_finish(&m) == -1) return -1;
  return fd;
}

static const struct rec users[] = {
  REC("", "-"),
  REC("!joe\0", "joe\0" "1001\0" "1001\0" "/home/joe\0" "\0"),
  REC("!list-", "list\0" "1002\0" "1002\0" "/home/list\0" "-\0"),
  REC("!list-owner-", "owner\0" "1003\0" "1003\0" "/home/owner\0" "-\0" "x-"),
  REC("!", "alias\0" "7790\0" "2108\0" "/q/alias\0" "-\0"),
  REC("!bad\0", "bad\0" "1\0" "2"),
};

struct c { const char *label, *local; int r; const char *fields; size_t flen; };
#define F(s) s, sizeof s - 1
static const struct c cases[] = {
  { "exact", "joe", 1, F("joe\0" "1001\0" "1001\0" "/home/joe\0" "\0" "\0") },
  { "exact, case folded", "JoE", 1, F("joe\0" "1001\0" "1001\0" "/home/joe\0" "\0" "\0") },
  { "wildcard", "list-foo", 1, F("list\0" "1002\0" "1002\0" "/home/list\0" "-\0" "foo\0") },
  { "wildcard keeps case of the rest", "LIST-Foo", 1, F("list\0" "1002\0" "1002\0" "/home/list\0" "-\0" "Foo\0") },
  { "longest prefix wins", "list-owner-bar", 1, F("owner\0" "1003\0" "1003\0" "/home/owner\0" "-\0" "x-bar\0") },
  { "catch-all", "nobody", 1, F("alias\0" "7790\0" "2108\0" "/q/alias\0" "-\0" "nobody\0") },
  { "catch-all for a wildcard's own name", "list", 1, F("alias\0" "7790\0" "2108\0" "/q/alias\0" "-\0" "list\0") },
  { "empty local", "", 1, F("alias\0" "7790\0" "2108\0" "/q/alias\0" "-\0" "\0") },
  { "malformed record", "bad", -1, 0, 0 },
};

int main(void)
{
  struct cdb c;
  stralloc out = STRALLOC_ZERO;
  size_t i;
  int fd, r;

  fd = build(t_path("cdb"), users, sizeof users / sizeof users[0]);
  CHECK(fd != -1);
  cdb_init(&c, fd);
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    errno = 0;
    r = usercdb_find(&c, cases[i].local, strlen(cases[i].local), &out);
    CHECK(r == cases[i].r);
    if (r == 1) CHECK(out.len == cases[i].flen && !memcmp(out.s, cases[i].fields, out.len));
    if (r == -1) CHECK(errno == EPROTO);
  }
  cdb_free(&c);
  close(fd);

  t_name = "no catch-all";
  fd = build(t_path("cdb"), users, 4);
  cdb_init(&c, fd);
  CHECK(usercdb_find(&c, "nobody", 6, &out) == 0);
  CHECK(usercdb_find(&c, "list-x", 6, &out) == 1);
  cdb_free(&c);
  close(fd);

  t_name = "no wildchars record";
  fd = build(t_path("cdb"), users + 1, 4);
  cdb_init(&c, fd);
  CHECK(usercdb_find(&c, "joe", 3, &out) == -1 && errno == EPROTO);
  cdb_free(&c);
  close(fd);

  t_name = "wildchars limit the prefixes";
  {
    static const struct rec nowild[] = { REC("", ""), REC("!list-", "list\0" "1\0" "2\0" "/h\0" "-\0") };
    fd = build(t_path("cdb"), nowild, 2);
    cdb_init(&c, fd);
    CHECK(usercdb_find(&c, "list-foo", 8, &out) == 0);
    cdb_free(&c);
    close(fd);
  }
  stralloc_free(&out);
  return t_done();
}
