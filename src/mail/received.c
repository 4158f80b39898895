/* received.c: formats the Received line (see received.h). */
#include "case.h"
#include "date822fmt.h"
#include "env.h"
#include "received.h"

static int safe(stralloc *sa, const char *s)
{
  if (!s) s = "unknown";
  for (; *s; ++s) {
    char ch = *s;
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')
          || ch == '.' || ch == '@' || ch == '%' || ch == '+' || ch == '/' || ch == '='
          || ch == ':' || ch == '-' || ch == '[' || ch == ']'))
      ch = '?';
    if (!stralloc_append(sa, ch)) return 0;
  }
  return 1;
}

int received_fmt(stralloc *sa, const struct received *r, time_t when)
{
  char date[DATE822FMT];
  const char *host = r->host ? r->host : "unknown";
  if (!stralloc_cats(sa, "Received: from ")) return 0;
  if (!safe(sa, host)) return 0;
  if (r->helo && case_diffs(r->helo, host)) {
    if (!stralloc_cats(sa, " (HELO ")) return 0;
    if (!safe(sa, r->helo)) return 0;
    if (!stralloc_cats(sa, ")")) return 0;
  }
  if (!stralloc_cats(sa, " (")) return 0;
  if (r->info) {
    if (!safe(sa, r->info)) return 0;
    if (!stralloc_cats(sa, "@")) return 0;
  }
  if (!safe(sa, r->ip)) return 0;
  if (!stralloc_cats(sa, ")\n  by ")) return 0;
  if (!safe(sa, r->local)) return 0;
  if (!stralloc_cats(sa, " with ")) return 0;
  if (!stralloc_cats(sa, r->proto)) return 0;
  if (!stralloc_cats(sa, "; ")) return 0;
  if (!stralloc_catb(sa, date, date822fmt(date, when))) return 0;
  return stralloc_cats(sa, "\n");
}

void received_env(struct received *r, const char *proto)
{
  r->proto = proto;
  r->ip = env_get("TCPREMOTEIP");
  r->host = env_get("TCPREMOTEHOST");
  r->info = env_get("TCPREMOTEINFO");
  r->local = env_get("TCPLOCALHOST");
  if (!r->local) r->local = env_get("TCPLOCALIP");
  r->helo = 0;
}
