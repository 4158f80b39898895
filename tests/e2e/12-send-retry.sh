# 12-send-retry: a delivery that fails temporarily stays queued; on TERM
# qmail-send writes the next attempt (qmail's schedule: birth + 10^2 s for
# a first local retry) as the channel file's mtime; after a restart ALRM
# retries at once and the message is delivered; a message older than
# queuelifetime gets one last attempt and is then bounced with qmail's
# sentence; bouncemaxbytes cuts the copy of the message in a bounce.
# Not tested here: the later steps of the schedule (they take hours),
# remote retries, crashes (13).
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
sandbox_ensure
qclean
rm -f "$T/log/q12"
a=$(tuser s12a)
h=$T/users/s12a
rm -rf "$h/Maildir" "$h/ok"; qmaildir "$a" "$h/Maildir"
me=$(cat "$QHOME/control/me")
setuidgid "$a" sh -c "printf '%s\n' '|test -f $h/ok || { echo not yet; exit 111; }' ./Maildir/ > $h/.qmail-retry"
qsend_start q12

echo '--- a temporary failure is deferred and the message stays queued'
qp=$(printf 'Subject: retry\n\nlater\n' | qinject "$a" "$a@$me" "$a-retry@$me")
n=$(qmsgid q12 "$qp")
qwaitdel q12 "$n" "deferral: not_yet"
qdels q12 "$n" | qnorm
s=$((n % $(head -n 1 "$SANDBOX/conf-split")))
tr '\0' '\n' < "$QHOME/queue/local/$s/$n" | sed "s/$a/ALICE/"

echo '--- TERM writes the next attempt as the mtime: birth + (10 + k)^2 s'
svc_stop q12
tail -n 1 "$T/log/q12"
python3 -c 'import math,sys; d = int(sys.argv[1]); r = math.isqrt(d); print("square of 10 + k" if r * r == d and 10 <= r <= 12 else d)' \
  $(( $(stat -c %Y "$QHOME/queue/local/$s/$n") - $(stat -c %Y "$QHOME/queue/info/$s/$n") ))

echo '--- after a restart, ALRM retries at once and the message is delivered'
qsend_start q12
setuidgid "$a" touch "$h/ok"
kill -ALRM "$(qsend_pid q12)"
qwaitend q12 "$n"
qdels q12 "$n" | tail -n 1 | qnorm
qcount "$h/Maildir"

echo '--- past queuelifetime: one last attempt, then a bounce with the sentence'
rm -f "$h/ok"
qp=$(printf 'Subject: too old\n\nold body\n' | qinject "$a" "$a@$me" "$a-retry@$me")
n=$(qmsgid q12 "$qp")
qwaitdel q12 "$n" "deferral: not_yet"
touch -d '8 days ago' "$QHOME/queue/info/$((n % $(head -n 1 "$SANDBOX/conf-split")))/$n"
kill -ALRM "$(qsend_pid q12)"
qwaitend q12 "$n"
qdels q12 "$n" | qnorm
waitfor 20 qhas "$h/Maildir" "failure notice"
qbounce "$h/Maildir" "$me" "$a"

echo '--- bouncemaxbytes cuts the copy of the message'
svc_stop q12
echo 200 > "$QHOME/control/bouncemaxbytes"
qsend_start q12
python3 -c 'print("Subject: big\n\n" + "x" * 100000)' | qinject "$a" "$a@$me" "nosuchuser@$me" >/dev/null
waitfor 20 sh -c "ls $h/Maildir/new | wc -l | grep -q '^3\$'"
python3 - "$h/Maildir" <<'PY'
import mailbox, sys
for m in mailbox.Maildir(sys.argv[1], create=False):
    body = m.get_payload()
    if "<nosuchuser@" in body:
        copy = body.split("--- Below this line is a copy of the message.\n\n", 1)[1]
        print("copy bytes after Return-Path:", len(copy.split("\n", 1)[1].encode()))
PY
svc_stop q12
rm -f "$QHOME/control/bouncemaxbytes"
