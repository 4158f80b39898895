#!/bin/sh
# prove/priv.sh: privilege checks with the whole system running
# (qmail-start under supervise, qmail-smtpd under tcpserver, a delivery in
# progress): every quail process's uid, gid and supplementary groups read
# from /proc match DESIGN.md section 2; qmail-queue is the only set-id file
# of the installation; qmail-local is never seen running as root; a
# .qmail, Maildir or mbox that is a symbolic link, a hard link to another
# user's file, or a FIFO is refused (deferred) and the other file untouched.
# Not checked: the logger account (no logger runs here), qmail-popup/pop3d
# (they run per connection; e2e 70-76 cover their ids).
. "$(dirname "$0")/common.sh"
prove_setup priv
u=$(prove_user pv) || notrun priv "test user"
H=$T/users/pv
# a program delivery that lasts, so qmail-local is seen running
printf '|sleep 3\n./Maildir/\n' > $H/.qmail-slow; chown $u: $H/.qmail-slow
: > $T/log/pv
qsend_start pv || notrun priv "qmail-start did not come up"
P=$(free_port)
tcp_start smtdpv $P setuidgid $U_D $QHOME/bin/qmail-smtpd || notrun priv "tcpserver"
python3 - $P $u <<'PY' &
import smtplib, sys, time
s = smtplib.SMTP('127.0.0.1', int(sys.argv[1]))
s.sendmail('a@quail.test', ['%s-slow@quail.test' % sys.argv[2]], 'Subject: priv\n\nx\n')
time.sleep(4)   # the session stays open while /proc is read
s.quit()
PY
sender=$!
id_of() { getent passwd "$1" | cut -d: -f3; }
gid_of() { getent group "$1" | cut -d: -f3; }
# name: expected "uid gid" (supplementary groups must be empty or just gid)
expect() {
  case $1 in
    qmail-send) echo "$(id_of $U_S) $(gid_of $G_Q)" ;;
    qmail-clean) echo "$(id_of $U_Q) $(gid_of $G_Q)" ;;
    qmail-rspawn|qmail-remote) echo "$(id_of $U_R) $(gid_of $G_Q)" ;;
    qmail-lspawn) echo "0 $(gid_of $G_Q)" ;;
    qmail-smtpd) echo "$(id_of $U_D) $(id -g $U_D)" ;;
    qmail-local) echo "$(id_of $u) $(id -g $u)" ;;
    qmail-queue) echo "$(id_of $U_Q) -" ;;
    *) echo "? ?" ;;
  esac
}
# sample /proc for 4 s: every process running a program of $QHOME/bin
want=""
for w in qmail-send qmail-clean qmail-rspawn qmail-remote qmail-lspawn qmail-smtpd qmail-local qmail-queue; do
  want="$want $w=$(expect $w | tr ' ' :)"
done
set -- $(python3 - "$QHOME/bin/" $want <<'PY'
import os, sys, time
home, want = sys.argv[1], dict(a.split('=') for a in sys.argv[2:])
seen = bad = lseen = lroot = 0
names = set()
t = time.time()
while time.time() - t < 4:
    for p in os.listdir('/proc'):
        if not p.isdigit(): continue
        try:
            exe = os.readlink('/proc/%s/exe' % p)
            st = dict(l.split(':', 1) for l in open('/proc/%s/status' % p).read().splitlines() if ':' in l)
        except OSError:
            continue
        if not exe.startswith(home): continue
        name = exe[len(home):]
        ruid, euid = st['Uid'].split()[:2]
        egid = st['Gid'].split()[1]
        groups = st['Groups'].split()
        wu, wg = want.get(name, '?:?').split(':')
        ok = euid == wu and (name == 'qmail-queue' or ruid == wu)
        if wg != '-': ok = ok and egid == wg and groups in ([], [wg])
        if name == 'qmail-local':
            lseen += 1
            if ruid == '0' or euid == '0': lroot += 1
        names.add(name); seen += 1
        if not ok:
            bad += 1
            sys.stderr.write('priv: %s pid %s uid %s/%s gid %s groups %s want %s %s\n' % (name, p, ruid, euid, egid, groups, wu, wg))
    time.sleep(0.05)
for w in ('qmail-send', 'qmail-clean', 'qmail-rspawn', 'qmail-lspawn', 'qmail-smtpd'):
    if w not in names:
        bad += 1; sys.stderr.write('priv: %s never seen\n' % w)
print(seen, len(names), bad, lseen, lroot)
PY
)
seen=$1 nnames=$2 bad=$3 localseen=$4 localroot=$5
wait $sender
row priv "process samples checked against DESIGN.md 2 ($nnames progs)" "$seen" info
row priv "processes with wrong uid/gid/groups" "$bad" "$([ $bad = 0 ] && echo ok || echo FAIL)"
row priv "qmail-local samples (running as root)" "$localseen ($localroot)" "$([ $localseen -gt 0 ] && [ $localroot = 0 ] && echo ok || echo FAIL)"
setid=$(find "$QHOME" -xdev -type f \( -perm -4000 -o -perm -2000 \) | sed "s|^$QHOME/||" | tr '\n' ' ')
row priv "set-id files in the installation" "${setid:-none}" "$([ "$setid" = "bin/qmail-queue " ] && echo ok || echo FAIL)"
svc_stop pv; svc_stop smtdpv

