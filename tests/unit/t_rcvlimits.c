/* t_rcvlimits: databytes from control/databytes, overridden by
   DATABYTES, 0 or unset giving the default, junk ignored, a directory in
   place of the file an error; SESSIONTIMEOUT within 1..604800 only. */
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>
#include "env.h"
#include "rcvlimits.h"
#include "t.h"

static void put(const char *s)
{
  int fd = open("control/databytes", O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (fd == -1 || write(fd, s, strlen(s)) != (ssize_t)strlen(s)) exit(2);
  close(fd);
}

int main(void)
{
  unsigned long u;
  CHECK(chdir(t_tmpdir()) == 0 && mkdir("control", 0755) == 0);
  env_unset("DATABYTES");
  t_name = "default";
  CHECK(rcvlimits_databytes(&u, 777) == 1 && u == 777);
  t_name = "control file";
  put("1000\n");
  CHECK(rcvlimits_databytes(&u, 777) == 1 && u == 1000);
  put("0\n");
  CHECK(rcvlimits_databytes(&u, 777) == 1 && u == 777);
  put("junk\n");
  CHECK(rcvlimits_databytes(&u, 777) == 1 && u == 777);
  t_name = "DATABYTES wins";
  put("1000\n");
  CHECK(env_set("DATABYTES", "5000") && rcvlimits_databytes(&u, 777) == 1 && u == 5000);
  CHECK(env_set("DATABYTES", "x") && rcvlimits_databytes(&u, 777) == 1 && u == 1000);
  CHECK(env_set("DATABYTES", "99999999999999999999999") && rcvlimits_databytes(&u, 777) == 1 && u == 1000);
  CHECK(env_set("DATABYTES", "0") && rcvlimits_databytes(&u, 777) == 1 && u == 777);
  env_unset("DATABYTES");
  t_name = "read error";
  CHECK(unlink("control/databytes") == 0 && mkdir("control/databytes", 0755) == 0);
  CHECK(rcvlimits_databytes(&u, 777) == -1);
  t_name = "session";
  env_unset("SESSIONTIMEOUT");
  CHECK(rcvlimits_session(1200) == 1200);
  CHECK(env_set("SESSIONTIMEOUT", "60") && rcvlimits_session(1200) == 60);
  CHECK(env_set("SESSIONTIMEOUT", "1") && rcvlimits_session(1200) == 1);
  CHECK(env_set("SESSIONTIMEOUT", "604800") && rcvlimits_session(1200) == 604800);
  CHECK(env_set("SESSIONTIMEOUT", "604801") && rcvlimits_session(1200) == 1200);
  CHECK(env_set("SESSIONTIMEOUT", "0") && rcvlimits_session(1200) == 1200);
  CHECK(env_set("SESSIONTIMEOUT", "-5") && rcvlimits_session(1200) == 1200);
  CHECK(chdir("/") == 0);
  return t_done();
}
