# 42-remote-wire: whatever line endings a queued message has, qmail-remote
# puts canonical, dot-stuffed CRLF on the wire (SMTP-smuggling safe).  The
# scripted peer (40-peer.py) records the DATA bytes; each is printed
# escaped and checked: every CR is followed by LF, every LF follows a CR,
# and the only "." line is the terminator.
# Not tested here: the SMTP replies (40), DNS (41), qmail-send (43).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
PORT=$(free_port)
PD=$T/peer42
rm -rf "$PD"; mkdir -p "$PD"
svc_start peer42 "exec python3 $TOP/tests/e2e/40-peer.py $PD 127.0.0.1:$PORT"
waitfor 10 test -f "$PD/pid"
C=$QHOME/control
echo quail.test > "$C/me"
echo ":[127.0.0.1]:$PORT" > "$C/smtproutes"
echo 10 > "$C/timeoutremote"
send() {
  printf "$1" > "$T/m42"
  qmail-remote example.org s@src.test a@example.org < "$T/m42" | tr '\000' '%' | head -c 2; echo
  n=$(tail -n 1 "$PD/conns" | cut -d' ' -f2)
  python3 - "$PD/data.$n" <<'PY'
import sys
d = open(sys.argv[1], 'rb').read()
print(repr(d)[2:-1])
ok = d.endswith(b'\r\n.\r\n') or d == b'.\r\n'
body = d[:-3]
for i, c in enumerate(body):
    if c == 13 and body[i + 1:i + 2] != b'\n': ok = False
    if c == 10 and (i == 0 or body[i - 1] != 13): ok = False
if b'\r\n.\r\n' in body or body.startswith(b'.\r\n'): ok = False
print('canonical' if ok else 'NOT CANONICAL')
PY
}
echo '--- LF line ends'
send 'a\nb\n'
echo '--- CRLF already in the queued message: not CR CR LF'
send 'a\r\nb\r\n'
echo '--- bare CR line ends'
send 'a\rb\r'
echo '--- mixed: CR CR LF, LF CR'
send 'a\r\r\nb\n\rc\n'
echo '--- dots at line starts, after every kind of line end'
send '.\n..\n.x\nx\r.\ry\r\n.\r\n'
echo '--- a smuggling attempt: LF . CR LF and CR LF . LF inside the body'
send 'Subject: x\n\nhi\n.\r\nMAIL FROM:<evil@x>\r\n.\nRCPT TO:<v@y>\n'
echo '--- no final newline'
send 'Subject: x\n\nabc'
echo '--- a lone dot without newline, and an empty message'
send '.'
send ''
