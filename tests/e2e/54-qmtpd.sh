# 54-qmtpd: qmail-qmtpd under the real tcpserver, driven by a small Python
# QMTP client: several packages on one connection, LF and CR (CRLF->LF)
# messages, one response per recipient in order, rcpthosts and RELAYCLIENT,
# unacceptable sender/recipient, databytes, and malformed netstrings
# (non-digits, sign, overflow, leading zero, missing comma, short stream,
# bad mode byte, empty message): each ends the connection with no response
# and nothing queued.
# Does NOT test: the real qmail-queue (56), the 3600 s session cap.
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/59-lib.inc"
set -e
sandbox_ensure
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in rcpthosts databytes; do rm -f "$C/$f"; done' EXIT
echo quail.test > $C/me
printf 'example.test\n' > $C/rcpthosts
rm -f $C/databytes $C/morercpthosts.cdb
capsetup 54
# qmtp PORT EXPR: EXPR (Python) gives the bytes to send; ns(b) makes a
# netstring, pkg(msg, sender, rcpts, mode) a QMTP package.  Prints each
# response netstring, or "closed" when the server hangs up.
qmtp() {
  python3 - "$@" <<'PY'
import socket, sys
def ns(b): return b'%d:%s,' % (len(b), b)
def pkg(msg, sender, rcpts, mode=b'\n'): return ns(mode + msg) + ns(sender) + ns(b''.join(ns(r) for r in rcpts))
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), 20)
s.sendall(eval(sys.argv[2]))
s.shutdown(socket.SHUT_WR)
data = b''
while True:
    d = s.recv(65536)
    if not d: break
    data += d
while data:
    n, _, rest = data.partition(b':')
    n = int(n)
    print('response', rest[:n].decode(), 'comma' if rest[n:n+1] == b',' else 'NO COMMA')
    data = rest[n+1:]
print('closed')
PY
}
P=$(free_port)
: > $T/log/qmtpd54
tcp_start qmtpd54 $P env QMAILQUEUE=$T/capq.py CAPDIR=$CAP setuidgid $U_D $QHOME/bin/qmail-qmtpd

echo '--- two packages on one connection; one response per recipient, in order'
qmtp $P "pkg(b'Subject: lf\n\nline\n', b's@src.test', [b'a@example.test', b'x@evil.test', b'b@EXAMPLE.test']) + pkg(b'Subject: cr\r\n\r\nline\r\na\rb\r\n\r', b'', [b'c@example.test'], b'\r')" | norm
showcap | norm

echo '--- a sender of 1000 bytes or with NUL: every recipient refused'
qmtp $P "pkg(b'x\n', b'a' * 1000, [b'a@example.test', b'b@example.test']) + pkg(b'x\n', b's\0@src.test', [b'a@example.test'])"
echo '--- a recipient of 1000 bytes or with NUL is refused; the others pass'
qmtp $P "pkg(b'x\n', b's@src.test', [b'a' * 988 + b'@example.test', b'b\0@example.test', b'c@example.test'])" | norm
count; rm -f $CAP/*

echo '--- databytes 10: 10 bytes pass (after CRLF->LF), 11 do not'
echo 10 > $C/databytes
qmtp $P "pkg(b'123456789\r\n', b's@src.test', [b'a@example.test'], b'\r') + pkg(b'1234567890\n', b's@src.test', [b'a@example.test', b'b@example.test'])" | norm
count; rm -f $CAP/* $C/databytes

echo '--- RELAYCLIENT: any domain, suffix appended'
P2=$(free_port)
tcp_start qmtpd54r $P2 env RELAYCLIENT=.relay QMAILQUEUE=$T/capq.py CAPDIR=$CAP setuidgid $U_D $QHOME/bin/qmail-qmtpd
qmtp $P2 "pkg(b'x\n', b's@src.test', [b'a@evil.test'])" | norm
showcap | sed -n 1p
svc_stop qmtpd54r

echo '--- malformed netstrings: no response, connection closed, nothing queued'
for bad in "b'abc:x,'" "b'-1:x,'" "b'99999999999999999999:x,'" "b'184467440737095516160:x,'" "b'01:\n,'" \
  "b'2:\nx' + ns(b's') + ns(ns(b'a@example.test'))" "b'100:\nshort'" "b'2:Xa,' + ns(b's') + ns(ns(b'a@example.test'))" \
  "b'0:,' + ns(b's') + ns(ns(b'a@example.test'))" "pkg(b'x\n', b's', [b'a@example.test'])[:-1] + b'X'" \
  "ns(b'\nx') + ns(b's') + b'5:2:a,,'" "ns(b'\nx') + b':' "; do
  printf '%s: ' "$bad"; qmtp $P "$bad"
done
count
grep -c 'qmail-qmtpd: fatal: protocol error' $T/log/qmtpd54
