# 15-start: qmail-start's wiring: without arguments the default delivery
# is ./Mailbox (an mbox file) and the log goes to its stdout; with a
# logger the logger runs as qmaill with group nofiles and gets the log on
# its stdin; qmail-send has its seven descriptors as documented; without
# its accounts (or run by a user) qmail-start exits 111, printing nothing.
# Not tested here: the boot scripts (80-start).
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
sandbox_ensure
qclean
u=$(tuser s15a)
h=$T/users/s15a
rm -f "$h/Mailbox" "$T/log/q15" "$T/log/q15b"
me=$(cat "$QHOME/control/me")

echo '--- no arguments: ./Mailbox, log on stdout'
svc_start q15 "exec env - PATH=\"$QHOME/bin:/usr/bin:/bin\" qmail-start >>$T/log/q15 2>&1"
waitfor 10 grep -q '^status: local' "$T/log/q15"
ps -o args= --ppid "$(qsend_pid q15)" | grep lspawn
printf 'Subject: mbox\n\nto the mailbox\n' | qinject "$u" "$u@$me" "$u@$me" >/dev/null
waitfor 20 test -s "$h/Mailbox"
python3 -c 'import mailbox,sys; print([m["Subject"] for m in mailbox.mbox(sys.argv[1])])' "$h/Mailbox"
echo '--- qmail-send has the log on 0, lspawn on 1/2, rspawn on 3/4, qmail-clean on 5/6'
p=$(qsend_pid q15)
for fd in 0 1 2 3 4 5 6; do
  t=$(readlink /proc/$p/fd/$fd)
  for c in $(ps -o pid= --ppid $p); do
    for cf in 0 1; do [ "$(readlink /proc/$c/fd/$cf)" = "$t" ] && echo "$fd: $(ps -o comm= -p $c) fd $cf"; done
  done
  case $t in pipe:*) ;; *) echo "$fd: $(echo "$t" | sed "s|$T|T|")";; esac
done
svc_stop q15

echo '--- with a logger: it runs as qmaill:nofiles and gets the log'
: > "$T/log/q15b"; chown "$U_L" "$T/log/q15b"
svc_start q15 "exec env - PATH=\"$QHOME/bin:/usr/bin:/bin\" qmail-start ./Mailbox sh -c 'exec cat >> $T/log/q15b' >>$T/log/q15 2>&1"
waitfor 10 grep -q '^status: local' "$T/log/q15b"
ps -o user:20=,group:20=,comm= --ppid "$(qsend_pid q15)" | grep ' cat$' | sed "s/  */ /g; s/^$U_L $G_N /QMAILL NOFILES /"
svc_stop q15
tail -n 1 "$T/log/q15b"

echo '--- no accounts (or not root): exit 111, nothing printed'
if unshare -m true 2>/dev/null; then
  out=$(env - PATH="$QHOME/bin:/usr/bin:/bin" unshare -m sh -c "mount --bind /dev/null /etc/passwd && exec qmail-start" 2>&1) && echo 0 || echo $?
else
  echo "no mount namespaces here: running qmail-start as $u instead" >&2
  out=$(env - PATH="$QHOME/bin:/usr/bin:/bin" setuidgid "$u" qmail-start 2>&1) && echo 0 || echo $?
fi
echo "output: [$out]"
