# 88-qmqp-service: `make start` with QUAIL_QMQP_PORT adds the QMQP service
# (boot/qmqpd-run under svscan, clients from control/tcp.qmqp.cdb): a
# mini-qmail client (qmail-inject with QMAILQUEUE=qmail-qmqpc) hands a
# message to it and the message is delivered into a Maildir; a client that
# tcp.qmqp does not allow is refused.  `make stop` stops everything.
# Not tested here: QMQP over IPv6 (55 does that against qmail-qmqpd
# directly), and the other services (80 does that).
set -e
. "$TOP/tests/lib.sh"
sandbox_ensure
smtp=$(free_port); pop3=$(free_port); qmqp=$(free_port)
u=$(tuser qmqp1)
h=$(getent passwd "$u" | cut -d: -f6)
rm -rf "$h/Maildir" "$QHOME/svc" "$QHOME/service" "$QHOME"/control/tcp.smtp* "$QHOME"/control/tcp.qmqp*
su -s /bin/sh "$u" -c "$QHOME/bin/maildirmake $h/Maildir"
me=$(cat "$QHOME/control/me")
stop_all() {
  (cd "$SANDBOX" && make -s stop) >/dev/null 2>&1 || true
  rm -rf "$QHOME/svc" "$QHOME/service" "$QHOME"/control/tcp.smtp* "$QHOME"/control/tcp.qmqp* "$QHOME/control/qmqpservers"
}
trap 'stop_all; _cleanup' EXIT

echo '--- make start with QUAIL_QMQP_PORT starts qmail-qmqpd and writes tcp.qmqp'
(cd "$SANDBOX" && env QUAIL_SMTP_PORT=$smtp QUAIL_POP3_PORT=$pop3 QUAIL_QMQP_PORT=$qmqp QUAIL_NO_APT=1 make -s start) > "$T/start88.out" 2>&1 \
  || { cat "$T/start88.out"; exit 1; }
grep -o 'started qmail-qmqpd: QMQP on 127.0.0.1' "$T/start88.out"
cat "$QHOME/control/tcp.qmqp"
svstat "$QHOME/service/qmail-qmqpd" | sed 's/(pid [0-9]*) [0-9]* seconds/(pid N) S seconds/; s|.*/service/||'
wait_port $qmqp && echo listening
echo '--- a mini-qmail client hands a message over QMQP; it is delivered'
echo "127.0.0.1:$qmqp" > "$QHOME/control/qmqpservers"
printf 'Subject: over qmqp\n\nhello through QMQP\n' |
  env QMAILQUEUE="$QHOME/bin/qmail-qmqpc" "$QHOME/bin/qmail-inject" -f sender@example.org "$u@$me"
echo "inject exit $?"
waitfor 30 sh -c "ls $h/Maildir/new | grep -q ." && echo delivered
python3 - "$h/Maildir" <<'PY'
import mailbox, sys
msgs = list(mailbox.Maildir(sys.argv[1], factory=None))
print(len(msgs), msgs[0]["Subject"], msgs[0].get_payload().strip())
PY
echo '--- a client that tcp.qmqp does not allow is refused'
printf ':deny\n' > "$QHOME/control/tcp.qmqp"
tcprules "$QHOME/control/tcp.qmqp.cdb" "$QHOME/control/tcp.qmqp.tmp" < "$QHOME/control/tcp.qmqp"
printf 'Subject: refused\n\nno\n' |
  env QMAILQUEUE="$QHOME/bin/qmail-qmqpc" "$QHOME/bin/qmail-inject" -f sender@example.org "$u@$me" 2>&1 | sed 's/^/  /' || true
echo '--- make stop stops it'
(cd "$SANDBOX" && make -s stop) >/dev/null
svok "$QHOME/service/qmail-qmqpd" 2>/dev/null && echo "still up" || echo down
