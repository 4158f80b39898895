#!/bin/sh
# prove/size.sh [SCALE]: hostile sizes through qmail-smtpd under tcpserver
# with no rlimit at all, each session generated on the fly by size.py:
# a 2^31-byte command line, a 4.5 GiB header line and a 4.5 GiB message
# (control/databytes raised to 5 GiB; the real qmail-queue stores them),
# a million RCPT commands; and a 4.5 GiB header line and a 4.5 GiB message
# through qmail-inject (its qmail-queue a sink that counts the bytes).
# Each must end with a clean reply or exit code; the peak resident memory
# of qmail-smtpd (GNU time's maximum RSS of the session) must stay under
# BOUND KiB.  SCALE=short: 1 MiB lines, a 16 MiB message, 10k RCPTs.
# Not tested: qmail-qmtpd/qmqpd sizes (netstring lengths are fuzzed).
. "$(dirname "$0")/common.sh"
BOUND=16384
sandbox_ensure >/dev/null || notrun size "sandbox build"
[ -x /usr/bin/time ] || notrun size "GNU time missing (tests/deps/prove.sh)"
if [ "${1:-$PROVE_SIZE}" = short ]; then
  CMD=1048576 HDR=1048576 MSG=16777216 RCPTS=10000 LABEL=short
else
  CMD=2147483648 HDR=4831838208 MSG=4831838208 RCPTS=1000000 LABEL=full
fi
prove_controls
echo 5368709120 > $C/databytes
rm -f $C/timeoutsmtpd
RSS=$T/size.rss; : > $RSS; chmod 666 $RSS
P=$(free_port)
tcp_start smtpdps $P /usr/bin/time -a -o $RSS -f %M setuidgid $U_D $QHOME/bin/qmail-smtpd || notrun size "tcpserver"
one() { # KIND N LABEL: one session; row with the reply and the session's peak RSS
  _before=$(wc -l < $RSS)
  _r=$(python3 "$TOP/tests/prove/size.py" $P $1 $2 2>&1)
  waitfor 30 sh -c "[ \$(wc -l < $RSS) -gt $_before ]"
  _k=$(tail -n 1 $RSS)
  case $1:$_r in
    cmdline:5[0-9][0-9]\ *|header:250\ queued*|header:5[0-9][0-9]\ *|message:250\ queued*|rcpt:rcpt\ 250x1000\ 452x*\ rset\ 250) _ok=ok ;;
    *) _ok=FAIL ;;
  esac
  row size "$3: reply" "$(echo "$_r" | cut -c1-30)" $_ok
  row size "$3: qmail-smtpd peak RSS KiB (bound $BOUND)" "$_k" "$([ "${_k:-999999}" -le $BOUND ] && echo ok || echo FAIL)"
  prove_controls; echo 5368709120 > $C/databytes
}
one cmdline $CMD "command line $CMD B"
one header $HDR "header line $HDR B"
# the big message: the stored file must hold every byte (no 32-bit size)
_before=$(wc -l < $RSS)
_r=$(python3 "$TOP/tests/prove/size.py" $P message $MSG 2>&1)
waitfor 30 sh -c "[ \$(wc -l < $RSS) -gt $_before ]"
_k=$(tail -n 1 $RSS)
stored=$(find $QHOME/queue/mess -type f -exec stat -c %s {} + | sort -n | tail -n 1)
row size "message $MSG B: reply" "$(echo "$_r" | cut -c1-30)" "$(case $_r in 250\ queued*) echo ok ;; *) echo FAIL ;; esac)"
# 1000-byte lines with CRLF are stored with LF: 999 of every 1000 bytes
row size "message $MSG B: bytes in the queue file" "${stored:-none}" "$([ "${stored:-0}" -ge $((MSG / 1000 * 999)) ] && echo ok || echo FAIL)"
row size "message $MSG B: qmail-smtpd peak RSS KiB" "$_k" "$([ "${_k:-999999}" -le $BOUND ] && echo ok || echo FAIL)"
prove_controls; echo 5368709120 > $C/databytes
one rcpt $RCPTS "$RCPTS RCPT commands"
svc_stop smtpdps
rm -f $C/databytes
# qmail-inject: a header line of HDR bytes, its qmail-queue a sink
printf '#!/bin/sh\ncat >/dev/null && exec cat <&1 >/dev/null\n' > $T/sinkq; chmod 755 $T/sinkq
python3 -c '
import sys
n = int(sys.argv[1]); o = sys.stdout.buffer
o.write(b"To: sink@quail.test\nX-Long: ")
big = b"a" * (1 << 20)
while n > 0:
    k = min(n, len(big)); o.write(big[:k]); n -= k
o.write(b"\n\nbody\n")' $HDR 2>/dev/null | QMAILQUEUE=$T/sinkq /usr/bin/time -o $T/inject.rss -f %M $QHOME/bin/qmail-inject > $T/inject.out 2>&1
rc=$?
k=$(tail -n 1 $T/inject.rss)
row size "qmail-inject header line $HDR B: exit code" "$rc $(head -c 40 $T/inject.out | tr '\n' ' ')" "$(case $rc in 0|100|111) echo ok ;; *) echo FAIL ;; esac)"
row size "qmail-inject header line: peak RSS KiB (bound $BOUND)" "$k" "$([ "${k:-999999}" -le $BOUND ] && echo ok || echo FAIL)"
# qmail-inject: a message of MSG bytes (1000-byte lines); the sink counts it
printf '#!/bin/sh\nwc -c > %s && exec cat <&1 >/dev/null\n' $T/inject.count > $T/countq; chmod 755 $T/countq
python3 -c '
import sys
n = int(sys.argv[1]); o = sys.stdout.buffer
o.write(b"To: sink@quail.test\nSubject: big\n\n")
big = (b"b" * 999 + b"\n") * 1024
while n > 0:
    k = min(n, len(big)); o.write(big[:k]); n -= k
' $MSG 2>/dev/null | QMAILQUEUE=$T/countq /usr/bin/time -o $T/inject.rss -f %M $QHOME/bin/qmail-inject > $T/inject.out 2>&1
rc=$?
k=$(tail -n 1 $T/inject.rss)
got=$(cat $T/inject.count 2>/dev/null)
row size "qmail-inject message $MSG B: exit code, bytes passed on" "$rc ${got:-none}" "$([ $rc = 0 ] && [ "${got:-0}" -gt $MSG ] && echo ok || echo FAIL)"
row size "qmail-inject message: peak RSS KiB (bound $BOUND)" "$k" "$([ "${k:-999999}" -le $BOUND ] && echo ok || echo FAIL)"
exit $PROVE_FAIL
