# 43-remote-queue: remote delivery end to end: qmail-queue -> qmail-send
# -> qmail-rspawn -> qmail-remote -> the scripted SMTP peer, routed by
# smtproutes to 127.0.0.1:PORT.  A message arrives with the right
# envelope; with the peer down it stays queued and goes out after ALRM
# once the peer is back; a 5xx bounces into the sender's Maildir.
# Not tested here: MX selection (41), the retry schedule for remote
# deliveries (same code as local, 12), concurrencyremote limits.
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
sandbox_ensure
qclean
rm -f "$T/log/q43"
a=$(tuser s43a)
h=$T/users/s43a
rm -rf "$h/Maildir"; qmaildir "$a" "$h/Maildir"
me=$(cat "$QHOME/control/me")
C=$QHOME/control
PORT=$(free_port)
PD=$T/peer43
rm -rf "$PD"; mkdir -p "$PD"
peer_up() { svc_start peer43 "exec python3 $TOP/tests/e2e/40-peer.py $PD 127.0.0.1:$PORT" && wait_port "$PORT"; }
peer_up
echo "remote.example:[127.0.0.1]:$PORT" > "$C/smtproutes"
echo 10 > "$C/timeoutremote"
echo 5 > "$C/timeoutconnect"
qsend_start q43
session() { python3 -c 'import sys; [print(repr(l)[2:-1]) for l in open(sys.argv[1],"rb").read().splitlines(True)]' "$PD/session.$1"; }
lastconn() { tail -n 1 "$PD/conns" | cut -d' ' -f2; }

echo '--- a message for a remote address reaches the peer with its envelope'
qp=$(printf 'Subject: out\n\nto the world\n' | qinject "$a" "$a@$me" bob@remote.example carol@remote.example)
n=$(qmsgid q43 "$qp")
qwaitend q43 "$n"
qdels q43 "$n" | qnorm | sort
cat "$PD"/session.* | grep -a '^RCPT' | tr -d '\r' | sort
b=$(grep -l -a 'RCPT TO:<bob@' "$PD"/session.* | sed 's/.*session\.//')
session "$b" | sed "s/$a@$me/SENDER/; s/SIZE=[0-9]*/SIZE=S/; s/^Received: .*/Received: .../; s/^EHLO $me/EHLO ME/"

echo '--- with the peer down the message stays queued'
svc_stop peer43
qp=$(printf 'Subject: later\n\nwait for it\n' | qinject "$a" "$a@$me" dave@remote.example)
n=$(qmsgid q43 "$qp")
qwaitlog 30 q43 "^delivery [0-9]+: deferral: "
qdels q43 "$n" | qnorm
s=$((n % $(head -n 1 "$SANDBOX/conf-split")))
test -f "$QHOME/queue/remote/$s/$n" && echo "still queued for remote delivery"

echo '--- the peer comes back; ALRM retries at once and it is delivered'
peer_up
kill -ALRM "$(qsend_pid q43)"
qwaitend q43 "$n"
qdels q43 "$n" | tail -n 1 | qnorm
session "$(lastconn)" | grep '^RCPT'
test ! -f "$QHOME/queue/remote/$s/$n" && echo "gone from the queue"

echo '--- a 5xx from the peer bounces into the sender'"'"'s Maildir'
printf '%s\n' 'rcpt 550 5.1.1 no such user here' > "$PD/script"
qp=$(printf 'Subject: doomed\n\nno one there\n' | qinject "$a" "$a@$me" nobody@remote.example)
n=$(qmsgid q43 "$qp")
qwaitend q43 "$n"
qdels q43 "$n" | qnorm
waitfor 20 qhas "$h/Maildir" "failure notice"
qbounce "$h/Maildir" "$me" "$a"

echo '--- concurrencyremote 1: never two sessions at once (4 recipients, each held 1 s)'
svc_stop q43
mv "$T/log/q43" "$T/log/q43.1"
echo 1 > "$C/concurrencyremote"
svc_stop peer43
rm -f "$PD/maxactive"
printf '%s\n' 'dot delay 1 250 ok slowly' > "$PD/script"
peer_up
qsend_start q43
grep '^status: local' "$T/log/q43" | head -n 1 | sed 's/local [0-9]*\//local L\//'
qp=$(printf 'Subject: one by one\n\nslow\n' | qinject "$a" "$a@$me" r1@remote.example r2@remote.example r3@remote.example r4@remote.example)
n=$(qmsgid q43 "$qp")
qwaitend q43 "$n"
qdels q43 "$n" | qnorm
echo "most sessions at once: $(cat "$PD/maxactive")"
rm -f "$C/concurrencyremote"
