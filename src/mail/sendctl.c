/* sendctl.c: defaults as in qmail: bouncefrom MAILER-DAEMON, bouncehost,
   doublebouncehost and envnoathost from me, doublebounceto postmaster,
   concurrencies 10 and 20, queuelifetime a week. */
#include <errno.h>
#include "control.h"
#include "sendctl.h"

int sendctl_maps(struct sendctl *sc)
{
  stralloc nl = STRALLOC_ZERO, nv = STRALLOC_ZERO;
  struct constmap ml, mv;
  int r = control_readfile(&nl, "control/locals");
  if (r == -1) goto fail;
  if (r == 0) {
    if (!control_flagme) { errno = ENOENT; goto fail; }
    if (!stralloc_copy(&nl, &control_me) || !stralloc_0(&nl)) goto fail;
  }
  if (control_readfile(&nv, "control/virtualdomains") == -1) goto fail;
  if (!constmap_init(&ml, nl.s, nl.len, 0)) goto fail;
  if (!constmap_init(&mv, nv.s, nv.len, ':')) { constmap_free(&ml); goto fail; }
  if (sc->flagmaps) { constmap_free(&sc->maplocals); constmap_free(&sc->mapvdoms); }
  stralloc_free(&sc->locals);
  stralloc_free(&sc->vdoms);
  sc->locals = nl; sc->vdoms = nv; sc->maplocals = ml; sc->mapvdoms = mv;
  sc->flagmaps = 1;
  sc->rw.locals = &sc->maplocals;
  sc->rw.vdoms = &sc->mapvdoms;
  return 1;
fail:
  r = errno;
  stralloc_free(&nl);
  stralloc_free(&nv);
  errno = r;
  return 0;
}

int sendctl_read(struct sendctl *sc)
{
  sc->conclocal = 10; sc->concremote = 20;
  sc->lifetime = 604800; sc->bouncemaxbytes = 0;
  if (control_init() == -1) return 0;
  if (control_rldef(&sc->envnoathost, "control/envnoathost", 1, "envnoathost") != 1) return 0;
  if (control_rldef(&sc->bouncefrom, "control/bouncefrom", 0, "MAILER-DAEMON") != 1) return 0;
  if (control_rldef(&sc->bouncehost, "control/bouncehost", 1, "bouncehost") != 1) return 0;
  if (control_rldef(&sc->dbto, "control/doublebounceto", 0, "postmaster") != 1) return 0;
  if (control_rldef(&sc->dbhost, "control/doublebouncehost", 1, "doublebouncehost") != 1) return 0;
  if (!stralloc_0(&sc->envnoathost) || !stralloc_0(&sc->bouncefrom) || !stralloc_0(&sc->bouncehost)
      || !stralloc_0(&sc->dbto) || !stralloc_0(&sc->dbhost)) return 0;
  if (control_readint(&sc->conclocal, "control/concurrencylocal") == -1) return 0;
  if (control_readint(&sc->concremote, "control/concurrencyremote") == -1) return 0;
  if (control_readulong(&sc->lifetime, "control/queuelifetime") == -1) return 0;
  if (control_readulong(&sc->bouncemaxbytes, "control/bouncemaxbytes") == -1) return 0;
  if (control_readfile(&sc->phack, "control/percenthack") == -1) return 0;
  if (!constmap_init(&sc->mapphack, sc->phack.s, sc->phack.len, 0)) return 0;
  sc->rw.phack = &sc->mapphack;
  sc->rw.envnoathost = sc->envnoathost.s;
  return sendctl_maps(sc);
}
