# 51-smtpd-relay: the relay matrix.  With RELAYCLIENT unset, only domains
# in control/rcpthosts or control/morercpthosts.cdb are accepted, and no
# trick (case, trailing dot, source route, percent hack, bang path, quoted
# local part, backslash, ""@host, [IPv4] and [IPv6:...] literals) gets a
# foreign domain into the envelope.  RELAYCLIENT (empty or not) relays and
# is appended.  A missing rcpthosts refuses every domain (not qmail's open
# relay) and logs a warning.  localiphost turns our own literals into a name.
# Does NOT test: DATA (52), delivery: an accepted "a%b@ours" is only shown
# to stay addressed to our domain, what qmail-send does with it is not here.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in rcpthosts morercpthosts morercpthosts.cdb localiphost; do rm -f "$C/$f"; done' EXIT
echo quail.test > $C/me
printf 'example.test\n.sub.example.test\n' > $C/rcpthosts
printf 'more.test\n# comment\n.deep.test\n' | python3 $TOP/tests/e2e/58-cdbmake.py $C/morercpthosts.cdb
rm -f $C/smtpgreeting $C/databytes $C/badmailfrom $C/localiphost $C/timeoutsmtpd
CAP=$T/cap51; rm -rf $CAP; mkdir -p $CAP; chmod 777 $CAP
cat > $T/capq.sh <<'Q'
#!/bin/sh
cat > "$CAPDIR/msg.$$" && cat <&1 > "$CAPDIR/env.$$" && exit 0
exit 54
Q
chmod 755 $T/capq.sh
RAW="python3 $TOP/tests/e2e/59-raw.py"
SMTPD="setuidgid $U_D $QHOME/bin/qmail-smtpd"

# one RCPT per address (each in its own transaction), then DATA for the accepted
matrix() {
  python3 - "$1" <<'PY'
import socket, sys
addrs = [
  b'<a@example.test>', b'<A@EXAMPLE.TEST>', b'<a@x.sub.example.test>', b'<a@more.test>',
  b'<a@MORE.test>', b'<a@x.deep.test>', b'<postmaster>',
  b'<a%evil.test@example.test>', b'<evil.test!a@example.test>', b'<"a@evil.test"@example.test>',
  b'<a\\@evil.test@example.test>', b'<@evil.test:a@example.test>',
  b'<a@evil.test>', b'<A@EVIL.TEST>', b'<a@example.test.>', b'<a@example.test.evil.test>',
  b'<a@sub.example.test>', b'<a@evilexample.test>', b'<a@deep.test>', b'<@example.test:a@evil.test>',
  b'<@example.test,@x.test:a@evil.test>', b'<a@example.test@evil.test>', b'<""@evil.test>',
  b'<"a>b"@evil.test>', b'<a@evil.test%example.test>', b'<example.test!a@evil.test>',
  b'<a@[127.0.0.1]>', b'<a@[IPv6:::1]>', b'<a@[192.0.2.1]>', b'<a@[IPv6:2001:db8::1]>',
  b' a@evil.test', b':a@evil.test', b'<a@evil.test', b'<@example.test>', b'<a@ex\x00ample.test>', b'<>',
]
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), 20)
f = s.makefile('rb')
def reply():
    while True:
        l = f.readline()
        if l[3:4] != b'-':
            return l.rstrip(b'\r\n').decode('latin1')
reply()
ok = []
for a in addrs:
    s.sendall(b'MAIL FROM:<s@src.test>\r\nRCPT TO:' + a + b'\r\n')
    reply()
    r = reply()
    print('%-42s %s' % (a.decode('latin1').encode('unicode_escape').decode(), r))
    if r.startswith('250'):
        s.sendall(b'DATA\r\n'); reply()
        s.sendall(b'Subject: relay test\r\n\r\nx\r\n.\r\n'); print('%-42s %s' % ('  DATA', reply()[:6]))
