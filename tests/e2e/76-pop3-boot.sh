# 76-pop3-boot: the installed boot templates boot/pop3d-run and
# boot/pop3d-log-run as a daemontools service directory under the real
# svscan, supervise and multilog: conf-home and the log account are filled
# in, env/ADDR and env/PORT are obeyed, poplib reads mail through the
# service, multilog (as the log account) records tcpserver's lines, and
# svc -t restarts the service.
# Does NOT test: make start (80 does), the default port 110 (not free to
# take in a test), tcprules.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
[ $ROOT = yes ] || { echo "76: needs root (real accounts)" >&2; exit 1; }
rm -f $QHOME/control/checkpasswordminuid
D=$T/p76; rm -rf $D; mkdir -p $D/sv/pop3d/log/main $D/sv/pop3d/env $D/service
u=$(tuser pop76); echo "$u:boot pw 76" | chpasswd
H=$T/users/pop76; M=$H/Maildir
rm -rf $M; setuidgid $u mkdir $M $M/new $M/cur $M/tmp
printf 'Subject: via the service\n\nhello\n' | setuidgid $u sh -c "cat > $M/tmp/1 && mv $M/tmp/1 $M/new/1001.M1.test"

echo '--- the installed templates name conf-home and the log account'
cp $QHOME/boot/pop3d-run $D/sv/pop3d/run
cp $QHOME/boot/pop3d-log-run $D/sv/pop3d/log/run
grep -h 'HOME\|tcpserver\|qmail-popup\|multilog' $D/sv/pop3d/run $D/sv/pop3d/log/run \
  | grep -v '^#' | sed "s|$QHOME|QHOME|g; s/$U_L/LOGUSER/"
P=$(free_port)
echo 127.0.0.1 > $D/sv/pop3d/env/ADDR
echo $P > $D/sv/pop3d/env/PORT
chown $U_L $D/sv/pop3d/log/main
ln -s $D/sv/pop3d $D/service/pop3d
svscan $D/service > $D/svscan.out 2>&1 &
echo $! > $D/svscan.pid
stop() { kill $(cat $D/svscan.pid) 2>/dev/null; svc -dx $D/sv/pop3d $D/sv/pop3d/log 2>/dev/null; _cleanup; }
trap stop EXIT
waitfor 20 sh -c "svstat $D/sv/pop3d | grep -q ': up'"
waitfor 20 sh -c "svstat $D/sv/pop3d/log | grep -q ': up'"
wait_port $P
echo '--- svstat: the service and its logger are up'
svstat $D/sv/pop3d $D/sv/pop3d/log | sed "s|$D/sv/||; s/(pid [0-9]*) [0-9]* seconds/(pid N) S seconds/"
echo '--- poplib reads the message through the service (env/PORT obeyed)'
python3 - $P $u $QHOME/control/me <<'EOF'
import poplib, sys
p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=60)
me = open(sys.argv[3]).read().split('\n')[0].encode()
print('greeting names control/me:', p.getwelcome().endswith(b'@' + me + b'>'))
p.user(sys.argv[2]); p.pass_('boot pw 76')
print([l for l in p.retr(1)[1] if l.startswith(b'Subject')])
print('quit', p.quit())
EOF
echo '--- multilog, as the log account, wrote tcpserver lines with TAI64N stamps'
waitfor 20 grep -q ' end [0-9]* status' $D/sv/pop3d/log/main/current
stat -c %U $D/sv/pop3d/log/main/current | sed "s/^$U_L$/LOGUSER/"
sed 's/^@[0-9a-f]\{24\} /@TAI64N /' $D/sv/pop3d/log/main/current \
  | sed -n 's/\(@TAI64N tcpserver: [a-z]*\).*/\1/p' | sort -u
echo '--- svc -t restarts tcpserver; the service answers again'
old=$(svstat $D/sv/pop3d | sed 's/.*(pid \([0-9]*\)).*/\1/')
svc -t $D/sv/pop3d
waitfor 20 sh -c "svstat $D/sv/pop3d | grep -q ': up' && ! svstat $D/sv/pop3d | grep -q 'pid $old)'"
wait_port $P
python3 $TOP/tests/e2e/70-pop3-talk.py $P QUIT | sed "s/<[0-9]*\.[0-9]*@$(head -n 1 $QHOME/control/me)>/<PID.TIME@ME>/"
