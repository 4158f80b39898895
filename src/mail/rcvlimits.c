/* rcvlimits.c: control/databytes, DATABYTES, SESSIONTIMEOUT. */
#include "control.h"
#include "env.h"
#include "rcvlimits.h"
#include "scan.h"

int rcvlimits_databytes(unsigned long *databytes, unsigned long def)
{
  unsigned long u = 0;
  const char *x;
  if (control_readulong(&u, "control/databytes") == -1) return -1;
  x = env_get("DATABYTES");
  if (x) scan_ulong(x, &u);
  *databytes = u ? u : def;
  return 1;
}

unsigned long rcvlimits_session(unsigned long def)
{
  unsigned long u = 0;
  const char *x = env_get("SESSIONTIMEOUT");
  if (x) scan_ulong(x, &u);
  return (u && u <= 604800) ? u : def;
}
