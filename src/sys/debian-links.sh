#!/bin/sh
# debian-links.sh: `make debian-links`.  Debian's fastforward and
# dot-forward packages hard-code qmail's Debian home /var/lib/qmail: they
# run /var/lib/qmail/bin/qmail-queue and read /var/lib/qmail/control/me,
# defaultdomain, defaulthost and plusdomain.  This makes two symbolic links
# that point those names into conf-home:
#   /var/lib/qmail/bin/qmail-queue -> conf-home/bin/qmail-queue
#   /var/lib/qmail/control         -> conf-home/control
# Idempotent: a correct link is left alone, a link pointing elsewhere is
# replaced; a file or directory that is not a symbolic link is never
# touched (it is reported and the exit code is 111).  Exit 0 otherwise.
# The directory is /var/lib/qmail unless QUAIL_DEBIAN_HOME names another
# (for inspection only: the Debian tools use the fixed path).
H=$(head -n 1 conf-home)
Q=${QUAIL_DEBIAN_HOME:-/var/lib/qmail}
say() { echo "debian-links: $*"; }
[ "$(id -u)" = 0 ] || { say "fatal: must run as root"; exit 111; }
if [ "$(readlink -f "$Q")" = "$(readlink -f "$H")" ]; then
  say "conf-home is $Q itself: nothing to link"; exit 0
fi
bad=0 changed=0
link() { # target name
  if [ -L "$2" ]; then
    [ "$(readlink "$2")" = "$1" ] && return 0
    ln -sfn "$1" "$2.quail-new" && mv -T "$2.quail-new" "$2" || { bad=1; return 0; }
    say "$2 -> $1 (was a link elsewhere)"; changed=1
  elif [ -e "$2" ]; then
    say "warning: $2 exists and is not a symbolic link: left alone; move it away and run again"
    bad=1
  else
    ln -s "$1" "$2" || { bad=1; return 0; }
    say "$2 -> $1"; changed=1
  fi
}
[ -d "$Q/bin" ] || { mkdir -p "$Q/bin" && say "made $Q/bin"; changed=1; }
link "$H/bin/qmail-queue" "$Q/bin/qmail-queue"
link "$H/control" "$Q/control"
[ $changed = 1 ] || [ $bad = 1 ] || say "nothing to change: $Q points into $H"
exit $((bad * 111))
