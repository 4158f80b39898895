# 50-smtpd: qmail-smtpd under the real tcpserver, driven by Python smtplib,
# swaks and a raw socket: greeting, EHLO, every verb's reply, a message
# handed to $QMAILQUEUE (a capture script) with its Received line and
# envelope, the per-transaction log line, smtpgreeting, badmailfrom.
# Does NOT test: the relay matrix (51), DATA edge cases (52), limits,
# timeouts and IPv6 (53), the real qmail-queue (56), QMTP/QMQP (54, 55).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
C=$QHOME/control
# leave no control file behind for the scripts that follow
trap '_cleanup; for f in rcpthosts badmailfrom smtpgreeting; do rm -f "$C/$f"; done' EXIT
echo quail.test > $C/me
printf '# ours\nexample.test\n\n.sub.example.test\n' > $C/rcpthosts
rm -f $C/smtpgreeting $C/databytes $C/badmailfrom $C/localiphost $C/timeoutsmtpd $C/morercpthosts.cdb
CAP=$T/cap50; rm -rf $CAP; mkdir -p $CAP; chmod 777 $CAP
cat > $T/capq.sh <<'Q'
#!/bin/sh
# a QMAILQUEUE that keeps what it is given: message and envelope
cat > "$CAPDIR/msg.$$" && cat <&1 > "$CAPDIR/env.$$" && exit 0
exit 54
Q
chmod 755 $T/capq.sh
RAW="python3 $TOP/tests/e2e/59-raw.py"
norm() { sed -e 's/[0-9]\{1,2\} [A-Z][a-z][a-z] [0-9]\{4\} [0-9:]\{8\} -0000/DATE/' \
  -e 's/250 ok [0-9][0-9]* qp [0-9][0-9]*/250 ok TIME qp PID/' -e 's/pid [0-9][0-9]*/pid PID/' -e 's/qp [0-9][0-9]*/qp PID/'; }
showcap() { for f in $CAP/msg.*; do norm < $f; echo "envelope: $(tr '\0' '|' < $CAP/env.${f##*.})"; done; rm -f $CAP/*; }

P=$(free_port)
: > $T/log/smtpd50
tcp_start smtpd50 $P env QMAILQUEUE=$T/capq.sh CAPDIR=$CAP setuidgid $U_D $QHOME/bin/qmail-smtpd

echo '--- the greeting names control/me; EHLO advertises PIPELINING, 8BITMIME and SIZE'
$RAW -n $P "b'EHLO client.test\r\nQUIT\r\n'"

echo '--- every verb gets its reply; unknown verbs get 502'
$RAW $P "b'HELO client.test\r\nNOOP\r\nVRFY root\r\nHELP\r\nRSET\r\nEXPN x\r\nETRN\r\n\r\nRCPT TO:<a@example.test>\r\nDATA\r\nMAIL FROM:<s@src.test>\r\nDATA\r\nmail from:<s@src.test>\r\nrcpt to:<a@example.test>\r\nrset\r\ndata\r\nQUIT\r\n'"

echo '--- smtplib sends a message; $QMAILQUEUE gets a Received line and the envelope'
python3 - $P <<'PY'
import smtplib, sys
from email.message import EmailMessage
m = EmailMessage(); m['From'] = 's@src.test'; m['To'] = 'alice@example.test'; m['Subject'] = 'smtplib'
m.set_content('hello from smtplib\n.a line with a leading dot\n')
with smtplib.SMTP('127.0.0.1', int(sys.argv[1]), local_hostname='client.test', timeout=20) as s:
    s.ehlo()
    print('esmtp features:', sorted(s.esmtp_features))
    r = s.send_message(m, to_addrs=['alice@example.test', 'bob@x.sub.example.test'])
    print('refused:', r)
PY
showcap | grep -v -e '^Content-' -e '^MIME-Version'

echo '--- swaks sends a message with two recipients; one is refused'
swaks --server 127.0.0.1:$P --helo swaks.test --from s@src.test --to carol@example.test,dave@elsewhere.test \
  --header 'Subject: swaks' --body 'hi from swaks' >$T/swaks50.out 2>&1 && echo "swaks rc 0" || echo "swaks rc $?"
grep -e '^<\*\* ' -e '^<~\* ' $T/swaks50.out || true
grep '^<-  250 ok [0-9]* qp' $T/swaks50.out | norm
showcap | sed -e '/^Date:/d' -e '/^Message-Id:/d' -e '/^X-Mailer:/d'

echo '--- swaks --pipeline: MAIL, RCPT and DATA sent as one group'
swaks --server 127.0.0.1:$P --pipeline --helo swaks.test --from p@src.test --to erin@example.test,frank@example.test \
  --header 'Subject: pipelined' --body 'pipelined body' >$T/swaks50p.out 2>&1 && echo "swaks rc 0" || echo "swaks rc $?"
grep '^<-  250 ok [0-9]* qp' $T/swaks50p.out | norm
showcap | sed -e '/^Date:/d' -e '/^Message-Id:/d' -e '/^X-Mailer:/d'

echo '--- swaks --pipe starts qmail-smtpd with SIGCHLD ignored; it still gets qmail-queue status'
swaks --pipe "env QMAILQUEUE=$T/capq.sh CAPDIR=$CAP TCPREMOTEIP=192.0.2.9 $QHOME/bin/qmail-smtpd" --helo pipe.test \
  --from g@src.test --to gina@example.test --body 'via --pipe' >$T/swaks50c.out 2>&1 && echo "swaks rc 0" || echo "swaks rc $?"
grep '^<-  250 ok [0-9]* qp' $T/swaks50c.out | norm
showcap | grep -e '^Received' -e '^envelope'

echo '--- one log line per transaction on stderr'
waitfor 10 grep -q 'erin' $T/log/smtpd50
grep '^qmail-smtpd: ' $T/log/smtpd50 | norm

echo '--- smtpgreeting replaces me in the greeting, HELO, EHLO and QUIT'
echo 'mx.greeting.test welcome' > $C/smtpgreeting
$RAW -n $P "b'HELO a\r\nEHLO b\r\nQUIT\r\n'"
rm -f $C/smtpgreeting

echo '--- badmailfrom: MAIL is accepted, every RCPT refused (whole address and @domain lines)'
printf 'spam@bad.test\n@evil.test\n' > $C/badmailfrom
$RAW $P "b'MAIL FROM:<SPAM@bad.test>\r\nRCPT TO:<a@example.test>\r\nMAIL FROM:<x@EVIL.test>\r\nRCPT TO:<a@example.test>\r\nMAIL FROM:<ok@bad.test>\r\nRCPT TO:<a@example.test>\r\nQUIT\r\n'"
rm -f $C/badmailfrom

echo '--- without control/me and smtpgreeting: 421 and exit'
mv $C/me $C/me.off
$RAW -n -k $P "b''"
mv $C/me.off $C/me
ls $CAP | wc -l
