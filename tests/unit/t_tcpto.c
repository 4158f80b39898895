/* t_tcpto: in a scratch home with queue/lock/tcpto: one timeout is not
   enough to skip, a second one at least 120 s later (the file's time is
   moved back to fake that) is; a success clears; a repeat within 120 s
   does not count; IPv6 records carry byte 5 = 6 and do not collide with
   an IPv4 record of the same first bytes; the table fills to 64 and then
   replaces the oldest; a missing file means "never skip"; clean zeroes. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "ip.h"
#include "tcpto.h"
#include "t.h"

static void age(const unsigned char *k4, unsigned long secs)
{
  unsigned char buf[TCPTO_SIZE];
  int fd = open(TCPTO_FILE, O_RDWR), i;
  if (fd == -1 || read(fd, buf, sizeof buf) != (ssize_t)sizeof buf) { perror("tcpto"); exit(2); }
  for (i = 0; i < 64; ++i)
    if (buf[16 * i + 4] && (!k4 || !memcmp(buf + 16 * i, k4, 4))) {
      unsigned long w = (unsigned long)buf[16 * i + 8] | (unsigned long)buf[16 * i + 9] << 8
        | (unsigned long)buf[16 * i + 10] << 16 | (unsigned long)buf[16 * i + 11] << 24;
      w -= secs;
      buf[16 * i + 8] = (unsigned char)w; buf[16 * i + 9] = (unsigned char)(w >> 8);
      buf[16 * i + 10] = (unsigned char)(w >> 16); buf[16 * i + 11] = (unsigned char)(w >> 24);
    }
  if (pwrite(fd, buf, sizeof buf, 0) != (ssize_t)sizeof buf) exit(2);
  close(fd);
}

static int used(void)
{
  char buf[TCPTO_SIZE];
  int i, n = 0;
  if (tcpto_read(buf) == -1) return -1;
  for (i = 0; i < 64; ++i) if (buf[16 * i + 4]) ++n;
  return n;
}

int main(void)
{
  unsigned char a[16], b[16], v6[16];
  char raw[TCPTO_SIZE];
  int fd, i;

  CHECK(chdir(t_tmpdir()) == 0);
  ip6_scan("::ffff:192.0.2.1", a);
  ip6_scan("::ffff:192.0.2.2", b);
  ip6_scan("2001:db8::1", v6);

  t_name = "no file";
  CHECK(tcpto_skip(a) == 0);
  tcpto_record(a, 1); /* ignored */
  CHECK(tcpto_read(raw) == -1);

  CHECK(mkdir("queue", 0755) == 0 && mkdir("queue/lock", 0755) == 0);
  fd = open(TCPTO_FILE, O_WRONLY | O_CREAT, 0644);
  CHECK(fd != -1 && ftruncate(fd, TCPTO_SIZE) == 0);
  close(fd);

  t_name = "one timeout";
  tcpto_record(a, 1);
  CHECK(tcpto_skip(a) == 0 && used() == 1);
  CHECK(tcpto_read(raw) == 0 && !memcmp(raw, "\300\000\002\001\001\000", 6)); /* qmail's layout */
  t_name = "repeat within 120 s";
  tcpto_record(a, 1);
  CHECK(tcpto_skip(a) == 0);
  t_name = "second timeout later";
  age(a + 12, 200);
  tcpto_record(a, 1);
  CHECK(tcpto_skip(a) == 1 && tcpto_skip(b) == 0);
  t_name = "old enough to try again";
  age(a + 12, 64UL * 92);
  CHECK(tcpto_skip(a) == 0);
  t_name = "success clears";
  tcpto_record(a, 1); /* count 3, now */
  CHECK(tcpto_skip(a) == 1);
  tcpto_record(a, 0);
  CHECK(tcpto_skip(a) == 0 && used() == 0);

  t_name = "ipv6";
  tcpto_record(v6, 1);
  CHECK(tcpto_read(raw) == 0);
  for (i = 0; i < 64 && !raw[16 * i + 4]; ++i) ;
  CHECK(i < 64 && raw[16 * i + 5] == 6);
  age(0, 200);
  tcpto_record(v6, 1);
  CHECK(tcpto_skip(v6) == 1);
  {
    unsigned char same[16];
    memset(same, 0, 10); same[10] = same[11] = 0xff;
    memcpy(same + 12, raw + 16 * i, 4); /* an IPv4 address equal to the hash */
    CHECK(tcpto_skip(same) == 0);
  }

  t_name = "full table";
  for (i = 0; i < 80; ++i) {
    unsigned char x[16];
    memcpy(x, a, 16);
    x[14] = (unsigned char)(i >> 8); x[15] = (unsigned char)i; x[13] = 7;
    tcpto_record(x, 1);
  }
  CHECK(used() == 64);

  t_name = "clean";
  CHECK(tcpto_clean(TCPTO_FILE) == 0 && used() == 0);
  { struct stat st; CHECK(stat(TCPTO_FILE, &st) == 0 && st.st_size == TCPTO_SIZE); }
  CHECK(tcpto_clean("queue/lock/missing") == -1);
  CHECK(chdir("/") == 0);
  return t_done();
}
