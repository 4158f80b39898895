# 55-qmqp: qmail-qmqpd under the real tcpserver with a small Python QMQP
# client (one message per connection, one response), malformed netstrings
# refused, bad addresses, databytes; then qmail-qmqpc, used exactly like
# qmail-queue (message on fd 0, envelope on fd 1), hands messages to that
# qmail-qmqpd on another loopback port: fallback past a dead server, IPv6,
# and its exit codes (55 no servers, 91 bad envelope, 11 long address,
# 54 truncated envelope, 31 D answer, 71 Z answer, 73 all refused).
# Does NOT test: the real qmail-queue behind qmqpd (56), timeouts (72).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/59-lib.inc"
set -e
sandbox_ensure
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in qmqpservers databytes; do rm -f "$C/$f"; done' EXIT
echo quail.test > $C/me
rm -f $C/databytes $C/qmqpservers
capsetup 55
qmqp() {
  python3 - "$@" <<'PY'
import socket, sys
def ns(b): return b'%d:%s,' % (len(b), b)
def pkg(msg, sender, rcpts): return ns(ns(msg) + ns(sender) + b''.join(ns(r) for r in rcpts))
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), 20)
s.sendall(eval(sys.argv[2]))
s.shutdown(socket.SHUT_WR)
data = b''
while True:
    d = s.recv(65536)
    if not d: break
    data += d
print('response', repr(data)[2:-1] if data else '(none)')
PY
}
QMQPD="setuidgid $U_D $QHOME/bin/qmail-qmqpd"
P=$(free_port)
: > $T/log/qmqpd55
tcp_start qmqpd55 $P env QMAILQUEUE=$T/capq.py CAPDIR=$CAP $QMQPD

echo '--- a QMQP client sends one message with two recipients; any domain is taken'
qmqp $P "pkg(b'Subject: qmqp\n\nbody\n', b's@src.test', [b'a@example.test', b'b@far.away.test'])" | norm
showcap | norm
echo '--- an address of 1000 bytes or with NUL refuses the message; no recipients too'
qmqp $P "pkg(b'x\n', b's@src.test', [b'a' * 1000])"
qmqp $P "pkg(b'x\n', b's\0@src.test', [b'a@b'])"
qmqp $P "pkg(b'x\n', b's@src.test', [])"
echo '--- databytes 5'
echo 5 > $C/databytes
qmqp $P "pkg(b'12345', b's@src.test', [b'a@b'])" | norm
qmqp $P "pkg(b'123456', b's@src.test', [b'a@b'])"
rm -f $C/databytes
count; rm -f $CAP/*
echo '--- malformed netstrings: no response, nothing queued'
for bad in "b'abc:'" "b'-5:' + ns(b'x')" "b'99999999999999999999999:'" "b'05:' + ns(b'x')" \
  "ns(ns(b'x\n') + ns(b's'))[:-1] + b'.'" "b'20:' + ns(b'x\n') + ns(b's')" "b'9:' + ns(b'x\n') + b'3:s,'" \
  "b'12:' + ns(b'x\n') + ns(b's') + b'1:'" "b'1000:' + ns(b'x\n')" "b''"; do
  printf '%s: ' "$bad"; qmqp $P "$bad"
done
count
grep -c 'qmail-qmqpd: fatal: protocol error' $T/log/qmqpd55

echo '--- qmail-qmqpc: message on fd 0, envelope on fd 1; a dead server first, then ours'
DEAD=$(free_port)
printf '# hubs\n127.0.0.1:%s\n\n127.0.0.1:%s\n' $DEAD $P > $C/qmqpservers
printf 'Subject: via qmqpc\n\nhello hub\n' > $T/m55
printf 'Fs@mini.test\0Ta@example.test\0Tb@far.test\0\0' > $T/e55
qmail-qmqpc < $T/m55 1< $T/e55 && echo "exit 0"
showcap | norm
echo '--- IPv6: [::1]:port'
P6=$(free_port)
svc_start qmqpd55v6 "exec tcpserver -R -H -c 20 ::1 $P6 env QMAILQUEUE=$T/capq.py CAPDIR=$CAP $QMQPD 2>>$T/log/qmqpd55v6"
waitfor 10 python3 -c "import socket; socket.create_connection(('::1', $P6), 1)"
printf '[::1]:%s\n' $P6 > $C/qmqpservers
qmail-qmqpc < $T/m55 1< $T/e55 && echo "exit 0"
showcap | norm | sed -n 2p
svc_stop qmqpd55v6
echo '--- exit codes: 91 bad envelope, 54 truncated, 11 long address, 31 D, 71 Z, 73 refused, 55 no usable or no server list'
printf '127.0.0.1:%s\n' $P > $C/qmqpservers
rc() { set +e; sh -c 'qmail-qmqpc < "$1" 1< "$2"' rc "$1" "$2"; echo "exit $?"; set -e; }
printf 'Xs\0Ta\0\0' > $T/e55b; rc $T/m55 $T/e55b
printf 'Fs\0Ta\0' > $T/e55b; rc $T/m55 $T/e55b
python3 -c "import sys; sys.stdout.buffer.write(b'Fs\0T' + b'a' * 1003 + b'\0\0')" > $T/e55b; rc $T/m55 $T/e55b
echo 5 > $C/databytes; rc $T/m55 $T/e55; rm -f $C/databytes
printf '#!/bin/sh\ncat >/dev/null; exit 71\n' > $T/q71.sh; chmod 755 $T/q71.sh
P71=$(free_port)
tcp_start qmqpd55z $P71 env QMAILQUEUE=$T/q71.sh $QMQPD
printf '127.0.0.1:%s\n' $P71 > $C/qmqpservers; rc $T/m55 $T/e55
svc_stop qmqpd55z
printf '127.0.0.1:%s\n' $DEAD > $C/qmqpservers; rc $T/m55 $T/e55
printf 'not an address\n' > $C/qmqpservers; rc $T/m55 $T/e55
rm -f $C/qmqpservers; rc $T/m55 $T/e55
count
