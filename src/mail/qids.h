/* qids: the ids of quail's accounts and groups, looked up by the names in
   conf-users and conf-groups.  qids_get returns 1 when all were found, 0
   with *missing naming the first absent account or group, -1 on a lookup
   error (errno set).  Only programs started by root or by the admin call
   it; qmail-queue uses its own euid and never an environment value. */
#ifndef QIDS_H
#define QIDS_H
#include <sys/types.h>
struct qids {
  uid_t alias, qmaild, qmaill, owner, qmailp, qmailq, qmailr, qmails;
  gid_t qmail, nofiles;
};
extern int qids_get(struct qids *q, const char **missing);
#endif
