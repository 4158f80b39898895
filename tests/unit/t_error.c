/* t_error: error_temp's table: conditions that may pass are temporary,
   the rest (no such file, permission, bad address, ...) permanent. */
#include "error.h"
#include "t.h"

struct c { const char *label; int e, temp; };
static const struct c cases[] = {
  { "EINTR", EINTR, 1 }, { "ENOMEM", ENOMEM, 1 }, { "EIO", EIO, 1 },
  { "ETIMEDOUT", ETIMEDOUT, 1 }, { "EAGAIN", EAGAIN, 1 }, { "ENOSPC", ENOSPC, 1 },
  { "EDQUOT", EDQUOT, 1 }, { "EMFILE", EMFILE, 1 }, { "ENFILE", ENFILE, 1 },
  { "ECONNREFUSED", ECONNREFUSED, 1 }, { "ECONNRESET", ECONNRESET, 1 },
  { "EHOSTUNREACH", EHOSTUNREACH, 1 }, { "ENETUNREACH", ENETUNREACH, 1 },
  { "ESTALE", ESTALE, 1 }, { "EROFS", EROFS, 1 }, { "EPIPE", EPIPE, 1 },
  { "ENOLCK", ENOLCK, 1 }, { "EBUSY", EBUSY, 1 }, { "ETXTBSY", ETXTBSY, 1 },
  { "ENOENT", ENOENT, 0 }, { "EACCES", EACCES, 0 }, { "EPERM", EPERM, 0 },
  { "EINVAL", EINVAL, 0 }, { "EEXIST", EEXIST, 0 }, { "ENOTDIR", ENOTDIR, 0 },
  { "ELOOP", ELOOP, 0 }, { "E2BIG", E2BIG, 0 }, { "EPROTO", EPROTO, 0 },
  { "zero", 0, 0 }, { "negative", -1, 0 }, { "huge", 1 << 20, 0 },
};

int main(void)
{
  size_t i;
  for (i = 0; i < sizeof cases / sizeof cases[0]; ++i) {
    t_name = cases[i].label;
    CHECK(error_temp(cases[i].e) == cases[i].temp);
  }
  return t_done();
}
