/* error.c: which errno values are temporary. */
#include "error.h"

int error_temp(int e)
{
  switch (e) {
    case EINTR: case ENOMEM: case ETXTBSY: case EIO: case ETIMEDOUT:
    case EWOULDBLOCK: case ENOSPC: case EDQUOT: case ENFILE: case EMFILE:
    case EBUSY: case ECONNREFUSED: case ECONNRESET: case EHOSTUNREACH:
    case ENETUNREACH: case ENETDOWN: case ESTALE: case ENOLCK: case EROFS:
    case EPIPE: case EFBIG:
      return 1;
    default:
      return 0;
  }
}
