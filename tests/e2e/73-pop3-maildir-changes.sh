# 73-pop3-maildir-changes: qmail-pop3d on a Maildir that others change
# during the session, driven by poplib: a message removed by another
# reader (RETR answers -ERR, the session goes on, DELE+QUIT still +OK), one
# moved to cur/ with new flags (still readable), one made unreadable, a
# second concurrent session deleting a message, a delivery during the
# session (seen in the next one), messages replaced by a directory and a
# FIFO, and the whole Maildir removed under a session (no crash, QUIT
# answers).
# Does NOT test: NFS, two sessions renaming the same file at the same
# instant (the rename is atomic; one of them gets ENOENT and ignores it).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
[ $ROOT = yes ] || { echo "73: needs root (real accounts)" >&2; exit 1; }
rm -f $QHOME/control/checkpasswordminuid
u=$(tuser pop73); echo "$u:pw73" | chpasswd
H=$T/users/pop73; M=$H/Maildir
mk() { # write message $1 into new/ with Subject $2, as the user
  printf 'Subject: %s\n\nbody of %s\n' "$2" "$2" | setuidgid $u sh -c "cat > $M/tmp/$1 && mv $M/tmp/$1 $M/new/$1"
}
fresh() { rm -rf $M; setuidgid $u mkdir $M $M/new $M/cur $M/tmp; for i in 1 2 3 4 5; do mk 100$i.M$i.test msg$i; touch -d "2020-01-0$i" $M/new/100$i.M$i.test; done; }
fresh
P=$(free_port)
tcp_start pop73 $P $QHOME/bin/qmail-popup pop.test $QHOME/bin/checkpassword $QHOME/bin/qmail-pop3d Maildir

echo '--- others remove, move, lock and delete messages while session A is open'
python3 - $P $u "$M" <<'EOF'
import os, poplib, sys
port, user, md = int(sys.argv[1]), sys.argv[2], sys.argv[3]
def login():
    p = poplib.POP3('127.0.0.1', port, timeout=60)
    p.user(user); p.pass_('pw73')
    return p
def subj(p, n):
    try:
        return [l for l in p.retr(n)[1] if l.startswith(b'Subject')][0].decode()
    except poplib.error_proto as e:
        return str(e)
a = login()
print('A stat', a.stat()[0], 'uidl', [l.split()[1].decode() for l in a.uidl()[1]])
os.unlink(md + '/new/1001.M1.test')                                  # another reader deleted it
os.rename(md + '/new/1002.M2.test', md + '/cur/1002.M2.test:2,S')    # another reader saw it
os.chmod(md + '/new/1003.M3.test', 0)                                # cannot be read any more
open(md + '/new/1009.M9.test', 'w').write('Subject: late\n\nlate\n') # delivered meanwhile
print('A retr 1 (removed):', subj(a, 1))
print('A top 1 0 (removed):', end=' ')
try: a.top(1, 0)
except poplib.error_proto as e: print(e)
print('A noop', a.noop())
print('A list still has it:', [l.split()[0].decode() for l in a.list()[1]])
print('A retr 2 (moved to cur/ with flags):', subj(a, 2))
print('A uidl 2 unchanged:', a.uidl(2))
print('A retr 3 (unreadable):', subj(a, 3))
b = login()
print('B stat', b.stat()[0], '(the removed one is gone, the late one is there)')
print('B uidl', [l.split()[1].decode() for l in b.uidl()[1]])
print('B dele 3 (msg4)', b.dele(3), 'quit', b.quit())
print('A retr 4 (deleted by B):', subj(a, 4))
print('A stat still', a.stat()[0])
print('A dele 1', a.dele(1), 'dele 2', a.dele(2), 'dele 4', a.dele(4))
print('A quit', a.quit())
EOF
echo '--- left: msg3 (unreadable, not deleted), msg5, and the late one (moved by B'"'"'s QUIT), all in cur/'
ls $M/new $M/cur | sed "s|$M/||"
echo '--- the next session sees the late delivery'
chmod 600 $M/cur/1003.M3.test:2,
python3 - $P $u <<'EOF'
import poplib, sys
p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=60)
p.user(sys.argv[2]); p.pass_('pw73')
print('stat', p.stat()[0], [[l for l in p.top(i, 0)[1] if l.startswith(b'Subject')][0].decode() for i in (1, 2, 3)])
print('quit', p.quit())
EOF
echo '--- messages replaced by a directory and by a FIFO under a session: -ERR, no hang'
fresh
python3 - $P $u "$M" <<'EOF'
import os, poplib, sys
p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=60)
p.user(sys.argv[2]); p.pass_('pw73')
md = sys.argv[3]
os.unlink(md + '/new/1002.M2.test'); os.mkdir(md + '/new/1002.M2.test')
os.unlink(md + '/new/1003.M3.test'); os.mkfifo(md + '/new/1003.M3.test')
for n in (2, 3):
    try: p.retr(n); print('retr', n, 'answered?!')
    except poplib.error_proto as e: print('retr', n, e)
print('retr 4', [l for l in p.retr(4)[1] if l.startswith(b'Subject')])
print('quit', p.quit())
EOF
echo '--- the whole Maildir removed under a session: -ERR for RETR, QUIT answers, nothing crashes'
fresh
python3 - $P $u "$M" <<'EOF'
import poplib, shutil, sys
p = poplib.POP3('127.0.0.1', int(sys.argv[1]), timeout=60)
p.user(sys.argv[2]); p.pass_('pw73')
print('stat', p.stat()[0])
p.dele(1)
shutil.rmtree(sys.argv[3])
try: p.retr(2)
except poplib.error_proto as e: print('retr 2', e)
print('list', len(p.list()[1]))
print('quit', p.quit())
EOF
