# 86-config: the installed config-fast and config on the sandbox home
# (control/ and alias/ are saved first and put back on exit).  config-fast:
# usage errors (exit 100), the files it writes, the alias user's Maildir
# and .qmail files and their owners, a rerun that changes nothing (no
# duplicate list entries, no file rewritten), an edited .qmail-root kept.
# config: in private UTS and mount namespaces (unshare -u -m) with a host
# name of our choosing and /etc/hosts bound over by our own file: a name
# without a dot is refused (exit 111); a resolvable name configures.
# Not tested here: the names `hostname -A` adds (they depend on the
# machine's interfaces and DNS: filtered out of the output).
set -e
. "$TOP/tests/lib.sh"
sandbox_ensure
C=$QHOME/control A=$QHOME/alias
rm -rf "$T/c86" "$T/a86"; cp -a "$C" "$T/c86"; cp -a "$A" "$T/a86"
restore() { rm -rf "$C" "$A"; mv "$T/c86" "$C"; mv "$T/a86" "$A"; }
trap 'restore; _cleanup' EXIT
rm -f "$C"/me "$C"/locals "$C"/rcpthosts "$C"/defaultdomain "$C"/plusdomain
rm -rf "$A"/.qmail-* "$A"/Maildir
norm() { sed "s|$QHOME|QHOME|g"; }
echo '--- usage errors'
for a in "" "bad_name.example" ".lead.example" "trail." "two..dots"; do
  config-fast $a >/dev/null 2>&1 && echo "'$a': 0" || echo "'$a': $?"
done
echo '--- config-fast mx.example.test'
config-fast mx.example.test | norm
for f in me defaultdomain plusdomain locals rcpthosts; do echo "$f: $(tr '\n' ' ' < "$C/$f")"; done
stat -c '%U %a %n' "$A/Maildir" "$A/Maildir/new" "$A/.qmail-root" | norm | sed "s/^$U_ALIAS /ALIAS /"
cat "$A/.qmail-postmaster"
echo '--- again: nothing rewritten, no duplicates; an edited .qmail-root is kept'
echo '&admin@example.org' > "$A/.qmail-root"
sleep 1.1; touch "$T/m86"; sleep 1.1
config-fast mx.example.test | norm
find "$C" "$A" -newer "$T/m86" | norm
echo "locals lines: $(wc -l < "$C/locals"), .qmail-root: $(cat "$A/.qmail-root")"
echo '--- a second name is added; me changes'
config-fast relay.example.test | norm | grep -v unchanged
echo "locals: $(tr '\n' ' ' < "$C/locals")"
echo '--- config: a host name without a dot is refused'
rc=0; out=$(unshare -u -m sh -c "hostname single && config" 2>&1) || rc=$?
echo "$out" | norm | sed "s/gave '[^']*'/gave 'NAME'/"; echo "exit $rc"
echo '--- config: a resolvable fully qualified name'
printf '127.0.0.1 localhost\n127.0.1.1 mx.example.test mx\n' > "$T/hosts86"
unshare -u -m sh -c "mount --bind $T/hosts86 /etc/hosts && hostname mx && config" 2>&1 | norm | grep -v 'added .* to'
echo "me: $(cat "$C/me")"
