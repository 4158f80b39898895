# 82-dot-forward: Debian's dot-forward 0.71 with quail, through `make
# debian-links` and its documented .qmail usage: a user's ~/.qmail is
# `|dot-forward .forward` followed by `./Maildir/`.  The ~/.forward names
# another local user (unqualified: dot-forward qualifies it from
# /var/lib/qmail/control, our link), the user himself (direct delivery:
# dot-forward exits 0 and the next .qmail line delivers) and a program.
# The message goes through the real chain (qmail-inject -> qmail-queue ->
# qmail-send -> qmail-local -> dot-forward -> /var/lib/qmail/bin/qmail-queue
# (our link) -> qmail-send -> qmail-local) and is read back with Python's
# mailbox; the forwarded copy keeps the original sender (NEWSENDER).
# Also: a .forward without the user himself stops at dot-forward (exit 99).
# /var/lib/qmail: see 81-debian.inc (private mount namespace; the host's
# /var/lib/qmail is not modified, and is as it was when the script exits).
# Not tested here: the boot/*+df variants (83 runs home and maildir).
set -e
. "$TOP/tests/e2e/81-debian.inc"
. "$TOP/tests/lib.sh"
ns_setup >/dev/null
me=$(head -n 1 "$QHOME/control/me")
mkuser df2; u2=$U; h2=$H
mkuser df1; u1=$U; h1=$H
printf '|dot-forward .forward\n./Maildir/\n' > "$h1/.qmail"
printf '%s\n%s\n"|cat > %s/prog.out"\n' "$u2" "$u1" "$h1" > "$h1/.forward"
chown "$u1:" "$h1/.qmail" "$h1/.forward"; chmod 644 "$h1/.qmail" "$h1/.forward"
echo '--- ~/.forward: another user, the user himself, a program'
sed "s/qt$TAG/qtT/g; s|$h1|H1|" "$h1/.forward"
rm -f "$T/log/df82"; qsend_start df82
printf 'Subject: forwarded\n\nvia dot-forward\n' | qmail-inject -fsender@example.org "$u1@$me"
waitfor 30 sh -c "ls $h1/Maildir/new | grep -q . && ls $h2/Maildir/new | grep -q . && test -s $h1/prog.out"
for h in "$h1" "$h2"; do echo "$(basename "$h"):"; showmd "$h/Maildir" | sed "s/$me/ME/g"; done
echo 'program got:'
grep -E '^(Return-Path|Delivered-To|Subject):|^via' "$h1/prog.out" | sed "s/qt$TAG/qtT/g; s/$me/ME/g"
echo '--- without the user in ~/.forward, ./Maildir/ is skipped (dot-forward exit 99)'
printf '%s\n' "$u2" > "$h1/.forward"
printf 'Subject: second\n\nonly forwarded\n' | qmail-inject -fsender@example.org "$u1@$me"
waitfor 30 sh -c "ls $h2/Maildir/new | wc -l | grep -q 2"
# both deliveries of each message have ended (4 in all): nothing more can come
waitfor 30 sh -c "test \$(grep -c 'delivery [0-9]*: success' $T/log/df82) = 4"
echo "df1 messages: $(ls "$h1/Maildir/new" | wc -l), df2 messages: $(ls "$h2/Maildir/new" | wc -l)"
