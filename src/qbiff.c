/* qbiff: tell the user, on each terminal where "biff y" is set, that mail
   has arrived: who it is for, who sent it, and the start of the subject
   and body.  For a .qmail line "|qbiff"; runs as the delivering user,
   message on fd 0.  Always exits 0: a notice is never worth a retry. */
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utmpx.h>
#include "buffer.h"
#include "byte.h"
#include "env.h"
#include "header.h"
#include "hfield.h"
#include "str.h"
#include "stralloc.h"

#define TEXTMAX 78       /* bytes of subject and body shown */
#define HEADERMAX 65536  /* bytes of header looked at */

static void quit(void) { _exit(0); }

static struct header hdr = HEADER_ZERO;
static stralloc tofrom = STRALLOC_ZERO;
static stralloc text = STRALLOC_ZERO;
static stralloc woof = STRALLOC_ZERO;

static void addtext(const char *s, size_t n)
{
  if (text.len >= TEXTMAX) return;
  if (n > TEXTMAX - text.len) n = TEXTMAX - text.len;
  if (!stralloc_catb(&text, s, n)) quit();
}

/* "    Subject text/first body line/..." */
static void readmessage(void)
{
  size_t i, k, len;
  const char *f;
  ssize_t r;

  if (!stralloc_copys(&text, "    ")) quit();
  if (header_read(&hdr, buffer_0, HEADERMAX, 1000) != 1) return;
  for (i = 0; i < hdr.nfields; ++i) {
    f = hdr.text.s + hdr.off[i];
    len = hdr.off[i + 1] - hdr.off[i];
    k = hfield_valid(f, len);
    if (hfield_known(f, k) != H_SUBJECT) continue;
    while (k < len && (f[k] == ' ' || f[k] == '\t')) ++k;
    addtext(f + k, len - k);
  }
  if (hdr.end == HEADER_BODY) addtext(hdr.body.s, hdr.body.len);
  if (hdr.end != HEADER_EOF && text.len < TEXTMAX) {
    r = buffer_feed(buffer_0);
    if (r > 0) addtext(buffer_peek(buffer_0), (size_t)r);
  }
}

static void clean(stralloc *sa, char c)
{
  size_t i;
  for (i = 0; i < sa->len; ++i)
    if (sa->s[i] < 32 || sa->s[i] > 126) sa->s[i] = c;
}

/* a terminal of ours that asked for notices (owner execute bit) */
static void notify(const char *tty)
{
  struct stat st;
  int fd = open(tty, O_WRONLY | O_APPEND | O_NOCTTY | O_NONBLOCK | O_NOFOLLOW);
  if (fd == -1) return;
  if (fstat(fd, &st) == 0 && S_ISCHR(st.st_mode) && (st.st_mode & 0100) && st.st_uid == getuid())
    if (write(fd, woof.s, woof.len) == -1) { /* a full terminal loses the notice */ }
  close(fd);
}

int main(void)
{
  const char *user, *sender, *local;
  char line[sizeof ((struct utmpx *)0)->ut_line + 1];
  struct utmpx *u;

  if (chdir("/dev") == -1) quit();
  if (!(user = env_get("USER")) || !(sender = env_get("SENDER")) || !(local = env_get("LOCAL"))) quit();
  if (str_len(user) > sizeof u->ut_user) quit();

  if (!stralloc_copys(&tofrom, "*** TO <") || !stralloc_cats(&tofrom, local)) quit();
  if (!stralloc_cats(&tofrom, "> FROM <") || !stralloc_cats(&tofrom, sender)) quit();
  if (!stralloc_append(&tofrom, '>')) quit();
  clean(&tofrom, '_');
  readmessage();
  clean(&text, '/');
  if (!stralloc_copys(&woof, "\r\n\a") || !stralloc_cat(&woof, &tofrom)) quit();
  if (!stralloc_cats(&woof, "\r\n") || !stralloc_cat(&woof, &text) || !stralloc_cats(&woof, "\r\n")) quit();

  setutxent();
  while ((u = getutxent())) {
    if (u->ut_type != USER_PROCESS || str_diffn(u->ut_user, user, sizeof u->ut_user)) continue;
    byte_copy(line, sizeof u->ut_line, u->ut_line);
    line[sizeof u->ut_line] = 0;
    /* a name under /dev: not absolute, no dots (so no "..") */
    if (!line[0] || line[0] == '/' || line[str_chr(line, '.')]) continue;
    notify(line);
  }
  endutxent();
  quit();
}
