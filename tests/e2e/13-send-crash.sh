# 13-send-crash: kill -9 of qmail-send and all its children (spawns,
# qmail-clean, running qmail-local) twice in the middle of a batch of 300
# messages that is still being queued; supervise restarts qmail-start;
# every message is delivered, none is truncated, duplicates stay within
# the deliveries that were running, and the queue ends empty.  A bounce
# paragraph that was written before a crash (but the recipient not yet
# marked done) is not repeated when the delivery is redone.
# Not tested here: power loss (the fsyncs make it the same case, but only
# a VM could prove it), remote deliveries.
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
sandbox_ensure
qclean
rm -f "$T/log/q13"
a=$(tuser s13a)
h=$T/users/s13a
rm -rf "$h/Maildir"; qmaildir "$a" "$h/Maildir"
me=$(cat "$QHOME/control/me")
N=300
qsend_start q13

tree() { for _c in $(ps -o pid= --ppid "$1"); do tree "$_c"; done; echo "$1"; }
crash() {
  _p=$(qsend_pid q13)
  _all=$(tree "$_p")
  kill -9 $_all 2>/dev/null || true  # a short-lived child may be gone already
  echo "$_all" | wc -l > "$T/q13.killed.$1"
}

echo "--- $N messages queued while qmail-send is killed twice"
(
  i=1
  while [ $i -le $N ]; do
    python3 -c 'import sys; i = int(sys.argv[1]); print("Subject: m%d\n" % i); print(("line %d of message %d\n" % (i, i)) * 200, end="")' $i \
      | qinject "$a" "$a@$me" "$a@$me" >/dev/null || echo "qmail-queue failed for $i"
    i=$((i + 1))
  done
) &
injector=$!
waitfor 60 sh -c "[ \$(ls $h/Maildir/new | wc -l) -ge 40 ]"
crash 1
waitfor 60 sh -c "svstat $T/svc/q13 | grep -q ': up'"
waitfor 60 grep -q '^status: local' "$T/log/q13"
waitfor 60 sh -c "[ \$(ls $h/Maildir/new | wc -l) -ge 150 ]"
crash 2
wait $injector
echo queued
echo '--- after the restarts every message arrives whole'
waitfor 100 sh -c "[ \$(find $QHOME/queue/info $QHOME/queue/todo -type f | wc -l) = 0 ]" || echo 'queue not empty'
python3 - "$h/Maildir" "$N" <<'PY'
import mailbox, sys
n = int(sys.argv[2])
seen = {}
bad = 0
for m in mailbox.Maildir(sys.argv[1], create=False):
    s = m["Subject"]
    i = int(s[1:])
    seen[i] = seen.get(i, 0) + 1
    if m.get_payload() != ("line %d of message %d\n" % (i, i)) * 200:
        bad += 1
missing = [i for i in range(1, n + 1) if i not in seen]
dups = sum(c - 1 for c in seen.values())
print("delivered", len(seen), "missing", len(missing), "truncated or damaged", bad)
print("duplicates within the 2 x 10 deliveries that can run:", "yes" if dups <= 20 else "no (%d)" % dups)
sys.stderr.write("duplicates: %d\n" % dups)
PY
grep -c '^status: local 0/10 remote 0/20$' "$T/log/q13" >/dev/null && echo log ok
svc_stop q13
echo '--- the queue is empty'
find "$QHOME/queue" -type f ! -path '*/lock/*' | wc -l

echo '--- a bounce paragraph written just before a crash is not written twice'
echo 0 > "$QHOME/control/concurrencylocal"
qsend_start q13
qp=$(printf 'Subject: bb\n\nonce\n' | qinject "$a" "$a@$me" "nosuchuser@$me")
n=$(qmsgid q13 "$qp")
s=$((n % $(head -n 1 "$SANDBOX/conf-split")))
waitfor 20 test -f "$QHOME/queue/local/$s/$n"
svc_stop q13
rm -f "$QHOME/control/concurrencylocal"
printf '<nosuchuser@%s>:\nwritten before the crash\n\n' "$me" > "$QHOME/queue/bounce/$n"
chown "$U_S" "$QHOME/queue/bounce/$n"; chmod 600 "$QHOME/queue/bounce/$n"
qsend_start q13
qwaitend q13 "$n"
waitfor 20 qhas "$h/Maildir" "failure notice"
python3 - "$h/Maildir" "$me" <<'PY'
import mailbox, sys
for m in mailbox.Maildir(sys.argv[1], create=False):
    if m["Subject"] == "failure notice":
        body = m.get_payload().split("--- Below this line")[0]
        print(body.split("\n\n", 1)[1].replace(sys.argv[2], "ME"), end="")
PY
svc_stop q13
