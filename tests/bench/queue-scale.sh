#!/bin/sh
# tests/bench/queue-scale.sh: does the cost per message grow with the
# queue?  qmail-send runs with remote deliveries held (concurrencyremote
# 0); the queue is filled with P messages for a remote address (they stay
# queued, preprocessed), then 1000 messages for a local user are queued
# one after the other with qmail-queue and delivered into a Maildir.
# Printed three times for P = 1000 and for P = 100000: microseconds per
# qmail-queue run (wall clock, and CPU time user+system, which other work
# on the machine disturbs less), and per message from the first injection
# until all 1000 are delivered, with the load average.  Takes several minutes (filling runs 32 qmail-queue at
# once).  Same environment variables as tests/run (QUAIL_TESTTMP,
# QUAIL_TAG, QUAIL_DEV); BENCH_SMALL/BENCH_BIG/BENCH_N change the sizes.
TOP=$(cd "$(dirname "$0")/../.." && pwd); export TOP
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
set -e
SMALL=${BENCH_SMALL:-1000} BIG=${BENCH_BIG:-100000} N=${BENCH_N:-1000}
sandbox_ensure
svc_stop qbench 2>/dev/null || true
qclean
rm -f "$T/log/qbench"
u=$(tuser bench)
h=$T/users/bench
rm -rf "$h/Maildir"; qmaildir "$u" "$h/Maildir"
me=$(cat "$QHOME/control/me")
echo 0 > "$QHOME/control/concurrencyremote"
printf 'Subject: held\n\nheld\n' > "$T/bench.m"
printf 'F%s\0T%s\0\0' "$u@$me" "held@hold.invalid" > "$T/bench.e"
printf 'Subject: local\n\nlocal\n' > "$T/bench.lm"
printf 'F%s\0T%s\0\0' "$u@$me" "$u@$me" > "$T/bench.le"
qsend_start qbench

queued() { find "$QHOME/queue/info" -type f | wc -l; }
fill() {  # fill up to $1 held messages, wait until preprocessed
  _have=$(queued)
  [ "$_have" -lt "$1" ] && seq $(( $1 - _have )) | xargs -P 32 -n 50 sh -c \
    'q=$0 t=$1; shift; for i; do "$q/bin/qmail-queue" < "$t/bench.m" 1< "$t/bench.e" || exit 1; done' "$QHOME" "$T"
  waitfor 3600 sh -c "[ \$(ls $QHOME/queue/todo | wc -l) = 0 ]"
}
now() { date +%s%N; }
measure() {
  _before=$(qcount "$h/Maildir"); _q=$(queued)
  t0=$(now)
  cpu=$(python3 - "$QHOME/bin/qmail-queue" "$T/bench.lm" "$T/bench.le" "$N" <<'PY'
import resource, subprocess, sys
q, m, e, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
for i in range(n):
    with open(m, "rb") as fm, open(e, "rb") as fe:
        if subprocess.call([q], stdin=fm, stdout=fe) != 0:
            sys.exit("qmail-queue failed")
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print(int((r.ru_utime + r.ru_stime) * 1e6 / n))
PY
)
  t1=$(now)
  waitfor 3600 sh -c "[ \$(ls $h/Maildir/new | wc -l) -ge $((_before + N)) ]"
  t2=$(now)
  echo "queued $_q held: qmail-queue $(( (t1 - t0) / N / 1000 )) us/msg wall, $cpu us/msg cpu; queued-to-delivered $(( (t2 - t0) / N / 1000 )) us/msg; load $(cut -d' ' -f1 /proc/loadavg)"
}
fill "$SMALL"; measure; measure; measure
fill "$BIG"; measure; measure; measure
svc_stop qbench
rm -f "$QHOME/control/concurrencyremote"
qclean
