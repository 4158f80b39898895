# 72-pop3-poplib: qmail-popup + our checkpassword + qmail-pop3d under the
# real tcpserver, with Python's poplib and a raw client, on a real user's
# Maildir filled by the real qmail-local: login, STAT LIST UIDL TOP RETR
# DELE LAST RSET NOOP QUIT, the bytes on the wire (dot-stuffing, the extra
# blank line, a last line without LF), new/ -> cur/ with ':2,' at QUIT, a
# second session seeing the deletions with the same UIDLs, message-number
# errors, a wrong password, root refused, tmp/ cleaning, no changes without
# QUIT.
# Does NOT test: a Maildir changed during the session (73), other checkers
# (74), fetchmail and curl (75), the boot scripts (76), APOP with a checker
# that supports it, the 1200 s timeouts.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
[ $ROOT = yes ] || { echo "72: needs root (real accounts)" >&2; exit 1; }
D=$T/p72; rm -rf $D; mkdir -p $D
rm -f $QHOME/control/checkpasswordminuid
u=$(tuser pop72); echo "$u:pop pw 72" | chpasswd
H=$T/users/pop72; M=$H/Maildir
rm -rf $M; setuidgid $u mkdir $M $M/new $M/cur $M/tmp
# deliver with the real qmail-local, as the user (it wants a seekable message)
deliver() {
  cat > $D/msg
  setuidgid $u $QHOME/bin/qmail-local -- $u $H $u '' '' quail.test sender@src.test ./Maildir/ < $D/msg > /dev/null
}
printf 'Subject: first\n\nline one\n.starts with a dot\n..two dots\n.\nend\n' | deliver
printf 'Subject: second\n\nbody two\n' | deliver
{ printf 'Subject: third\nX-Long: yes\n\n'; i=1; while [ $i -le 30 ]; do echo "body line $i"; i=$((i + 1)); done; } | deliver
printf 'Subject: fourth\n\nno newline at the end' | setuidgid $u sh -c "cat > $M/tmp/4 && mv $M/tmp/4 $M/new/1999999999.M4P4.test"
# not messages: a dot file, a directory
setuidgid $u sh -c "echo junk > $M/new/.hidden; mkdir $M/cur/adir"
# tmp/: one file untouched for 40 hours (debris), one fresh
setuidgid $u sh -c "echo old > $M/tmp/old; echo new > $M/tmp/fresh"
touch -a -d '40 hours ago' $M/tmp/old
[ $(ls $M/new | wc -l) = 4 ] || { echo "delivery failed" >&2; exit 1; }

P=$(free_port)
tcp_start pop72 $P $QHOME/bin/qmail-popup pop.test $QHOME/bin/checkpassword $QHOME/bin/qmail-pop3d Maildir
TALK="python3 $TOP/tests/e2e/70-pop3-talk.py $P"
norm() { sed -e 's/<[0-9][0-9]*\.[0-9][0-9]*@pop\.test>/<PID.TIME@pop.test>/g' -e "s/$u/USER/g"; }

echo '--- poplib: login, STAT LIST UIDL TOP RETR DELE LAST RSET NOOP, then QUIT'
python3 - $P $u "$M" $D/names <<'EOF' | norm
import os, poplib, sys
port, user, md = int(sys.argv[1]), sys.argv[2], sys.argv[3]
files = [f for f in os.listdir(md + '/new') if not f.startswith('.')]
files.sort(key=lambda f: (os.stat(md + '/new/' + f).st_mtime_ns, f))
open(sys.argv[4], 'w').write('\n'.join(files) + '\n')
size = {f: os.path.getsize(md + '/new/' + f) for f in files}
p = poplib.POP3('127.0.0.1', port, timeout=60)
print('welcome', p.getwelcome())
print('user', p.user(user))
print('pass', p.pass_('pop pw 72'))
n, total = p.stat()
print('stat count', n, 'octets = sum of file sizes:', total == sum(size.values()))
resp, lines, _ = p.list()
print('list', resp, [l.split()[0] for l in lines])
print('list sizes = file sizes (LF ends):', [int(l.split()[1]) for l in lines] == [size[f] for f in files])
resp, lines, _ = p.uidl()
print('uidl = file names, oldest first:', [l.split()[1].decode() for l in lines] == files)
print('subjects in delivery order:', [[h for h in p.top(i, 0)[1] if h.startswith(b'Subject')][0] for i in (1, 2, 3, 4)])
print('list 2', p.list(2) == b'+OK 2 %d' % size[files[1]])
print('uidl 3', p.uidl(3) == b'+OK 3 ' + files[2].encode())
resp, lines, _ = p.top(3, 2)
print('top 3 2', resp, [l for l in lines if not l.startswith((b'Return-Path', b'Delivered-To'))])
resp, lines, _ = p.top(3, 0)
print('top 3 0 ends with', lines[-3:])
resp, lines, _ = p.retr(1)
print('retr 1', resp, lines[2:])
print('retr 1 = the file, then one empty line:', lines == open(md + '/new/' + files[0], 'rb').read().split(b'\n')[:-1] + [b''])
resp, lines, _ = p.retr(4)
print('retr 4 (no LF at the end)', lines)
print('noop', p.noop())
print('last', p._shortcmd('LAST'))
print('dele 2', p.dele(2))
print('dele 1', p.dele(1))
print('last', p._shortcmd('LAST'))
for cmd in ('RETR 2', 'DELE 2', 'LIST 2', 'UIDL 1', 'TOP 1 1'):
    try: p._shortcmd(cmd)
    except poplib.error_proto as e: print(cmd, e)
