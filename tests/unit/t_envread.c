/* t_envread: qmail-queue's envelope records: F then T records then NUL;
   each error code (read error, EOF inside a record or before the NUL, a
   bad kind byte first or later, an address one byte over the cap, one
   recipient over the cap) and what rec holds then; addresses of 0 and
   exactly ENVREAD_ADDRMAX bytes; bytes that are not ASCII.  Every input is
   fed in chunks of 1, 2, 3 and 5000 bytes through a 4-byte buffer. */
#include <errno.h>
#include "envread.h"
#include "t.h"

static char space[4];
static buffer b;
static struct envread e;
static void feed(const char *s, size_t n, size_t ch)
{
  static const struct envread z = ENVREAD_ZERO;
  t_memsrc(s, n, ch);
  buffer_init(&b, t_memread, 0, space, sizeof space);
  e = z;
}

/* one table row: an envelope and the codes it yields, in order */
struct row { const char *name; const char *in; size_t inlen; int codes[5]; size_t lens[5]; };
#define S(x) x, sizeof x - 1
static const struct row rows[] = {
  { "sender and one recipient", S("Fa@b\0Tc@d\0\0"), { 1, 1, 0 }, { 5, 5, 0 } },
  { "empty sender, no recipients", S("F\0\0"), { 1, 0 }, { 2, 0 } },
  { "empty recipient", S("F\0T\0\0"), { 1, 1, 0 }, { 2, 2, 0 } },
  { "bytes over 127", S("F\377\200\0T\001\0\0"), { 1, 1, 0 }, { 4, 3, 0 } },
  { "empty input", S(""), { -1 }, { 0 } },
  { "first record not F", S("Ta\0\0"), { -2 }, { 0 } },
  { "second F", S("Fa\0Fb\0\0"), { 1, -2 }, { 3, 0 } },
  { "EOF inside the sender", S("Fab"), { -1 }, { 3 } },
  { "EOF before the closing NUL", S("Fa\0Tb\0"), { 1, 1, -1 }, { 3, 3, 0 } },
  { "EOF after a kind byte", S("Fa\0T"), { 1, -1 }, { 3, 1 } },
  { "bad kind byte later", S("Fa\0Xb\0\0"), { 1, -2 }, { 3, 0 } },
  { "nothing read after the end", S("F\0\0T\0"), { 1, 0 }, { 2, 0 } },
};

int main(void)
{
  static const size_t chunks[] = { 1, 2, 3, 5000 };
  static char big[ENVREAD_ADDRMAX + 16];
  char rec[ENVREAD_RECMAX];
  size_t c, i, j, len;

  for (c = 0; c < 4; ++c) {
    for (i = 0; i < sizeof rows / sizeof rows[0]; ++i) {
      t_name = rows[i].name;
      feed(rows[i].in, rows[i].inlen, chunks[c]);
      for (j = 0; j < 5; ++j) {
        int r = envread_record(&e, &b, rec, &len);
        CHECK(r == rows[i].codes[j]);
        CHECK(len == rows[i].lens[j]);
        if (r != 1) break;
      }
    }

    t_name = "record contents";
    feed(S("Fx@y\0Tu@v.w\0\0"), chunks[c]);
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_REC && len == 5);
    CHECKMEM(rec, 5, "Fx@y\0");
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_REC && len == 7);
    CHECKMEM(rec, 7, "Tu@v.w\0");
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_END && len == 0);
    CHECK(e.rcpts == 1);

    t_name = "address of exactly ADDRMAX bytes";
    big[0] = 'F';
    memset(big + 1, 'a', ENVREAD_ADDRMAX);
    big[1 + ENVREAD_ADDRMAX] = 0;
    big[2 + ENVREAD_ADDRMAX] = 0;
    feed(big, ENVREAD_ADDRMAX + 3, chunks[c]);
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_REC && len == ENVREAD_RECMAX);
    CHECK(rec[0] == 'F' && rec[ENVREAD_ADDRMAX] == 'a' && rec[ENVREAD_ADDRMAX + 1] == 0);
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_END);

    t_name = "address one byte over ADDRMAX";
    memset(big + 1, 'a', ENVREAD_ADDRMAX + 1);
    big[2 + ENVREAD_ADDRMAX] = 0;
    feed(big, ENVREAD_ADDRMAX + 3, chunks[c]);
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_ETOOLONG);
    CHECK(len == ENVREAD_RECMAX && rec[ENVREAD_RECMAX - 1] == 'a');
    CHECK(ENVREAD_ADDRMAX + 3 - t_memleft() <= ENVREAD_ADDRMAX + 2 + chunks[c]); /* stopped at the cap */
    big[0] = 'T';
    feed(big, ENVREAD_ADDRMAX + 3, chunks[c]);
    e.started = 1;
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_ETOOLONG && len == ENVREAD_RECMAX);

    t_name = "read error";
    feed(S("Fab\0Tcdefghij\0\0"), chunks[c]);
    t_memfail(6, EIO);
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_REC);
    errno = 0;
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_EREAD && errno == EIO);
    CHECK(len < 10 && rec[0] == 'T');
  }

  t_name = "recipient cap";
  feed(S("F\0T\0T\0\0"), 2);
  CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_REC);
  e.rcpts = ENVREAD_RCPTMAX - 1;
  CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_REC && e.rcpts == ENVREAD_RCPTMAX);
  CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_ETOOMANY && len == 0);
  CHECK(e.rcpts == ENVREAD_RCPTMAX);

  t_name = "recipient cap, counted";
  {
    /* ENVREAD_RCPTMAX real records pass, one more does not */
    static char many[2 + 2 * (ENVREAD_RCPTMAX + 1) + 1];
    unsigned long k, got = 0;
    int r;
    many[0] = 'F'; many[1] = 0;
    for (k = 0; k < ENVREAD_RCPTMAX + 1; ++k) { many[2 + 2 * k] = 'T'; many[3 + 2 * k] = 0; }
    many[sizeof many - 1] = 0;
    feed(many, sizeof many, 5000);
    CHECK(envread_record(&e, &b, rec, &len) == ENVREAD_REC);
    while ((r = envread_record(&e, &b, rec, &len)) == ENVREAD_REC) ++got;
    CHECK(r == ENVREAD_ETOOMANY);
    CHECK(got == ENVREAD_RCPTMAX);
  }
  return t_done();
}
