# 27-local-queue: local delivery through the whole real path (qmail-queue ->
# qmail-send -> qmail-lspawn -> qmail-local): a .qmail that forwards
# through the real qmail-queue to a second local user and keeps a copy;
# 60 messages delivered at once (concurrencylocal 20) into one mbox (flock)
# and one Maildir: every message arrives exactly once, intact, none
# interleaved; qmail-send's log shows qmail-local's "did" report; a
# permanent failure from a program becomes a bounce with its text.
# Does NOT test: the queue's own behaviour (10-13), remote delivery (4x).
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
qclean
rm -f "$T/log/q27"
luser l27b; B=$U; HB=$H
asu maildirmake Maildir
luser l27a; A=$U; HA=$H
asu maildirmake Maildir
me=$(cat "$QHOME/control/me")
echo "$me" > "$QHOME/control/locals"
echo 20 > "$QHOME/control/concurrencylocal"
printf './Maildir/\n&%s@%s\n' "$B" "$me" > $HA/.qmail-fwd
printf './mbox\n./Maildir/\n' > $HA/.qmail-many
printf '|echo "I do not want it"; exit 100\n' > $HA/.qmail-no
chmod 644 $HA/.qmail-*
qsend_start q27

echo '--- a forward through the real qmail-queue reaches the second user'
qp=$(printf 'Subject: forward me\n\nbody\n' | qinject "$A" "snd@$me" "$A-fwd@$me")
n=$(qmsgid q27 "$qp")
qwaitend q27 "$n"
qdels q27 "$n" | qnorm | sed 's/did_1+1+0\/qp_[0-9]*\//did_1+1+0\/qp_Q\//'
waitfor 30 qhas $HB/Maildir 'forward me'
showmaildir $HB/Maildir | sed -e "s/$A/USERA/g" -e "s/$B/USERB/g" -e "s/$me/ME/g"
showmaildir $HA/Maildir | sed -e "s/$A/USERA/g" -e "s/$me/ME/g"

echo '--- 60 messages at once into one mbox and one Maildir'
i=1
while [ $i -le 60 ]; do
  printf 'Subject: many %02d\n\nFrom line %d\n%s\n' $i $i "$(head -c 3000 /dev/zero | tr '\0' x)" \
    | qinject "$A" "snd@$me" "$A-many@$me" > /dev/null
  i=$((i + 1))
done
waitfor 90 sh -c "[ \$(python3 -c 'import mailbox,sys; print(len(mailbox.Maildir(sys.argv[1], create=False)))' $HA/Maildir) -ge 61 ]"
waitfor 30 sh -c "[ \$(grep -c '^From snd@' $HA/mbox) -ge 60 ]"
python3 - $HA/mbox $HA/Maildir <<'PY'
import mailbox, sys, collections
want = ['many %02d' % i for i in range(1, 61)]
for kind, box in (('mbox', mailbox.mbox(sys.argv[1], create=False)),
                  ('maildir', mailbox.Maildir(sys.argv[2], create=False))):
    subj = collections.Counter(m['Subject'] for m in box if m['Subject'].startswith('many'))
    intact = 0
    for m in box:
        if not m['Subject'].startswith('many'): continue
        n = int(m['Subject'].split()[1])
        body = m.get_payload()
        q = '>' if kind == 'mbox' else ''
        if body == '%sFrom line %d\n%s\n' % (q, n, 'x' * 3000) + ('' if kind == 'maildir' else ''):
            intact += 1
    print('%s: %d distinct, duplicates %d, missing %d, intact %d' % (kind, len(subj),
          sum(c - 1 for c in subj.values()), len(set(want) - set(subj)), intact))
PY
echo '--- qmail-send logged "did" reports for them'
grep -c 'success: did_2+0+0/' $T/log/q27

echo '--- a program exiting 100: the bounce carries its text'
qp=$(printf 'Subject: unwanted\n\nbody\n' | qinject "$A" "$A@$me" "$A-no@$me")
n=$(qmsgid q27 "$qp")
qwaitend q27 "$n"
qdels q27 "$n" | qnorm
waitfor 30 sh -c "python3 -c 'import mailbox,sys; sys.exit(0 if any(\"failure notice\" in (m[\"Subject\"] or \"\") for m in mailbox.Maildir(sys.argv[1], create=False)) else 1)' $HA/Maildir"
python3 - $HA/Maildir <<'PY'
import mailbox, sys
for m in mailbox.Maildir(sys.argv[1], create=False):
    if 'failure notice' in (m['Subject'] or ''):
        text = m.get_payload() if not m.is_multipart() else m.get_payload(0).get_payload()
        print('bounce says it:', 'I do not want it' in str(text))
PY
rm -f "$QHOME/control/concurrencylocal" "$QHOME/control/locals"