# hostile mailbox files placed by another user
o=$(tuser pvo) || exit 1
O=$T/users/pvo
refused=0 trials=0
lrun() { # .qmail line, then: qmail-local as u; prints exit code
  printf '%s\n' "$1" > $H/.qmail-t; chown $u: $H/.qmail-t; chmod 644 $H/.qmail-t
  printf 'Subject: hostile\n\nx\n' | timeout 20 setpriv --reuid=$u --regid=$(id -g $u) --clear-groups \
    env -i PATH=/usr/bin:/bin $QHOME/bin/qmail-local -- $u $H "$u-t" - t quail.test s@x ./Maildir/ >/dev/null 2>&1
  echo $?
}
check() { # what, expected untouched file (or -)
  trials=$((trials + 1))
  rc=$2
  case $rc in 0|99|124) echo "priv: $1 accepted or hung (exit $rc)" >&2 ;; *) refused=$((refused + 1)) ;; esac
}
rm -rf $H/box $H/md $O/secret; printf 'secret\n' > $O/secret; chown $o: $O/secret; chmod 666 $O/secret
ln -s $O/secret $H/box; chown -h $o: $H/box
check "mbox symlink" $(lrun ./box)
rm -f $H/box; ln $O/secret $H/box 2>/dev/null
check "mbox hard link to another user's file" $(lrun ./box)
rm -f $H/box; mkfifo $H/box; chown $o: $H/box; chmod 666 $H/box
check "mbox FIFO" $(lrun ./box)
rm -f $H/box
mkdir -p $O/md/new $O/md/cur $O/md/tmp; chown -R $o: $O/md; chmod -R 777 $O/md
ln -s $O/md $H/md; chown -h $o: $H/md
check "Maildir symlink" $(lrun ./md/)
rm -f $H/md
printf './Maildir/\n' > $O/dq; chown $o: $O/dq; ln -s $O/dq $H/.qmail-t2; chown -h $o: $H/.qmail-t2
trials=$((trials + 1))
printf 'Subject: hostile\n\nx\n' | setpriv --reuid=$u --regid=$(id -g $u) --clear-groups \
  env -i PATH=/usr/bin:/bin $QHOME/bin/qmail-local -- $u $H "$u-t2" - t2 quail.test s@x ./Maildir/ >/dev/null 2>&1
case $? in 0|99) echo "priv: .qmail symlink accepted" >&2 ;; *) refused=$((refused + 1)) ;; esac
rm -f $H/.qmail-t2 $H/.qmail-t
intact=$([ "$(cat $O/secret)" = secret ] && [ -z "$(find $O/md -type f)" ] && echo yes || echo no)
row priv "hostile .qmail/Maildir/mbox links, FIFO refused" "$refused/$trials" "$([ $refused = $trials ] && echo ok || echo FAIL)"
row priv "other user's files untouched" "$intact" "$([ $intact = yes ] && echo ok || echo FAIL)"
exit $PROVE_FAIL
