# 52-smtpd-data: the DATA phase of qmail-smtpd.  A whole session in one
# packet (PIPELINING), 8-bit and NUL bytes passed unchanged, dot-unstuffing,
# lone CR kept, bare LF refused with 451 and a disconnect, the SMTP
# smuggling variants (only CRLF.CRLF ends the data), the hop limit
# (Received/Delivered-To, header only), databytes with SIZE (EHLO, MAIL
# FROM SIZE=, the DATABYTES variable), a client that drops in mid-DATA.
# Does NOT test: the real qmail-queue (56), long lines/timeouts (53).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/59-lib.inc"
set -e
sandbox_ensure
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in rcpthosts databytes; do rm -f "$C/$f"; done' EXIT
echo quail.test > $C/me
printf 'example.test\n' > $C/rcpthosts
rm -f $C/smtpgreeting $C/databytes $C/badmailfrom $C/localiphost $C/timeoutsmtpd $C/morercpthosts.cdb
capsetup 52
P=$(free_port)
: > $T/log/smtpd52
tcp_start smtpd52 $P env QMAILQUEUE=$T/capq.py CAPDIR=$CAP setuidgid $U_D $QHOME/bin/qmail-smtpd

echo '--- two whole transactions in one packet: replies in order, both messages queued'
$RAW -n $P "b'EHLO x\r\nMAIL FROM:<s@src.test> BODY=8BITMIME\r\nRCPT TO:<a@example.test>\r\nRCPT TO:<b@example.test>\r\nDATA\r\nSubject: one\r\n\r\nbody one\r\n.\r\nMAIL FROM:<t@src.test>\r\nRCPT TO:<c@example.test>\r\nDATA\r\nSubject: two\r\n\r\nbody two\r\n.\r\nQUIT\r\n'" | norm
showcap body

echo '--- smtplib pipelined: MAIL, two RCPTs and DATA in one send, then the replies'
python3 - $P <<'PY'
import smtplib, sys
with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), local_hostname='client.test', timeout=20) as s:
    s.ehlo()
    assert s.has_extn('pipelining')
    s.send(b'MAIL FROM:<p@src.test>\r\nRCPT TO:<a@example.test>\r\nRCPT TO:<no@elsewhere.test>\r\nDATA\r\n')
    for i in range(4):
        print(*s.getreply())
    s.send(b'Subject: smtplib pipelined\r\n\r\nbody\r\n.\r\n')
    code, text = s.getreply()
    print(code, text.split(b' ')[0])
PY
showcap body

echo '--- 8-bit bytes, NUL, lone CR kept; leading dots unstuffed; CRLF becomes LF'
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\nSubject: 8bit\r\n\r\ncaf\xc3\xa9 \xff\x00 end\r\n..one dot\r\n...two\r\na\rb\r\n.\r\r\n\r\r\n.\r\nQUIT\r\n'" | norm
showcap body

echo '--- bare LF anywhere: 451 and disconnect, nothing queued'
for v in "b'x\n'" "b'ok\r\nfirst\n.\nMAIL FROM:<evil@x>\r\n'" "b'first\r\n.\n'" "b'first\n.\r\n'" "b'Subject: x\n\r\n'" "b'.\n'"; do
  printf "variant %s\n" "$v"
  $RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + $v + b'more\r\n.\r\nQUIT\r\n'" | norm
done
count

echo '--- smuggling without LF (CR.CR, CRLF.CR, .NUL): one message each, the rest is body'
for v in "b'first\r.\rMAIL FROM:<evil@x>\r\n'" "b'first\r\n.\rMAIL FROM:<evil@x>\r\n'" "b'first\r\n.\x00\r\n'" "b'first\r\n.\r\r\n'"; do
  printf "variant %s\n" "$v"
  $RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + $v + b'last\r\n.\r\nQUIT\r\n'" | norm
done
showcap body

echo '--- hops: 99 header lines starting Received/Delivered (any case, no colon needed) pass, 100 do not'
hop() { python3 -c "
import sys
n, body = int(sys.argv[1]), sys.argv[2] == 'body'
h = b''.join([b'Received: x\r\n', b'DELIVERED-TO: y\r\n', b'rEcEiVeD:z\r\n'][i % 3] for i in range(n))
pre = b'Subject: hops\r\n\r\n' if body else b''
sys.stdout.buffer.write(pre + h + b' Received: folded\r\nReceivedX: 1\r\nDeliveredto: 2\r\n\r\nReceived: in body\r\n')
" "$@" > $T/hop52; }
for n in 97 98; do
  hop $n head
  $RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + open('$T/hop52','rb').read() + b'.\r\nQUIT\r\n'" | norm | grep -v -e '^220' -e '^221' -e '^250 ok$' -e '^354'
done
hop 150 body  # in the body they do not count
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + open('$T/hop52','rb').read() + b'.\r\nQUIT\r\n'" | norm | grep -v -e '^220' -e '^221' -e '^250 ok$' -e '^354'
count; rm -f $CAP/*

echo '--- databytes 100: SIZE advertised and obeyed at MAIL; 100 bytes pass, 101 do not'
echo 100 > $C/databytes
$RAW $P "b'EHLO x\r\nMAIL FROM:<s@src.test> SIZE=101\r\nMAIL FROM:<s@src.test> SIZE=99999999999999999999999999\r\nMAIL FROM:<s@src.test> SIZE=abc\r\nMAIL FROM:<s@src.test> size=100 BODY=7BIT\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + b'x'*99 + b'\r\n.\r\nMAIL FROM:<s@src.test> SIZE=10\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + b'x'*100 + b'\r\n.\r\nQUIT\r\n'" | norm
count; rm -f $CAP/*
echo '--- DATABYTES in the environment overrides control/databytes'
P2=$(free_port)
tcp_start smtpd52d $P2 env DATABYTES=5000 QMAILQUEUE=$T/capq.py CAPDIR=$CAP setuidgid $U_D $QHOME/bin/qmail-smtpd
$RAW $P2 "b'EHLO x\r\nMAIL FROM:<s@src.test> SIZE=5001\r\nQUIT\r\n'"
svc_stop smtpd52d
rm -f $C/databytes

echo '--- a client that drops the connection in mid-DATA: nothing queued'
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\nSubject: cut\r\n\r\nhalf a mes'" | norm
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\nSubject: cut\r\n\r\nline\r\n.'" | norm
count
echo '--- the log says what happened to each transaction'
grep -e 'disconnected' -e 'bare LF' -e 'hops' -e 'databytes' -e 'SIZE' $T/log/smtpd52 | norm | sed 's/bytes [0-9]*/bytes N/'
