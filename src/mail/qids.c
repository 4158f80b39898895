/* qids.c: getpwnam/getgrnam over the compiled-in names. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include "auto.h"
#include "qids.h"

static int user(const char *name, uid_t *u, const char **missing)
{
  struct passwd *pw;
  errno = 0;
  pw = getpwnam(name);
  if (!pw) {
    if (errno && errno != ENOENT && errno != ESRCH) return -1;
    *missing = name;
    return 0;
  }
  *u = pw->pw_uid;
  return 1;
}

static int group(const char *name, gid_t *g, const char **missing)
{
  struct group *gr;
  errno = 0;
  gr = getgrnam(name);
  if (!gr) {
    if (errno && errno != ENOENT && errno != ESRCH) return -1;
    *missing = name;
    return 0;
  }
  *g = gr->gr_gid;
  return 1;
}

int qids_get(struct qids *q, const char **missing)
{
  int r;
  if ((r = user(auto_usera, &q->alias, missing)) != 1) return r;
  if ((r = user(auto_userd, &q->qmaild, missing)) != 1) return r;
  if ((r = user(auto_userl, &q->qmaill, missing)) != 1) return r;
  if ((r = user(auto_usero, &q->owner, missing)) != 1) return r;
  if ((r = user(auto_userp, &q->qmailp, missing)) != 1) return r;
  if ((r = user(auto_userq, &q->qmailq, missing)) != 1) return r;
  if ((r = user(auto_userr, &q->qmailr, missing)) != 1) return r;
  if ((r = user(auto_users, &q->qmails, missing)) != 1) return r;
  if ((r = group(auto_groupq, &q->qmail, missing)) != 1) return r;
  return group(auto_groupn, &q->nofiles, missing);
}
