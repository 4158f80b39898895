#!/bin/sh
# config-fast FQDN: configure quail for the host FQDN in one step.
# Writes control/me, defaultdomain, plusdomain; adds FQDN to locals and
# rcpthosts; creates the alias user's Maildir and its .qmail-postmaster,
# .qmail-mailer-daemon and .qmail-root when they are missing.  Existing
# files other than those three one-line settings are never overwritten.
# Exit: 0 done, 100 usage, 111 a file could not be written.
set -e
fqdn=$1
case "$fqdn" in
  ""|*[!A-Za-z0-9.-]*|.*|*.|*..*) echo "config-fast: usage: config-fast host.domain" >&2; exit 100 ;;
esac
umask 022
c=HOME/control
fail() { echo "config-fast: fatal: $*" >&2; exit 111; }
put() { # file value: write atomically unless it already says so; fsync through sync(1)
  if [ -f "$c/$1" ] && [ "`cat "$c/$1"`" = "$2" ]; then echo "config-fast: $c/$1: $2 (unchanged)"; return 0; fi
  printf '%s\n' "$2" > "$c/$1.tmp" || fail "unable to write $c/$1"
  chmod 644 "$c/$1.tmp"; mv -f "$c/$1.tmp" "$c/$1" || fail "unable to rename $c/$1"
  echo "config-fast: $c/$1: $2"
}
add() { # list file value: append unless present
  if [ -f "$c/$1" ] && grep -qixF "$2" "$c/$1"; then return 0; fi
  printf '%s\n' "$2" >> "$c/$1" || fail "unable to append to $c/$1"
  chmod 644 "$c/$1"
  echo "config-fast: added $2 to $c/$1"
}
put me "$fqdn"
dd=`echo "$fqdn" | sed 's/^[^.]*\.//'`
case "$fqdn" in *.*.*) put defaultdomain "$dd" ;; *) put defaultdomain "$fqdn" ;; esac
pd=`echo "$fqdn" | awk -F. '{ if (NF >= 2) print $(NF-1) "." $NF; else print $0 }'`
put plusdomain "$pd"
add locals "$fqdn"
add rcpthosts "$fqdn"
a=HOME/alias
if [ ! -d "$a/Maildir" ]; then
  mkdir -p "$a/Maildir/tmp" "$a/Maildir/new" "$a/Maildir/cur"
  chmod -R 700 "$a/Maildir"
  chown -R USER_A:GROUP_N "$a/Maildir" 2>/dev/null || true
  echo "config-fast: made $a/Maildir"
fi
for x in postmaster mailer-daemon root; do
  if [ ! -f "$a/.qmail-$x" ]; then
    echo ./Maildir/ > "$a/.qmail-$x"
    chmod 644 "$a/.qmail-$x"
    echo "config-fast: $a/.qmail-$x delivers to $a/Maildir/ (edit it to forward: &you@example.org)"
  fi
done
sync
exit 0
