/* t_bounce: bounce/N paragraphs (angle brackets, blank lines turned into
   "/", a missing newline added, newlines in the address), what kind of
   bounce a sender gets, and the crash-safe append with its memory of
   paragraphs written before a crash. */
#include <string.h>
#include "bounce.h"
#include "t.h"

int main(void)
{
  stralloc p = STRALLOC_ZERO, seen = STRALLOC_ZERO, q = STRALLOC_ZERO;
  const char *fn;

  t_name = "para";
  CHECK(bounce_para(&p, "a@b", 3, "Sorry.\n", 7));
  CHECKMEM(p.s, p.len, "<a@b>:\nSorry.\n\n");
  p.len = 0;
  CHECK(bounce_para(&p, "a@b", 3, "one\n\ntwo", 8));
  CHECK(p.len == strlen("<a@b>:\none\n/\ntwo\n\n"));
  CHECKMEM(p.s, p.len, "<a@b>:\none\n/\ntwo\n\n");
  p.len = 0;
  CHECK(bounce_para(&p, "a\nb", 3, "\nx\n", 3));
  CHECKMEM(p.s, p.len, "<a_b>:\n/\nx\n\n");
  p.len = 0;
  CHECK(bounce_para(&p, "", 0, "", 0));
  CHECKMEM(p.s, p.len, "<>:\n\n");

  t_name = "kind";
  CHECK(bounce_kind("a@b") == BOUNCE_SINGLE);
  CHECK(bounce_kind("list-@x-@[]") == BOUNCE_SINGLE);
  CHECK(bounce_kind("") == BOUNCE_DOUBLE);
  CHECK(bounce_kind("#@[]") == BOUNCE_NONE);

  t_name = "append and seen";
  t_tmpdir();
  fn = t_path("bounce1");
  CHECK(bounce_seenload(&seen, fn) == 1 && seen.len == 0);
  p.len = 0;
  CHECK(bounce_para(&p, "a@b", 3, "one\n\ntwo\n", 9));
  CHECK(bounce_append(fn, &p));
  CHECK(bounce_para(&q, "c@d", 3, "three\n", 6));
  CHECK(bounce_append(fn, &q));
  CHECK(bounce_seenload(&seen, fn) == 1);
  CHECKMEM(seen.s, seen.len, "<a@b>:\n<c@d>:\n");
  CHECK(bounce_seen(&seen, &p));
  CHECK(bounce_seen(&seen, &q));
  p.len = 0;
  CHECK(bounce_para(&p, "a@bb", 4, "x", 1));
  CHECK(!bounce_seen(&seen, &p));
  p.len = 0;
  CHECK(bounce_para(&p, "a@", 2, "x", 1));
  CHECK(!bounce_seen(&seen, &p));
  t_name = "append to a directory that is not there";
  CHECK(!bounce_append(t_path("nodir/bounce"), &q));
  stralloc_free(&p); stralloc_free(&q); stralloc_free(&seen);
  return t_done();
}
