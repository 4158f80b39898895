#!/bin/sh
# config: configure quail from this host's DNS name.  It finds the fully
# qualified name with hostname -f (the system resolver), runs config-fast
# with it, and adds every other name of this host (hostname -A) to locals
# and rcpthosts.  Exit codes as config-fast.
fqdn=`hostname -f 2>/dev/null`
case "$fqdn" in
  *.*) ;;
  *) echo "config: fatal: hostname -f gave '$fqdn', not a fully qualified name; use config-fast host.domain" >&2; exit 111 ;;
esac
echo "config: this host is $fqdn"
HOME/bin/config-fast "$fqdn" || exit $?
for n in `hostname -A 2>/dev/null`; do
  n=`echo "$n" | sed 's/\.$//'`
  case "$n" in *.*) ;; *) continue ;; esac
  for f in locals rcpthosts; do
    grep -qixF "$n" HOME/control/$f 2>/dev/null || { echo "$n" >> HOME/control/$f; echo "config: added $n to $f"; }
  done
done
exit 0
