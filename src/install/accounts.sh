#!/bin/sh
# accounts.sh: create the groups of conf-groups and the accounts of
# conf-users that are missing.  Idempotent: an existing account or group is
# never changed.  Run by `make setup` as root.  Not root: it only checks.
set -e
home=$(head -n 1 conf-home)
gq=$(sed -n 1p conf-groups); gn=$(sed -n 2p conf-groups)
say() { echo "accounts: $*"; }
nologin=/usr/sbin/nologin; [ -x $nologin ] || nologin=/bin/false
root=yes; [ "$(id -u)" = 0 ] || root=no

for g in "$gq" "$gn"; do
  if getent group "$g" >/dev/null; then continue; fi
  [ $root = yes ] || { say "fatal: group $g is missing and I am not root"; exit 111; }
  groupadd --system "$g"
  say "created group $g"
done

n=0
for u in $(sed -n 1,8p conf-users); do
  n=$((n + 1))
  [ $n = 4 ] && continue   # the owner (root) must exist already
  if getent passwd "$u" >/dev/null; then continue; fi
  [ $root = yes ] || { say "fatal: account $u is missing and I am not root"; exit 111; }
  case $n in
    1) g=$gn; h=$home/alias ;;
    2|3|5) g=$gn; h=$home ;;
    *) g=$gq; h=$home ;;
  esac
  useradd --system --no-create-home --home-dir "$h" --gid "$g" --shell "$nologin" "$u"
  say "created account $u (group $g, home $h)"
done
owner=$(sed -n 4p conf-users)
getent passwd "$owner" >/dev/null || { say "fatal: owner account $owner does not exist"; exit 111; }
exit 0
