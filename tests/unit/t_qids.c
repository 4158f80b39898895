/* t_qids: the names compiled in from conf-users/conf-groups are replaced
   here (this file defines the auto_user and auto_group symbols, so the
   generated ones are not linked): real system accounts are found with the
   ids getpwnam gives, and a group that does not exist makes qids_get
   return 0 naming it. */
#include <grp.h>
#include <pwd.h>
#include "qids.h"
#include "t.h"

const char auto_usera[] = "root", auto_userd[] = "daemon", auto_userl[] = "bin";
const char auto_usero[] = "root", auto_userp[] = "sys", auto_userq[] = "daemon";
const char auto_userr[] = "bin", auto_users[] = "sys";
const char auto_groupq[] = "root", auto_groupn[] = "quail-no-such-group";

int main(void)
{
  struct qids q;
  const char *missing = 0;
  struct passwd *pw;
  int r;
  t_name = "missing group";
  memset(&q, 0xff, sizeof q);
  r = qids_get(&q, &missing);
  CHECK(r == 0);
  CHECK(missing == auto_groupn);
  t_name = "found accounts";
  pw = getpwnam("daemon");
  CHECK(pw != 0 && q.qmaild == pw->pw_uid && q.qmailq == pw->pw_uid);
  pw = getpwnam("sys");
  CHECK(pw != 0 && q.qmailp == pw->pw_uid && q.qmails == pw->pw_uid);
  pw = getpwnam("bin");
  CHECK(pw != 0 && q.qmaill == pw->pw_uid && q.qmailr == pw->pw_uid);
  CHECK(q.alias == 0 && q.owner == 0 && q.qmail == 0);
  return t_done();
}
