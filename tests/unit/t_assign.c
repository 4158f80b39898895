/* t_assign: users/assign lines: both kinds, empty local part and empty
   fields, bytes after the sixth ':', uppercase kept (qmail-newu lowers),
   and every refusal: too short, bad kind, a NUL anywhere, no ':' at all,
   fewer than six fields (each count 0..5); a 60000-byte field. */
#include "assign.h"
#include "t.h"

#define S(x) x, sizeof x - 1
struct row { const char *line; size_t len; int ok; };
static const struct row rows[] = {
  { S("=joe:joe:1000:100:/home/joe:::"), 1 },
  { S("+joe-:joe:1000:100:/home/joe:-::"), 1 },
  { S("+:alias:7791:2108:/var/qmail/alias:-::"), 1 },
  { S("=:::::::"), 1 },
  { S("=::::::"), 0 },
  { S("=:"), 0 },
  { S("=a:1:2:3:4:5:6:trailing:junk"), 1 },
  { S("=a:1:2:3:4:5:6::::"), 1 },
  { S(""), 0 },
  { S("="), 0 },
  { S("+"), 0 },
  { S("-joe:joe:1:2:/h:::"), 0 },
  { S(" =joe:joe:1:2:/h:::"), 0 },
  { S("=joe"), 0 },
  { S("=joe:"), 0 },
  { S("=joe:u"), 0 },
  { S("=joe:u:1:"), 0 },
  { S("=joe:u:1:2:/h::"), 0 },
  { S("=joe:u:1:2:/h::x"), 0 },
  { S("=jo\0e:u:1:2:/h:::"), 0 },
  { S("=joe:u:1:2:/h:::\0"), 0 },
  { S("=joe:u:1:2:/h:::after\0"), 0 },
};

int main(void)
{
  struct assign a;
  size_t i;
  int f;

  for (i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
    t_name = rows[i].line;
    CHECK(assign_parse(&a, rows[i].line, rows[i].len) == rows[i].ok);
    if (rows[i].ok) CHECK(assign_len(&a) <= rows[i].len);
  }

  t_name = "exact fields";
  CHECK(assign_parse(&a, S("=Joe.Doe:joe:1000:100:/home/joe:-:ext:rest")) == 1);
  CHECK(a.kind == '=' && a.locallen == 7 && !memcmp(a.local, "Joe.Doe", 7));
  {
    static const char *want[] = { "joe", "1000", "100", "/home/joe", "-", "ext" };
    for (f = 0; f < ASSIGN_FIELDS; ++f)
      CHECK(a.fieldlen[f] == strlen(want[f]) && !memcmp(a.field[f], want[f], a.fieldlen[f]));
  }
  CHECK(assign_len(&a) == sizeof "=Joe.Doe:joe:1000:100:/home/joe:-:ext:" - 1);

  t_name = "prefix with empty local part";
  CHECK(assign_parse(&a, S("+:u:1:2:/h:::")) == 1);
  CHECK(a.kind == '+' && a.locallen == 0);
  for (f = 0; f < 4; ++f) CHECK(a.fieldlen[f] > 0);
  CHECK(a.fieldlen[4] == 0 && a.fieldlen[5] == 0);

  t_name = "fields point into the line";
  {
    static const char l[] = "=x:a:b:c:d:e:f:";
    CHECK(assign_parse(&a, l, sizeof l - 1) == 1);
    CHECK(a.local == l + 1);
    for (f = 0; f < ASSIGN_FIELDS; ++f) CHECK(a.field[f] == l + 3 + 2 * f && a.fieldlen[f] == 1);
    CHECK(assign_len(&a) == sizeof l - 1);
  }

  t_name = "long field";
  {
    static char big[60100];
    size_t n;
    memcpy(big, "=big:", 5);
    memset(big + 5, 'u', 60000);
    n = 5 + 60000;
    memcpy(big + n, ":1:2:/h:::", 10);
    n += 10;
    CHECK(assign_parse(&a, big, n) == 1);
    CHECK(a.fieldlen[0] == 60000 && assign_len(&a) == n);
    CHECK(assign_parse(&a, big, n - 1) == 0); /* sixth ':' cut off */
  }
  return t_done();
}
