/* fuzz.c: input plumbing for the fuzz targets. */
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>
#include "fuzz.h"

static const uint8_t *mdata;
static size_t mlen, mpos;
static char mbuf[64];

static ssize_t memread(int fd, char *buf, size_t len)
{
  size_t k = mlen - mpos;
  (void)fd;
  if (len > 7) len = 7 + (len % 11); /* short reads exercise the seams */
  if (len > k) len = k;
  memcpy(buf, mdata + mpos, len);
  mpos += len;
  return (ssize_t)len;
}

buffer *fuzz_membuffer(buffer *b, const uint8_t *data, size_t n)
{
  mdata = data; mlen = n; mpos = 0;
  buffer_init(b, memread, 0, mbuf, sizeof mbuf);
  return b;
}

int fuzz_memfd(const uint8_t *data, size_t n)
{
  int fd = memfd_create("fuzz", 0);
  size_t off = 0;
  if (fd == -1) return -1;
  while (off < n) {
    ssize_t w = write(fd, data + off, n - off);
    if (w <= 0) { close(fd); return -1; }
    off += (size_t)w;
  }
  lseek(fd, 0, SEEK_SET);
  return fd;
}
