# 74-pop3-checkpw: the checkpassword interface kept exactly: Debian's
# checkpw (passwords in ~/Maildir/.password) takes our checkpassword's place
# in front of qmail-pop3d, with poplib (USER/PASS, wrong password, a
# deletion); Debian's checkapoppw checks a real APOP digest made from
# qmail-popup's timestamp (poplib's apop, then curl, which prefers APOP
# whenever the greeting has a timestamp, reading a message over pop3://).
# Does NOT test: our own checkpassword (71, 72) or fetchmail (75).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
[ $ROOT = yes ] || { echo "74: needs root (real accounts)" >&2; exit 1; }
command -v checkpw >/dev/null || { echo "74: checkpw is missing (tests/deps/pop3.sh)" >&2; exit 1; }
u=$(tuser pop74)
H=$T/users/pop74; M=$H/Maildir
rm -rf $M; setuidgid $u mkdir $M $M/new $M/cur $M/tmp
setuidgid $u sh -c "umask 077; echo 'apop secret 74' > $M/.password"
for i in 1 2 3; do
  printf 'Subject: checkpw %s\n\nline\n.dot\n' $i | setuidgid $u sh -c "cat > $M/tmp/$i && mv $M/tmp/$i $M/new/100$i.M$i.test"
  touch -d "2020-01-0$i" $M/new/100$i.M$i.test
done
P=$(free_port)
tcp_start pop74 $P $QHOME/bin/qmail-popup pop.test /usr/bin/checkpw $QHOME/bin/qmail-pop3d Maildir

echo '--- qmail-popup | checkpw | qmail-pop3d: poplib logs in, reads, deletes'
python3 - $P $u <<'EOF'
import poplib, sys
port, user = int(sys.argv[1]), sys.argv[2]
p = poplib.POP3('127.0.0.1', port, timeout=60)
try: p.user(user); p.pass_('wrong'); print('logged in with a wrong password?!')
except poplib.error_proto as e: print('wrong password:', e)
p = poplib.POP3('127.0.0.1', port, timeout=60)
print('user', p.user(user), 'pass', p.pass_('apop secret 74'))
print('stat', p.stat()[0], '(.password is not a message)')
print('retr 2', p.retr(2)[1])
print('dele 1', p.dele(1), 'quit', p.quit())
EOF
ls $M/new $M/cur | sed "s|$M/||"
svc_stop pop74

echo '--- qmail-popup | checkapoppw | qmail-pop3d: a real APOP digest of the greeting timestamp'
tcp_start pop74a $P $QHOME/bin/qmail-popup pop.test /usr/bin/checkapoppw $QHOME/bin/qmail-pop3d Maildir
python3 - $P $u <<'EOF'
import poplib, sys
port, user = int(sys.argv[1]), sys.argv[2]
p = poplib.POP3('127.0.0.1', port, timeout=60)
try: p.apop(user, 'not the secret'); print('logged in?!')
except poplib.error_proto as e: print('apop, wrong secret:', e)
p = poplib.POP3('127.0.0.1', port, timeout=60)
print('apop', p.apop(user, 'apop secret 74'))
print('uidl', [l.split()[1].decode() for l in p.uidl()[1]])
print('quit', p.quit())
EOF
echo '--- curl pop3:// (APOP) lists, then reads message 2 (dots unstuffed by curl)'
curl -sS --max-time 60 -u "$u:apop secret 74" "pop3://127.0.0.1:$P/" | tr -d '\r' | sed 's/ [0-9]*$/ SIZE/'
curl -sS --max-time 60 -u "$u:apop secret 74" "pop3://127.0.0.1:$P/2" | tr -d '\r'
echo "curl exit $?"
echo '--- curl with a wrong secret fails to log in'
set +e
curl -sS --max-time 60 -u "$u:wrong" "pop3://127.0.0.1:$P/1" 2>&1; echo "curl exit $?"
