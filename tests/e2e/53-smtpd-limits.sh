# 53-smtpd-limits: the finite caps of qmail-smtpd and IPv6.  A 1 MB command
# line without LF (answered 500 at once, the session goes on), a 10 KB HELO,
# a silent client and a client silent in mid-DATA (timeoutsmtpd: 451
# timeout, nothing queued), the session time cap (SESSIONTIMEOUT), the
# recipient cap (1000; the next gets 452), hostile bytes in HELO kept out
# of the Received line, and tcpserver on ::1: TCPREMOTEIP ::1 in the
# Received line, [IPv6:::1] as localiphost.
# Does NOT test: multi-gigabyte lines (the cap is the same code path).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/59-lib.inc"
set -e
sandbox_ensure
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in rcpthosts localiphost timeoutsmtpd; do rm -f "$C/$f"; done' EXIT
echo quail.test > $C/me
printf 'example.test\n' > $C/rcpthosts
rm -f $C/smtpgreeting $C/databytes $C/badmailfrom $C/localiphost $C/timeoutsmtpd $C/morercpthosts.cdb
capsetup 53
SMTPD="env QMAILQUEUE=$T/capq.py CAPDIR=$CAP setuidgid $U_D $QHOME/bin/qmail-smtpd"
P=$(free_port)
: > $T/log/smtpd53
tcp_start smtpd53 $P $SMTPD

echo '--- a 1 MB command line without LF: 500 at once, then the session goes on'
$RAW $P "b'x' * 1000000 + b'\r\nNOOP\r\nQUIT\r\n'"
echo '--- ... and a client that sends 1 MB without LF and goes away'
$RAW $P "b'MAIL FROM:<' + b'a' * 1000000" 
echo '--- a 10 KB HELO is refused the same way; an address of 900 bytes passes, 901 is a syntax error'
$RAW $P "b'HELO ' + b'h' * 10000 + b'\r\nMAIL FROM:<' + b'a' * 891 + b'@src.test>\r\nMAIL FROM:<' + b'a' * 892 + b'@src.test>\r\nQUIT\r\n'"

echo '--- 1001 recipients: the first 1000 are accepted, then 452; the message carries 1000'
$RAW $P "b'MAIL FROM:<s@src.test>\r\n' + b''.join(b'RCPT TO:<r%d@example.test>\r\n' % i for i in range(1001)) + b'DATA\r\nSubject: many\r\n\r\n.\r\nQUIT\r\n'" | norm | uniq -c | sed 's/^ *//'
tr '\0' '\n' < $CAP/0001.env | grep -c '^T'
rm -f $CAP/*

echo '--- 100000 RCPT commands: every one past 1000 gets 452, the log line is capped'
$RAW $P "b'MAIL FROM:<s@src.test>\r\n' + b''.join(b'RCPT TO:<r%d@example.test>\r\n' % i for i in range(100000)) + b'RSET\r\nQUIT\r\n'" | uniq -c | sed 's/^ *//'
tail -n 1 $T/log/smtpd53 | sed 's/.* +\([0-9]*\) more result \(.*\)/+\1 more result \2/'

echo '--- hostile HELO bytes become ? in the Received line'
$RAW $P "b'HELO evil\x01\x7f<x>;(y)\r\nMAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n\r\n.\r\nQUIT\r\n'" | norm >/dev/null
head -n 2 $CAP/0001.msg | norm
rm -f $CAP/*

echo '--- timeoutsmtpd 1: a silent client gets 451 timeout'
echo 1 > $C/timeoutsmtpd
$RAW -n -k $P "b''"
echo '--- a client silent in mid-DATA: 451 timeout, nothing queued'
$RAW -k $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\nSubject: slow\r\n\r\nhal'"
count
rm -f $C/timeoutsmtpd

echo '--- SESSIONTIMEOUT 2: a client that keeps talking is cut off with 421'
P2=$(free_port)
tcp_start smtpd53s $P2 env SESSIONTIMEOUT=2 $SMTPD
python3 - $P2 <<'PY'
import socket, sys, time
s = socket.create_connection(('127.0.0.1', int(sys.argv[1])), 20)
f = s.makefile('rb')
print(f.readline().decode().rstrip())
last = None
for i in range(200):      # at most 60 s; the cap is 2 s
    try:
        s.sendall(b'NOOP\r\n')
    except OSError:
        break
    l = f.readline().decode().rstrip()
    if not l:
        break
    last = l
    if not l.startswith('250'):
        break
    time.sleep(0.3)
print(last)
PY
svc_stop smtpd53s

echo '--- IPv6: tcpserver on ::1; TCPREMOTEIP and TCPLOCALIP are ::1 in the Received line'
P6=$(free_port)
echo local.example.test > $C/localiphost
printf 'example.test\nlocal.example.test\n' > $C/rcpthosts
svc_start smtpd53v6 "exec tcpserver -R -H -c 20 ::1 $P6 $SMTPD 2>>$T/log/smtpd53v6"
waitfor 10 python3 -c "import socket; socket.create_connection(('::1', $P6), 1)"
$RAW -6 $P6 "b'EHLO v6.client.test\r\nMAIL FROM:<s@[IPv6:::1]>\r\nRCPT TO:<a@[IPv6:::1]>\r\nRCPT TO:<b@[IPv6:0:0:0:0:0:0:0:1]>\r\nDATA\r\nSubject: v6\r\n\r\nhi\r\n.\r\nQUIT\r\n'" | norm
head -n 2 $CAP/0001.msg | norm
tr '\0' '|' < $CAP/0001.env; echo
rm -f $CAP/* $C/localiphost
svc_stop smtpd53v6
