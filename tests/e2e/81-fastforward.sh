# 81-fastforward: Debian's fastforward 0.51 with quail, through `make
# debian-links` and the documented .qmail usage: ~alias/.qmail-default is
# `| fastforward -d ALIASES.cdb`; an aliases entry forwarding to two local
# users delivers to both through the real chain (qmail-inject -> qmail-queue
# -> qmail-send -> qmail-lspawn -> qmail-local as the alias user ->
# fastforward -> /var/lib/qmail/bin/qmail-queue (our link) -> qmail-send ->
# qmail-local as each user -> ./Maildir/), read back with Python's mailbox.
# Also: debian-links is idempotent and never replaces a real directory.
# /var/lib/qmail: see 81-debian.inc (private mount namespace; the host's
# /var/lib/qmail is not modified, and is as it was when the script exits).
# Not tested here: qmail-newaliases (it reads the fixed /etc/aliases; the
# file is written with setforward, which it runs), setmaillist/newinclude.
set -e
. "$TOP/tests/e2e/81-debian.inc"
. "$TOP/tests/lib.sh"
cleanup81() { rm -f "$QHOME/alias/.qmail-default"; _cleanup; }
trap cleanup81 EXIT
echo '--- make debian-links makes the two links'
ns_setup
ls -l /var/lib/qmail/bin/qmail-queue /var/lib/qmail/control | sed "s|.* /var|/var|; s|$QHOME|QHOME|g"
echo '--- run again, it changes nothing'
(cd "$SANDBOX" && make -s debian-links) | sed "s|$QHOME|QHOME|g"
echo '--- a real directory in the way is left alone (exit 111)'
rm /var/lib/qmail/control; mkdir /var/lib/qmail/control; touch /var/lib/qmail/control/keep
(cd "$SANDBOX" && sh src/sys/debian-links.sh) && echo "exit 0" || echo "exit $?"
ls /var/lib/qmail/control
rm -r /var/lib/qmail/control
(cd "$SANDBOX" && make -s debian-links) | sed "s|$QHOME|QHOME|g"

echo '--- an aliases entry forwarding to two local users'
me=$(head -n 1 "$QHOME/control/me")
mkuser ff1; u1=$U; h1=$H
mkuser ff2; u2=$U; h2=$H
printf 'fflist@%s: %s@%s, %s@%s;\n' "$me" "$u1" "$me" "$u2" "$me" > "$T/aliases"
setforward "$T/aliases.cdb" "$T/aliases.tmp" < "$T/aliases"
printforward < "$T/aliases.cdb" | sed "s/qt$TAG/qtT/g; s/$me/ME/g"
echo "| fastforward -d $T/aliases.cdb" > "$QHOME/alias/.qmail-default"
chmod 644 "$QHOME/alias/.qmail-default"
qsend_start ff81
printf 'To: fflist@%s\nSubject: aliased\n\nto the list\n' "$me" |
  qmail-inject -fsender@example.org fflist@"$me"
waitfor 30 sh -c "ls $h1/Maildir/new | grep -q . && ls $h2/Maildir/new | grep -q ."
for h in "$h1" "$h2"; do echo "$(basename "$h"):"; showmd "$h/Maildir" | sed "s/$me/ME/g"; done
echo '--- an address not in the file bounces (fastforward exit 100)'
printf 'Subject: nobody\n\nx\n' | qmail-inject -f "$u1@$me" nosuchalias@"$me"
waitfor 30 sh -c "ls $h1/Maildir/new | wc -l | grep -q 2"
showmd "$h1/Maildir" | grep -c 'failure notice' || true
grep -l 'Sorry, no mailbox here by that name' "$h1"/Maildir/new/* | wc -l
