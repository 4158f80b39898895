# 45-rspawn: qmail-rspawn driven with hand-written spawn commands (the
# qmail-send protocol of reference 5.2).  A stand-in qmail-remote found
# first on PATH (as a QMAILREMOTE-style wrapper would be) prints chosen
# reports, so every rule of the merge shows: r/s/h followed by K/Z/D, a
# crash, exit 111 and 100, no output, no message report, a mangled one;
# it also shows the arguments and the message on fd 0.  Then the real
# qmail-remote through qmail-rspawn, and the tcpto table cleared at start.
# Not tested here: qmail-send (43), the spawn engine's own refusals (25).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
FB=$T/fakebin45
mkdir -p "$FB"
cat > "$FB/qmail-remote" <<'EOF2'
#!/bin/sh
case "$3" in
  k@*) printf 'r\0K1.2.3.4 accepted message.\nRemote host said: 250 ok\n\0' ;;
  sk@*) printf 's1.2.3.4 does not like recipient.\nRemote host said: 451 later\n\0K1.2.3.4 accepted message.\n\0' ;;
  sd@*) printf 's1.2.3.4 does not like recipient.\nRemote host said: 451 later\n\0DGiving up on 1.2.3.4.\n\0' ;;
  hd@*) printf 'h1.2.3.4 does not like recipient.\nRemote host said: 550 no\n\0DGiving up on 1.2.3.4.\n\0' ;;
  hz@*) printf 'h1.2.3.4 does not like recipient.\nRemote host said: 550 no\n\0ZConnected to 1.2.3.4 but connection died. (#4.4.2)\n\0' ;;
  rz@*) printf 'r\0Z1.2.3.4 failed after I sent the message.\nRemote host said: 451 try again\n\0' ;;
  rd@*) printf 'r\0D1.2.3.4 failed after I sent the message.\nRemote host said: 554 no\n\0' ;;
  z@*) printf 'ZSorry, I wasn'"'"'t able to establish an SMTP connection. (#4.4.1)\n\0' ;;
  d@*) printf 'DSorry, I couldn'"'"'t find any host named nosuch. (#5.1.2)\n\0' ;;
  crash@*) kill -9 $$ ;;
  e111@*) exit 111 ;;
  e100@*) exit 100 ;;
  none@*) : ;;
  nomsg@*) printf 'r\0' ;;
  mangled@*) printf 'Xwhat\0K\0' ;;
  args@*) printf 'K%s|%s|%s|%s|%s\0' "$#" "$1" "$2" "$3" "$(id -un)" ;;
  stdin@*) printf 'K'; cat; printf '\0' ;;
esac
EOF2
chmod 755 "$FB/qmail-remote"
mkdir -p "$QHOME/queue/mess/0"
printf 'Subject: rspawn\n\nbody\n' > "$QHOME/queue/mess/0/4500"
chown "$U_Q" "$QHOME/queue/mess/0/4500"
cmd() { printf "\\$(printf %03o $1)%s\\0%s\\0%s\\0" 0/4500 "$2" "$3"; }
showreps() {
python3 - "$1" <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
print('concurrency byte: %s' % ('present' if b else 'missing'))
b = b[1:]
reps = []
while b:
    slot = b[0]; end = b.index(b'\0', 1)
    reps.append((slot, b[1:end].decode())); b = b[end + 1:]
for slot, text in sorted(reps):
    print('slot %d: %s' % (slot, text.replace('\n', '/')))
PY
}
rspawn() { setuidgid "$U_R" env - PATH="$1" "$QHOME/bin/qmail-rspawn"; }

echo '--- the merge of recipient and message reports'
i=0
for r in k sk sd hd hz rz rd z d crash e111 e100 none nomsg mangled; do cmd $i s@src.test "$r@remote.example"; i=$((i + 1)); done > "$T/cmds45"
rspawn "$FB:/usr/bin:/bin" < "$T/cmds45" > "$T/rep45"; echo "qmail-rspawn exit: $?"
showreps "$T/rep45"

echo '--- qmail-remote gets DOMAIN SENDER RECIPIENT, runs as qmailr, the message on fd 0'
{ cmd 0 s@src.test args@Remote.Example; cmd 1 '' stdin@remote.example; } | rspawn "$FB:/usr/bin:/bin" > "$T/rep45"
showreps "$T/rep45" | sed "s/|$U_R$/|QMAILR/"

echo '--- the real qmail-remote through qmail-rspawn; tcpto cleared at start'
python3 -c 'import sys; open(sys.argv[1], "r+b").write(bytes([10, 0, 0, 1, 5]) + bytes(1019))' "$QHOME/queue/lock/tcpto"
PORT=$(free_port)
echo ":[127.0.0.1]:$PORT" > "$QHOME/control/smtproutes"
echo 2 > "$QHOME/control/timeoutconnect"
cmd 0 s@src.test a@remote.example | rspawn "$QHOME/bin:/usr/bin:/bin" > "$T/rep45"
showreps "$T/rep45"
od -An -v -tx1 "$QHOME/queue/lock/tcpto" | tr -d ' \n' | sed 's/^0*$/table all zero/'; echo