s.sendall(b'QUIT\r\n'); reply()
PY
}
envelopes() {
  for f in $CAP/env.*; do tr '\0' '\n' < $f | sed -n 's/^T//p'; done | sort
  rm -f $CAP/*
}

P=$(free_port)
: > $T/log/smtpd51
tcp_start smtpd51 $P env QMAILQUEUE=$T/capq.sh CAPDIR=$CAP $SMTPD

echo '--- RELAYCLIENT unset: the matrix (control/me is the default localiphost)'
matrix $P
echo '--- the envelopes queued: every domain is ours, or there is none'
envelopes | tee $T/env51
python3 - $T/env51 <<'PY'
import sys
ours = ('example.test', 'more.test', 'quail.test')
for a in open(sys.argv[1]).read().split('\n'):
    if not a: continue
    d = a.rpartition('@')[2].lower() if '@' in a else None
    ok = d is None or d in ours or d.endswith('.sub.example.test') or d.endswith('.deep.test')
    if not ok: print('RELAYED:', a); sys.exit(1)
print('no foreign domain')
PY

echo '--- localiphost names our literals; with it in rcpthosts they are accepted'
echo local.example.test > $C/localiphost
printf 'example.test\n.sub.example.test\nlocal.example.test\n' > $C/rcpthosts
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@[127.0.0.1]>\r\nRCPT TO:<b@[IPv6:::1]>\r\nRCPT TO:<c@[IPv6:0:0::1]>\r\nRCPT TO:<d@[0.0.0.0]>\r\nRCPT TO:<e@[192.0.2.7]>\r\nRCPT TO:<f@[ipv6:2001:db8::7]>\r\nDATA\r\nSubject: literals\r\n\r\n.\r\nQUIT\r\n'" | sed 's/250 ok [0-9]* qp [0-9]*/250 ok TIME qp PID/'
envelopes
rm -f $C/localiphost

echo '--- qmail-newmrh builds morercpthosts.cdb from morercpthosts; qmail-smtpd reads it'
printf 'NewMrh.test\n.sub.newmrh.test\n' > $C/morercpthosts
qmail-newmrh && echo "qmail-newmrh rc 0"
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@newmrh.TEST>\r\nRCPT TO:<b@x.sub.newmrh.test>\r\nRCPT TO:<c@more.test>\r\nRCPT TO:<d@other.test>\r\nQUIT\r\n'"
rm -f $C/morercpthosts

echo '--- RELAYCLIENT empty: every domain is relayed'
P2=$(free_port)
tcp_start smtpd51r $P2 env RELAYCLIENT= QMAILQUEUE=$T/capq.sh CAPDIR=$CAP $SMTPD
$RAW $P2 "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@evil.test>\r\nRCPT TO:<b@example.test>\r\nDATA\r\n\r\nx\r\n.\r\nQUIT\r\n'" | sed 's/250 ok [0-9]* qp [0-9]*/250 ok TIME qp PID/'
envelopes
svc_stop smtpd51r

echo '--- RELAYCLIENT=.relay.test is appended to every recipient'
P3=$(free_port)
tcp_start smtpd51a $P3 env RELAYCLIENT=.relay.test QMAILQUEUE=$T/capq.sh CAPDIR=$CAP $SMTPD
$RAW $P3 "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@evil.test>\r\nRCPT TO:<b@example.test>\r\nDATA\r\n\r\nx\r\n.\r\nQUIT\r\n'" | sed 's/250 ok [0-9]* qp [0-9]*/250 ok TIME qp PID/'
envelopes
svc_stop smtpd51a

echo '--- tcprules: 127.0.0.1 gets RELAYCLIENT from tcp.smtp.cdb, 127.0.0.3 does not'
printf '127.0.0.1:allow,RELAYCLIENT=""\n127.0.0.2:deny\n:allow\n' > $T/tcp51.smtp
tcprules $T/tcp51.smtp.cdb $T/tcp51.smtp.tmp < $T/tcp51.smtp
P4=$(free_port)
svc_start smtpd51x "exec tcpserver -x $T/tcp51.smtp.cdb -R -H -l 0 -c 20 127.0.0.1 $P4 env QMAILQUEUE=$T/capq.sh CAPDIR=$CAP $SMTPD 2>>$T/log/smtpd51x"
wait_port $P4
for src in 127.0.0.1 127.0.0.3; do
  echo "from $src:"
  $RAW -s $src $P4 "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@evil.test>\r\nQUIT\r\n'"
done
echo "from 127.0.0.2 (deny): [$($RAW -n -k -s 127.0.0.2 $P4 "b''")]"
svc_stop smtpd51x

echo '--- no control/rcpthosts: every domain refused (not an open relay), a warning logged'
mv $C/rcpthosts $C/rcpthosts.off
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nRCPT TO:<a@evil.test>\r\nRCPT TO:<postmaster>\r\nQUIT\r\n'"
mv $C/rcpthosts.off $C/rcpthosts
grep -c 'warning: control/rcpthosts is missing' $T/log/smtpd51
grep 'relay-refused-no-rcpthosts' $T/log/smtpd51 | sed 's/pid [0-9]*/pid PID/'
