# 44-remote-tcpto-sink: the lock/tcpto table (a connect that times out is
# recorded, qmail-tcpto shows it, an address with two recent timeouts is
# skipped, one with one is not, a good connect clears the entry,
# qmail-tcpok clears the table),
# and Postfix's smtp-sink (extracted by tests/deps/remote.sh, never
# installed) as a well-behaved and a refusing peer.
# The tarpit is a listener with a full backlog, so connects time out.
# Not tested here: the 120-second rule between counted timeouts (it would
# need a clock), the table's replacement policy when all 64 slots are used.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
C=$QHOME/control
echo quail.test > "$C/me"
echo 1 > "$C/timeoutconnect"
echo 10 > "$C/timeoutremote"
printf 'Subject: sink\n\nhello sink\n' > "$T/m44"
rem() { qmail-remote "$1" s@src.test "$2" < "$T/m44" | tr '\000' '%'; echo; }
tcpto() { qmail-tcpto | sed 's/ [0-9]* seconds ago/ N seconds ago/; s/hash [0-9a-f]*/hash H/'; }

TP=$(free_port)
rm -f "$T/tarpit44.ready"
svc_start tarpit44 "exec python3 -c '
import socket, time
s = socket.socket(); s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s.bind((\"127.0.0.1\", $TP)); s.listen(0)
c = socket.create_connection((\"127.0.0.1\", $TP))
s6 = socket.socket(socket.AF_INET6); s6.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
s6.bind((\"::1\", $TP)); s6.listen(0)
c6 = socket.create_connection((\"::1\", $TP))
open(\"$T/tarpit44.ready\", \"w\").close()
time.sleep(3600)'"
waitfor 10 test -f "$T/tarpit44.ready"

echo '--- qmail-tcpok empties the table'
qmail-tcpok; echo "exit $?"
tcpto; echo "(end of table)"

echo '--- a connect timeout is recorded (IPv4 and IPv6)'
printf '%s\n' "v6.example:[IPv6:::1]:$TP" ":[127.0.0.1]:$TP" > "$C/smtproutes"
rem example.org a@example.org
rem v6.example a@v6.example
tcpto

echo '--- an address with two recent timeouts is skipped, even when it answers now'
SP=$(free_port)
PD=$T/peer44
rm -rf "$PD"; mkdir -p "$PD"
svc_start peer44 "exec python3 $TOP/tests/e2e/40-peer.py $PD 127.0.0.2:$SP"
waitfor 10 test -f "$PD/pid"
# settimeouts COUNT: the table says 127.0.0.2 timed out COUNT times, just now
settimeouts() {
  python3 - "$QHOME/queue/lock/tcpto" "$1" <<'PY'
import sys, time, struct
t = bytearray(1024)
t[0:16] = bytes([127, 0, 0, 2, int(sys.argv[2]), 0, 0, 0]) + struct.pack('<I', int(time.time())) + bytes(4)
open(sys.argv[1], 'r+b').write(t)
PY
}
settimeouts 2
echo ":[127.0.0.2]:$SP" > "$C/smtproutes"
rem example.org a@example.org
[ ! -f "$PD/conns" ] && echo "no connection was made"
tcpto

echo '--- one recent timeout is not enough to skip; a good connect clears the entry'
settimeouts 1
tcpto
rem example.org a@example.org
tcpto; echo "(end of table)"

echo '--- two timeouts again, then qmail-tcpok: tried and delivered'
settimeouts 2
qmail-tcpok
rem example.org a@example.org
tcpto; echo "(end of table)"

echo '--- smtp-sink, a good peer: the message and the envelope arrive'
P=$TOP/tests/tmp/peers/postfix/usr
[ -x "$P/sbin/smtp-sink" ] || { echo "smtp-sink missing: run tests/deps/remote.sh"; exit 1; }
SK=$(free_port)
mkdir -p "$T/sink44"; rm -f "$T/sink44"/*; chown nobody "$T/sink44"
svc_start sink44 "LD_LIBRARY_PATH=$P/lib/postfix exec $P/sbin/smtp-sink -u nobody -d $T/sink44/%M%S. 127.0.0.1:$SK 10"
wait_port "$SK"
echo ":[127.0.0.1]:$SK" > "$C/smtproutes"
rem example.org alice@example.org | sed 's/^Remote host said: 250 2.0.0 Ok.*/Remote host said: 250 2.0.0 Ok.../'
f=$(ls "$T/sink44"/* | head -n 1)
grep -E '^X-(Mail|Rcpt)-Args' "$f"
grep -c 'hello sink' "$f"

echo '--- smtp-sink refusing RCPT (450): s, then Z'
svc_stop sink44
svc_start sink44 "LD_LIBRARY_PATH=$P/lib/postfix exec $P/sbin/smtp-sink -u nobody -r RCPT 127.0.0.1:$SK 10"
wait_port "$SK"
rem example.org alice@example.org

echo '--- smtp-sink closing the connection at DATA: Z connection died'
svc_stop sink44
svc_start sink44 "LD_LIBRARY_PATH=$P/lib/postfix exec $P/sbin/smtp-sink -u nobody -q DATA 127.0.0.1:$SK 10"
wait_port "$SK"
rem example.org alice@example.org
