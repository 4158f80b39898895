# 70-pop3-popup: qmail-popup's authorization state under the real
# tcpserver, with a raw client: greeting and APOP timestamp, every verb's
# reply (the trailing space of "+OK "), what the checkpassword program gets
# on fd 3, its exit status and crash, APOP, the caps on line length and on
# commands, NUL bytes, pipelined commands reaching the subprogram, usage.
# Does NOT test: the 1200 s timeouts (too slow), our checkpassword (71),
# qmail-pop3d (72), real POP3 clients (72-74).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
D=$T/p70; rm -rf $D; mkdir -p $D
# a checkpassword program that records fd 3 and does what $D/mode says
cat > $D/check.sh <<EOF
#!/bin/sh
tr '\\0' '|' <&3 > $D/fd3
case \$(cat $D/mode) in
  ok) printf '+OK checker here, args: %s\\r\\n' "\$*"; exit 0 ;;
  fail) exit 1 ;;
  crash) kill -9 \$\$ ;;
  echo) read line; printf '+OK checker read: %s\\r\\n' "\$line"; exit 0 ;;
esac
exit 111
EOF
chmod 755 $D/check.sh
P=$(free_port)
tcp_start pop70 $P $QHOME/bin/qmail-popup pop.test $D/check.sh next arg
TALK="python3 $TOP/tests/e2e/70-pop3-talk.py $P"
norm() { sed -e 's/<[0-9][0-9]*\.[0-9][0-9]*@pop\.test>/<PID.TIME@pop.test>/g'; }
mode() { echo $1 > $D/mode; rm -f $D/fd3; }

echo '--- the greeting carries <PID.TIME@hostname>; NOOP, QUIT answer "+OK " with a space'
mode ok
$TALK NOOP QUIT | norm
echo '--- verbs before login: case-insensitive; errors for the rest'
$TALK STAT 'PASS x' 'USER' 'user alice' 'pAsS' 'APOP alice' 'APOP' 'RETR 1' 'quit' | norm
echo '--- no checker ran for all that'
test ! -e $D/fd3 && echo none
echo '--- USER+PASS run the checker with user, password, timestamp on fd 3, the client on fds 0/1'
$TALK 'USER alice' 'PASS s3cret word' > $D/out; norm < $D/out
g=$(sed -n "1s/^S: '+OK \(.*\)'$/\1/p" $D/out)
tr '|' '\n' < $D/fd3 | sed -n 1,2p
[ "$(tr '|' '\n' < $D/fd3 | sed -n 3p)" = "$g" ] && echo "timestamp on fd 3 = greeting's"
echo '--- the last USER counts'
$TALK 'USER bob' 'USER carol' 'PASS pw' | norm; sed 's/<[^>]*>/<TS>/' $D/fd3; echo
echo '--- APOP hands name and digest'
$TALK 'APOP alice 0123456789abcdef0123456789abcdef' | norm; sed 's/<[^>]*>/<TS>/' $D/fd3; echo
echo '--- a checker exiting 1 means "-ERR authorization failed", and the connection ends'
mode fail
$TALK 'USER alice' 'PASS bad' 'USER alice' | norm
echo '--- a crashed checker'
mode crash
$TALK 'USER alice' 'PASS x' | norm
echo '--- commands pipelined after PASS reach the checker (qmail-popup reads one byte at a time)'
mode echo
$TALK "raw:b'USER alice\r\nPASS pw\r\nSTAT after pass\r\n'" read:1 | norm
echo '--- a command line over 1024 bytes is refused and the connection ends'
$TALK "raw:b'NOOP ' + b'x' * 2000 + b'\r\n'" | norm
echo '--- 1024 bytes exactly (CRLF included) is a command'
$TALK "NOOP $(head -c 1017 /dev/zero | tr '\0' y)" QUIT | norm
echo '--- a NUL in a line is a syntax error'
$TALK "raw:b'US\0ER alice\r\n'" read:1 QUIT | norm
echo '--- after 40 commands without a login, the connection ends'
set --; i=0; while [ $i -lt 45 ]; do set -- "$@" NOOP; i=$((i + 1)); done
$TALK "$@" > $D/out
grep -c "^S: '+OK '$" $D/out
tail -n 2 $D/out
echo '--- a checker that cannot be run: authorization failed'
P2=$(free_port)
tcp_start pop70b $P2 $QHOME/bin/qmail-popup pop.test $D/nonexistent
python3 $TOP/tests/e2e/70-pop3-talk.py $P2 'USER alice' 'PASS pw' | norm
echo '--- usage error; the exit code is always 1'
set +e
$QHOME/bin/qmail-popup pop.test < /dev/null > $D/out; echo "exit $?"; tr -d '\r' < $D/out
printf 'QUIT\r\n' | $QHOME/bin/qmail-popup pop.test true > $D/out; echo "exit $?"; norm < $D/out | tr -d '\r'
printf 'USER a\r\nPASS b\r\n' | $QHOME/bin/qmail-popup pop.test true > $D/out; echo "exit $? (checker true, which reads nothing: no complaint after it)"; norm < $D/out | tr -d '\r'
