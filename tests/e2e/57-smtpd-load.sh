# 57-smtpd-load: Postfix's smtp-source (extracted by tests/deps/smtpd.sh)
# sends 20 parallel sessions of 50 messages each (QUAIL_LOAD=full: 500
# each) to qmail-smtpd under tcpserver; the real qmail-queue, qmail-send
# and qmail-local deliver them to a Maildir.  Every message, told apart by
# the sequence number smtp-source puts in its recipient, arrives exactly
# once (read with Python's mailbox).  Prints the rates it measured on
# stderr, never asserts them.
# Does NOT test: remote delivery, crash safety under load.
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
set -e
PF=$TOP/tests/tmp/peers/postfix
[ -x "$PF/usr/sbin/smtp-source" ] || { echo "smtp-source missing: run tests/deps/smtpd.sh" >&2; exit 1; }
sandbox_ensure
qclean
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in rcpthosts locals virtualdomains; do rm -f "$C/$f"; done' EXIT
echo quail.test > $C/me
echo quail.test > $C/locals
echo load.test > $C/rcpthosts
u=$(tuser s57)
echo "load.test:$u" > $C/virtualdomains
rm -f $C/databytes $C/badmailfrom $C/localiphost $C/timeoutsmtpd $C/morercpthosts.cdb $C/smtpgreeting $C/concurrencylocal
rm -rf $T/users/s57/Maildir; qmaildir $u $T/users/s57/Maildir
setuidgid $u sh -c "echo ./Maildir/ > $T/users/s57/.qmail-default"
per=50; [ "$QUAIL_LOAD" = full ] && per=500
total=$((20 * per))
: > $T/log/q57
qsend_start q57
P=$(free_port)
: > $T/log/smtpd57
tcp_start smtpd57 $P setuidgid $U_D $QHOME/bin/qmail-smtpd

echo "--- smtp-source: 20 sessions x $per messages, each to its own numbered recipient"
t0=$(date +%s.%N)
LD_LIBRARY_PATH=$PF/usr/lib/postfix $PF/usr/sbin/smtp-source -s 20 -m $total -d -N -l 1000 \
  -M client.test -f s@src.test -t x@load.test 127.0.0.1:$P && echo "smtp-source rc 0"
t1=$(date +%s.%N)
grep -c 'result 250 queued' $T/log/smtpd57 | sed "s/^$total\$/every message queued/"
echo '--- every message is in the Maildir exactly once'
waitfor 300 sh -c "[ \$(ls $T/users/s57/Maildir/new | wc -l) -ge $total ]" || true
t2=$(date +%s.%N)
python3 - $T/users/s57/Maildir $total $u <<'PY'
import collections, mailbox, re, sys
box, total, user = mailbox.Maildir(sys.argv[1], create=False), int(sys.argv[2]), sys.argv[3]
seen = collections.Counter()
for m in box:
    d = m['Delivered-To']
    r = re.fullmatch(re.escape(user) + r'-(\d+)x@load\.test', d or '')
    seen[int(r.group(1)) if r else d] += 1
print('messages', sum(seen.values()), 'distinct', len(seen))
dups = [k for k, n in seen.items() if n > 1]
print('duplicates', len(dups))
nums = sorted(k for k in seen if isinstance(k, int))
print('numbered 1..N' if nums == list(range(nums[0], nums[0] + total)) and len(nums) == total else 'numbers wrong')
PY
python3 -c "import sys; a,b,c,n=map(float,sys.argv[1:]); sys.stderr.write('57-smtpd-load: %d messages: queued in %.1fs (%.0f/s), all delivered after %.1fs (%.0f/s)\n' % (n, b-a, n/(b-a), c-a, n/(c-a)))" $t0 $t1 $t2 $total
