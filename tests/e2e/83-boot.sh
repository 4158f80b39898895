# 83-boot: the installed boot/ qmail-start variants, each run as its own
# run script under the real supervise: boot/home delivers to ./Mailbox,
# boot/maildir to ./Maildir/, boot/home+df reads ~/.forward (Debian's
# dot-forward) before ./Mailbox.  Each message goes qmail-inject ->
# qmail-queue -> qmail-send -> qmail-local and is read back with Python's
# mailbox; qmail-send's log reaches syslog through splogger with tag qmail
# (a Python listener on /dev/log).  Everything runs in a private mount
# namespace (see 81-debian.inc): /var/lib/qmail is a scratch directory
# filled by `make debian-links`, and /dev is a scratch directory holding
# the host's null, zero, urandom and tty plus our log socket; the host's
# /dev and /var/lib/qmail are untouched.
# Not tested here: proc, binm1, binm2, binm3 and their +df forms (procmail
# and the binmail programs are not installed); the services' run scripts
# (80 runs send-run, smtpd-run, pop3d-run and log-run under svscan).
set -e
. "$TOP/tests/e2e/81-debian.inc"
. "$TOP/tests/lib.sh"
ns_setup >/dev/null
W=$T/w83; rm -rf "$W"; mkdir -p "$W/dev"; chmod 755 "$W" "$W/dev"
for f in null zero urandom random tty full; do : > "$W/dev/$f"; mount --bind "/dev/$f" "$W/dev/$f"; done
mount --rbind "$W/dev" /dev
python3 -c '
import socket, os, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM); s.bind("/dev/log"); os.chmod("/dev/log", 0o666)
open(sys.argv[2], "w").close()
with open(sys.argv[1], "a") as f:
    while True:
        f.write(s.recv(65536).decode("latin-1") + "\n"); f.flush()
' "$W/syslog" "$W/ready" &
lpid=$!
trap 'kill $lpid 2>/dev/null; _cleanup' EXIT
waitfor 10 test -f "$W/ready"
me=$(head -n 1 "$QHOME/control/me")
mkuser bt1; u1=$U; h1=$H
mkuser bt2; u2=$U; h2=$H
rm -f "$h1/Mailbox" "$h2/Mailbox"
# boot SCRIPT: run $QHOME/boot/SCRIPT under supervise; wait for its first status line in syslog
boot() {
  : > "$W/syslog"
  svc_start boot83 "exec $QHOME/boot/$1"
  waitfor 20 grep -q 'qmail: .*status: local' "$W/syslog"
}
mbox() {
  python3 - "$1" <<'PY' | sed "s/qt$TAG/qtT/g; s/$me/ME/g"
import mailbox, sys
for m in mailbox.mbox(sys.argv[1], create=False):
    print("  From_:", m.get_from().split()[0], "| Subject:", m["Subject"], "| Delivered-To:", m["Delivered-To"])
PY
}
echo '--- boot/home: ./Mailbox'
grep -c 'qmail-start ./Mailbox splogger qmail' "$QHOME/boot/home"
boot home
printf 'Subject: home\n\nto mbox\n' | qmail-inject -fsender@example.org "$u1@$me"
waitfor 30 test -s "$h1/Mailbox"
waitfor 10 grep -q 'delivery [0-9]*: success' "$W/syslog"
mbox "$h1/Mailbox"
echo "Maildir messages: $(ls "$h1/Maildir/new" | wc -l)"
echo 'syslog lines tagged qmail, facility mail:'
grep -o '^<[0-9]*>.*qmail: [0-9.]* delivery [0-9]*: success' "$W/syslog" | sed 's/^\(<[0-9]*>\).* qmail: [0-9.]* /\1 qmail: STAMP /; s/delivery [0-9]*/delivery N/'
svc_stop boot83
echo '--- boot/maildir: ./Maildir/'
boot maildir
printf 'Subject: maildir\n\nto maildir\n' | qmail-inject -fsender@example.org "$u1@$me"
waitfor 30 sh -c "ls $h1/Maildir/new | grep -q ."
showmd "$h1/Maildir" | sed "s/$me/ME/g"
echo "Mailbox still holds $(grep -c '^From ' "$h1/Mailbox") message"
svc_stop boot83
echo '--- boot/home+df: ~/.forward first, else ./Mailbox'
printf '%s\n' "$u2" > "$h1/.forward"; chown "$u1:" "$h1/.forward"
boot home+df
printf 'Subject: home+df forwarded\n\nx\n' | qmail-inject -fsender@example.org "$u1@$me"
printf 'Subject: home+df direct\n\ny\n' | qmail-inject -fsender@example.org "$u2@$me"
waitfor 30 sh -c "test \$(grep -c '^From ' $h2/Mailbox 2>/dev/null) = 2"
mbox "$h2/Mailbox" | sort
echo "$(basename "$h1") Mailbox still holds $(grep -c '^From ' "$h1/Mailbox") message"
svc_stop boot83
