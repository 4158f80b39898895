#!/bin/sh
# prove/load.sh [TOTAL] [SESSIONS]: load through the whole system: qmail-smtpd
# under tcpserver -c SESSIONS (500), SESSIONS concurrent sessions of which
# 20 are slow clients (HELO, then silence) and the rest send TOTAL tagged
# messages (PROVE_LOAD, default 100000) to one local user; the real
# qmail-queue, qmail-send and qmail-local deliver them to a Maildir.
# Wanted: every message answered 250 is delivered exactly once and whole
# (Python's mailbox), the slow clients are dropped by timeoutsmtpd (10 s),
# and memory stays bounded (per-session peak RSS by GNU time; total RSS of
# all qmail-smtpd processes sampled from /proc).
# Not tested: remote delivery under load, many local users.
. "$(dirname "$0")/common.sh"
N=${1:-${PROVE_LOAD:-100000}}
S=${2:-500}
BOUND=16384
prove_setup load
[ -x /usr/bin/time ] || notrun load "GNU time missing (tests/deps/prove.sh)"
echo 10 > $C/timeoutsmtpd; echo 20 > $C/concurrencylocal
rm -f $C/databytes
u=$(prove_user pl) || notrun load "test user"
: > $T/log/pl
qsend_start pl || notrun load "qmail-start"
RSS=$T/load.rss; : > $RSS; chmod 666 $RSS
P=$(free_port)
svc_start smtpdpl "exec tcpserver -R -H -l 127.0.0.1 -c $S -b $S 127.0.0.1 $P /usr/bin/time -a -o $RSS -f %M setuidgid $U_D $QHOME/bin/qmail-smtpd 2>>$T/log/smtpdpl" && wait_port $P \
  || notrun load "tcpserver"
t0=$(date +%s)
set -- $(python3 "$TOP/tests/prove/load.py" $P $u $N $S 20 $T/pl.ids $QHOME/bin/qmail-smtpd)
t1=$(date +%s)
sent=$2 ok=$4 temp=$6 perm=$8 errs=${10} dropped=${12} peaktotal=${14}
n=0; while [ $n -lt 900 ] && [ -n "$(find $QHOME/queue/todo $QHOME/queue/info -type f)" ]; do sleep 1; n=$((n + 1)); done
t2=$(date +%s)
svc_stop smtpdpl; svc_stop pl
set -- $(python3 "$TOP/tests/prove/msgs.py" account $T/users/pl/Maildir $T/pl.ids)
missing=$2 dups=$6
partial=$(python3 - $T/users/pl/Maildir <<'PY'
import mailbox, sys
bad = 0
for m in mailbox.Maildir(sys.argv[1], create=False):
    if m.get_payload() != 'load line\n' * 20 + 'end\n': bad += 1
print(bad)
PY
)
peak1=$(sort -n $RSS | tail -n 1)
row load "messages sent in $S concurrent sessions (20 slow)" "$sent" info
row load "answered 250 / 4xx / 5xx / conn errors" "$ok / $temp / $perm / $errs" "$([ "$ok" -gt 0 ] && [ "$perm" = 0 ] && echo ok || echo FAIL)"
row load "250'd messages lost / partial" "$missing / $partial" "$([ "$missing/$partial" = 0/0 ] && echo ok || echo FAIL)"
row load "duplicates" "$dups" "$([ "$dups" = 0 ] && echo ok || echo FAIL)"
row load "slow clients dropped by the server" "$dropped/20" "$([ "$dropped" = 20 ] && echo ok || echo FAIL)"
row load "per-session qmail-smtpd peak RSS KiB (bound $BOUND)" "$peak1" "$([ "${peak1:-999999}" -le $BOUND ] && echo ok || echo FAIL)"
row load "all qmail-smtpd together, peak RSS KiB" "$peaktotal" info
row load "seconds to accept / to deliver all" "$((t1 - t0)) / $((t2 - t0))" info
exit $PROVE_FAIL
