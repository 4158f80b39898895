# 14-send-flood: a flood in todo/ does not hold deliveries back (qmail's
# "silly qmail syndrome"): 600 messages are queued while qmail-send is
# down; when it starts, it preprocesses todo/ in batches of 20 and starts
# deliveries between batches; all 600 arrive.  The mess/ sweep removes a
# message file left by a qmail-queue killed 36 hours ago.
# Not tested here: timing (no timed assertions; the log order shows it).
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
sandbox_ensure
qclean
rm -f "$T/log/q14"
u=$(tuser s14a)
h=$T/users/s14a
rm -rf "$h/Maildir"; qmaildir "$u" "$h/Maildir"
me=$(cat "$QHOME/control/me")
N=600

echo "--- $N messages wait in todo/ while qmail-send is down"
printf 'Subject: flood\n\nflood\n' > "$T/m14"
printf 'F%s\0T%s\0\0' "$u@$me" "$u@$me" > "$T/e14"
seq $N | xargs -P 16 -n 50 sh -c 'q=$0 t=$1; shift; for i; do "$q/bin/qmail-queue" < "$t/m14" 1< "$t/e14" || exit 1; done' "$QHOME" "$T"
ls "$QHOME/queue/todo" | wc -l

echo '--- a message file left by a killed qmail-queue, 2 days old'
printf 'Fa@b\0Tc@d\0\0' > "$T/e14b"; rm -f "$T/f14"; mkfifo "$T/f14"
"$QHOME/bin/qmail-queue" < "$T/f14" 1< "$T/e14b" & p=$!
exec 9> "$T/f14"
waitfor 10 sh -c "[ \$(find $QHOME/queue/mess -type f | wc -l) -gt $N ]"
kill -9 $p; wait $p >/dev/null 2>&1 || true; exec 9>&-
left=$(for f in $(find "$QHOME/queue/mess" -type f); do [ -e "$QHOME/queue/todo/$(basename $f)" ] || echo "$f"; done)
echo "$left" | wc -l
touch -a -d '2 days ago' "$left"

echo '--- qmail-send starts deliveries before todo/ is worked through'
qsend_start q14
waitfor 100 sh -c "[ \$(ls $h/Maildir/new | wc -l) -ge $N ]"
awk '/^new msg / { n++ } /^starting delivery / && !d { d = 1; before = n }
  END { print "new msg lines before the first delivery:", (before <= 20 ? "at most one batch of 20" : before); print "all new msg lines:", n }' "$T/log/q14"
qcount "$h/Maildir"
echo '--- the leftover is gone, the queue is empty'
waitfor 30 sh -c "[ ! -e '$left' ]" && echo gone
waitfor 30 sh -c "[ \$(find $QHOME/queue -type f ! -path '*/lock/*' | wc -l) = 0 ]" && echo empty
svc_stop q14
