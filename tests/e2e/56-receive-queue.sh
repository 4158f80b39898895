# 56-receive-queue: the real path, no QMAILQUEUE: qmail-smtpd, qmail-qmtpd
# and qmail-qmqpd (as qmaild, under tcpserver) run the installed setuid
# qmail-queue.  Checks the queued files themselves: todo/N holds
# u<qmaild's uid> p<the qp in the reply> F sender T recipients, and
# mess/S/N holds qmail-queue's "invoked from network" line, our Received
# line, then the message.  Refused messages (client gone in mid-DATA,
# too big, looping) leave nothing in mess/, intd/, todo/ or pid/.
# Does NOT test: what qmail-send does next (delivery), crash safety.
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/59-lib.inc"
set -e
sandbox_ensure
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in rcpthosts databytes qmqpservers; do rm -f "$C/$f"; done' EXIT
Q=$QHOME/queue
echo quail.test > $C/me
printf 'example.test\n' > $C/rcpthosts
rm -f $C/databytes $C/badmailfrom $C/localiphost $C/timeoutsmtpd $C/morercpthosts.cdb $C/smtpgreeting
# start from an empty queue (this sandbox is ours; qmail-send is not running)
rm -f $Q/todo/* $Q/intd/* $Q/pid/* $Q/mess/*/* $Q/info/*/* $Q/local/*/* $Q/remote/*/* $Q/bounce/*
idle() { ! pgrep -u $U_Q -x qmail-queue >/dev/null; }
# every queued message: its todo envelope (uid checked, qp compared with the
# replies in $T/replies56) and its mess file
showqueue() {
  python3 - $Q $(id -u $U_D) $T/replies56 <<'PY'
import os, re, sys
q, uid, replies = sys.argv[1], sys.argv[2], open(sys.argv[3]).read()
def sender(n): return open('%s/todo/%s' % (q, n), 'rb').read().split(b'\0')[2]
for n in sorted(os.listdir(q + '/todo'), key=sender):
    env = open('%s/todo/%s' % (q, n), 'rb').read().split(b'\0')
    u, p = env[0].decode(), env[1].decode()
    print('todo: u=%s p=%s' % ('qmaild' if u == 'u' + uid else u, 'qp' if re.search(r'qp %s\b' % p[1:], replies) else p),
          b'|'.join(env[2:]).decode())
    m = open('%s/mess/%d/%s' % (q, int(n) % 23, n), 'rb').read()
    print('mess:', repr(m))
PY
}
counts() { for d in todo intd pid; do printf '%s %s ' $d $(ls $Q/$d | wc -l); done; echo "mess $(find $Q/mess -type f | wc -l)"; }

P=$(free_port); PQ=$(free_port); PP=$(free_port)
tcp_start smtpd56 $P setuidgid $U_D $QHOME/bin/qmail-smtpd
tcp_start qmtpd56 $PQ setuidgid $U_D $QHOME/bin/qmail-qmtpd
tcp_start qmqpd56 $PP setuidgid $U_D $QHOME/bin/qmail-qmqpd

echo '--- smtplib, QMTP and QMQP each queue one message through the real qmail-queue'
python3 - $P $PQ $PP > $T/replies56 <<'PY'
import smtplib, socket, sys
p, pq, pp = map(int, sys.argv[1:])
with smtplib.SMTP('127.0.0.1', p, local_hostname='client.test', timeout=20) as s:
    s.ehlo(); s.mail('s@src.test'); s.rcpt('a@example.test'); s.rcpt('b@example.test')
    print(s.data(b'Subject: smtp\r\n\r\nhello\r\n.dot\r\n'))
def ns(b): return b'%d:%s,' % (len(b), b)
def talk(port, data):
    c = socket.create_connection(('127.0.0.1', port), 20); c.sendall(data); c.shutdown(socket.SHUT_WR)
    out = b''
    while True:
        d = c.recv(4096)
        if not d: return out.decode()
        out += d
print(talk(pq, ns(b'\nSubject: qmtp\n\nhi\n') + ns(b'q@src.test') + ns(ns(b'c@example.test'))))
print(talk(pp, ns(ns(b'Subject: qmqp\n\nhi\n') + ns(b'r@src.test') + ns(b'd@far.test'))))
PY
norm < $T/replies56
waitfor 20 idle
showqueue | norm
counts

echo '--- a mini-qmail host: qmail-inject with QMAILQUEUE=qmail-qmqpc reaches the hub queue through qmail-qmqpd'
printf '127.0.0.1:%s\n' $PP > $C/qmqpservers
printf 'Subject: mini\n\nfrom a host without a queue\n' | env QMAILQUEUE=$QHOME/bin/qmail-qmqpc qmail-inject -f mini@src.test e@example.test \
  && echo "qmail-inject rc 0"
rm -f $C/qmqpservers
waitfor 20 idle
: > $T/replies56
showqueue | grep -A1 'Fmini@' | norm | sed 's/p=p[0-9]*/p=P/; s/Message-ID: <[^>]*>/Message-ID: <ID>/'
counts

echo '--- refused or broken transactions leave nothing in the queue'
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\nSubject: cut\r\n\r\nhalf'"
echo 30 > $C/databytes
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + b'x' * 40 + b'\r\n.\r\nQUIT\r\n'"
rm -f $C/databytes
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\n' + b'Received: x\r\n' * 100 + b'\r\n.\r\nQUIT\r\n'"
$RAW $P "b'MAIL FROM:<s@src.test>\r\nRCPT TO:<a@example.test>\r\nDATA\r\nbare\n.\r\n'"
waitfor 20 idle
counts