n, total = p.stat()
print('stat after dele: count', n, '(deleted still counted), octets:', total == size[files[2]] + size[files[3]])
print('list after dele', [l.split()[0] for l in p.list()[1]])
print('rset', p.rset())
print('last', p._shortcmd('LAST'))
print('list after rset', [l.split()[0] for l in p.list()[1]])
print('dele 2', p.dele(2))
print('quit', p.quit())
EOF
echo '--- after QUIT: the deleted message is gone, the others are in cur/ with :2,'
ls $M/new | sed "s/^[^:]*$/NAME/"
ls $M/cur | sed "s/^[^:]*:2,$/NAME:2,/"
for f in $(cat $D/names); do
  if [ -f "$M/cur/$f:2," ]; then echo "$f -> cur/:2,"; elif [ ! -e "$M/new/$f" ]; then echo "$f gone"; fi
done | sed "s/^[^ ]* /NAME /"
sed -n 2p $D/names > $D/deleted
[ ! -e "$M/cur/$(cat $D/deleted):2," ] && echo "the deleted one is message 2"
echo '--- tmp/: the 40-hour-old file was removed, the fresh one kept'
ls $M/tmp
echo '--- a second session sees the deletion, the same UIDLs, and the dots stuffed on the wire'
python3 - $P $u $D/names <<'EOF' | norm
import poplib, sys
port, user, names = int(sys.argv[1]), sys.argv[2], open(sys.argv[3]).read().split()
p = poplib.POP3('127.0.0.1', port, timeout=60)
p.user(user); p.pass_('pop pw 72')
print('stat', p.stat()[0])
ids = [l.split()[1].decode() for l in p.uidl()[1]]
print('uidl unchanged across sessions:', ids == [names[0], names[2], names[3]])
print('quit', p.quit())
EOF
$TALK "USER $u" 'PASS pop pw 72' '=RETR 1' '=TOP 2 1' '=RETR 3' QUIT | norm \
  | sed -e '/Return-Path\|Delivered-To/d'
echo '--- message-number errors and commands qmail-pop3d does not have'
$TALK "USER $u" 'PASS pop pw 72' 'RETR 0' 'RETR 9' 'RETR -1' 'RETR x' 'RETR 1x' 'RETR 4294967296' \
  'RETR 99999999999999999999999' 'RETR' 'TOP 1 x' 'TOP 1x 2' 'TOP 1 -1' 'LIST 1 2' 'DELE 0' \
  CAPA 'USER x' 'APOP x y' STLS 'retr 9' "raw:b'NO\0OP\r\n'" read:1 "raw:b'NOOP ' + b'x' * 2000 + b'\r\n'" | norm
echo '--- nothing changes without QUIT: DELE then a dropped connection'
$TALK "USER $u" 'PASS pop pw 72' 'DELE 1' 'DELE 2' drop | norm
waitfor 10 sh -c "! pgrep -u $u qmail-pop3d"
ls $M/cur | sed "s/^[^:]*:2,$/NAME:2,/"
echo '--- a wrong password: poplib sees -ERR authorization failed'
python3 - $P $u <<'EOF'
import poplib, sys
p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=60)
p.user(sys.argv[2])
try: p.pass_('wrong'); print('logged in?!')
except poplib.error_proto as e: print('pass', e)
EOF
echo '--- root is refused by qmail-pop3d itself, behind a checker that lets root through'
mkdir -p $D/root/Maildir/new $D/root/Maildir/cur $D/root/Maildir/tmp
printf '#!/bin/sh\n# accepts anyone, as root, in %s\ncd %s && exec "$@"\n' $D/root $D/root > $D/asroot.sh
printf '#!/bin/sh\n# accepts anyone, as the test user, in its home\ncd %s && exec setuidgid %s "$@"\n' $H $u > $D/asuser.sh
chmod 755 $D/asroot.sh $D/asuser.sh
P2=$(free_port)
tcp_start pop72r $P2 $QHOME/bin/qmail-popup pop.test $D/asroot.sh $QHOME/bin/qmail-pop3d Maildir
python3 $TOP/tests/e2e/70-pop3-talk.py $P2 'USER root' 'PASS anything' | norm
echo '--- the same checker dropping to the user works (so the refusal is about root)'
svc_stop pop72r
tcp_start pop72u $P2 $QHOME/bin/qmail-popup pop.test $D/asuser.sh $QHOME/bin/qmail-pop3d Maildir
python3 $TOP/tests/e2e/70-pop3-talk.py $P2 'USER root' 'PASS anything' STAT QUIT | norm | sed 's/+OK 3 [0-9]*/+OK 3 OCTETS/'
echo '--- a user without the Maildir'
mv $M $M.away
$TALK "USER $u" 'PASS pop pw 72' STAT | norm
mv $M.away $M
