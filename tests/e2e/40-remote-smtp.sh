# 40-remote-smtp: qmail-remote against a scripted, misbehaving SMTP server
# (tests/e2e/40-peer.py on 127.0.0.1), reached through an smtproutes
# [ip]:port relay; every r/h/s/K/Z/D report is checked byte for byte (NUL
# shown as %) and the client's side of the dialogue is shown too.
# Not tested here: DNS and MX selection (41), the wire form of odd line
# endings (42), qmail-send/qmail-rspawn (43), smtp-sink (44).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
PORT=$(free_port)
PD=$T/peer40
rm -rf "$PD"; mkdir -p "$PD"
svc_start peer40 "exec python3 $TOP/tests/e2e/40-peer.py $PD 127.0.0.1:$PORT"
waitfor 10 test -f "$PD/pid"
C=$QHOME/control
echo quail.test > "$C/me"
rm -f "$C/helohost"
echo "# comment line" > "$C/smtproutes"
echo ":[127.0.0.1]:$PORT" >> "$C/smtproutes"
echo 2 > "$C/timeoutremote"
echo 2 > "$C/timeoutconnect"
printf 'Subject: test\n\nline one\n' > "$T/m40"
n=0

# run qmail-remote; print its exit code and its reports
rem() {
  n=$((n + 1))
  qmail-remote "$@" < "$T/m40" > "$T/out40" && rc=0 || rc=$?
  echo "exit $rc"
  tr '\000' '%' < "$T/out40"; echo
}
# the client's side of connection N, one line per line, escaped
session() { python3 -c 'import sys; [print(repr(l)[2:-1]) for l in open(sys.argv[1],"rb").read().splitlines(True)]' "$PD/session.$1"; }
peer() { printf '%s\n' "$@" > "$PD/script"; }

echo '--- a good peer: one recipient accepted, K with the final reply'
peer
rem example.org s@src.test a@example.org
session $n

echo '--- per-recipient 5xx and 4xx: h and s in argument order, then K'
rem example.org s@src.test a@example.org r550-b@example.org r451-c@example.org

echo '--- every recipient refused: D Giving up'
rem example.org s@src.test r550-a@example.org r553-b@example.org

echo '--- a 554 greeting: Z greeting failed, nothing sent but QUIT'
peer 'greet 554 go away'
rem example.org s@src.test a@example.org
session $n

echo '--- a 421 greeting: next host; none left, so Z with its text'
peer 'greet 421 busy' 'greet 421 try later'
rem example.org s@src.test a@example.org

echo '--- a multi-line greeting and a multi-line RCPT refusal'
peer 'greet 220 peer.test first' 'greet 220 second' 'greet 220 third' 'rcpt 550 no such user' 'rcpt 550 really not'
rem example.org s@src.test a@example.org

echo '--- disconnect after the greeting'
peer 'ehlo drop'
rem example.org s@src.test a@example.org

echo '--- disconnect after MAIL'
peer 'mail drop'
rem example.org s@src.test a@example.org

echo '--- disconnect after RCPT'
peer 'rcpt drop'
rem example.org s@src.test a@example.org

echo '--- disconnect during DATA (a 16 MB message, cut after the first bytes)'
peer 'ehlo 250 peer.test' 'body drop'
python3 -c 'import sys; sys.stdout.write(("x" * 70 + "\n") * 240000)' > "$T/m40"
rem example.org s@src.test a@example.org
printf 'Subject: test\n\nline one\n' > "$T/m40"

echo '--- disconnect after the final dot, before the reply: possible duplicate'
peer 'dot drop'
rem example.org s@src.test a@example.org

echo '--- MAIL refused: 553 permanent, 451 temporary'
peer 'mail 553 not you'
rem example.org s@src.test a@example.org
peer 'mail 451 later'
rem example.org s@src.test a@example.org

echo '--- DATA refused: 554 permanent, 451 temporary'
peer 'data 554 no data'
rem example.org s@src.test a@example.org
peer 'data 451 no data now'
rem example.org s@src.test a@example.org

echo '--- refused after the message: 554 permanent, 452 temporary'
peer 'dot 554 content rejected'
rem example.org s@src.test a@example.org
peer 'dot 452 out of space'
rem example.org s@src.test a@example.org

echo '--- garbage reply codes are temporary failures, never success'
peer 'greet raw hello there\r\n'
rem example.org s@src.test a@example.org
peer 'rcpt raw 2x0 ok\r\n'
rem example.org s@src.test a@example.org
peer 'dot raw 250ok\r\n'
rem example.org s@src.test a@example.org
peer 'dot raw 250-part one\r\n251 part two\r\n'
rem example.org s@src.test a@example.org
peer 'mail raw 150 what\r\n'
rem example.org s@src.test a@example.org

echo '--- reply text cannot forge a report: NUL, controls and 8-bit become ?'
peer 'rcpt raw 550 bad\0Kfake\x01\x1b[1m\xff\r\n'
rem example.org s@src.test a@example.org

echo '--- a server that never answers: timeoutremote (2 s)'
peer 'greet hang'
rem example.org s@src.test a@example.org
peer 'dot hang'
rem example.org s@src.test a@example.org

echo '--- EHLO refused: HELO instead, and no ESMTP parameters'
peer 'ehlo 502 no ehlo here'
rem example.org s@src.test a@example.org
session $n

echo '--- SIZE announced smaller than the message: permanent, not sent'
peer 'ehlo 250 peer.test' 'ehlo 250 SIZE 10'
rem example.org s@src.test a@example.org
session $n

echo '--- PIPELINING offered: MAIL and RCPT go out before the MAIL reply'
rm -f "$PD/notes"
peer 'mail pipe 250 ok'
rem example.org s@src.test a@example.org b@example.org
cat "$PD/notes"

echo '--- PIPELINING not offered: one command at a time'
rm -f "$PD/notes"
peer 'ehlo 250 peer.test' 'ehlo 250 8BITMIME'
rem example.org s@src.test a@example.org b@example.org
[ ! -f "$PD/notes" ] && echo "no early commands"

echo '--- 8-bit body with 8BITMIME offered: BODY=8BITMIME; 7-bit: none'
peer
printf 'Subject: caf\351\n\nna\357ve\n' > "$T/m40"
rem example.org s@src.test a@example.org
session $n | grep '^MAIL'
printf 'Subject: plain\n\nplain\n' > "$T/m40"
rem example.org s@src.test a@example.org
session $n | grep '^MAIL'

echo '--- quoting: a local part that needs it is quoted; control characters are refused'
rem example.org 'odd sender@src.test' 'a b@example.org' "$(printf 'x\ry@example.org')"
session $n | grep -E '^(MAIL|RCPT)'

echo '--- the empty sender (a bounce) is <>'
rem example.org '' a@example.org
session $n | grep '^MAIL'

echo '--- invoked improperly'
qmail-remote example.org s@src.test < /dev/null | tr '\000' '%'; echo

echo '--- control/helohost names us in EHLO; without it and without me: temporary'
peer
printf 'Subject: test\n\nline one\n' > "$T/m40"
echo helo.quail.test > "$C/helohost"
rem example.org s@src.test a@example.org
session $n | head -n 1
rm -f "$C/helohost" "$C/me"
rem example.org s@src.test a@example.org
echo quail.test > "$C/me"
