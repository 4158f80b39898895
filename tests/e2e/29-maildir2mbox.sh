# 29-maildir2mbox: a real user's Maildir (new/ and cur/, messages with and
# without Return-Path, From lines to quote, no final newline) moved into
# an mbox that already holds mail; Python's mailbox.mbox reads it back;
# the Maildir is emptied and stale tmp/ files are removed; a second run
# changes nothing; missing variables and directories; a full disk (tmpfs
# in a private mount namespace) leaves mbox and Maildir as they were; a
# delivery waiting for the lock while maildir2mbox holds it is not lost.
# Does NOT test: crashes in the middle (the mbox can keep a partial copy,
# see maildir2mbox(1)); NFS; dot-locking (quail, like qmail, uses flock).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
U=$(tuser h29)
H=$T/users/h29
W=$T/w29; rm -rf $W; mkdir -p $W
MD=$H/Maildir; rm -rf $MD $H/mbox
mkdir -p $MD/new $MD/cur $MD/tmp
printf 'Return-Path: <alice@a.test>\nSubject: one\n\nFrom here\n>From there\nbody\n' > $MD/new/1000000000.1.quail
printf 'Return-Path: <>\nSubject: two\n\nno newline at the end' > $MD/cur/1000000100.2.quail:2,S
printf 'Subject: three\n\nx\n' > $MD/new/1000000200.3.quail
printf 'Return-Path: <a b@c.test>\nSubject: four\n\n>>From deep\n' > $MD/new/1000000300.4.quail
touch -d @1000000000 $MD/new/1000000000.1.quail
touch -d @1000000100 $MD/cur/1000000100.2.quail:2,S
touch -d @1000000200 $MD/new/1000000200.3.quail
touch -d @1000000300 $MD/new/1000000300.4.quail
echo stale > $MD/tmp/old; touch -a -d '3 days ago' $MD/tmp/old
echo fresh > $MD/tmp/new
printf 'From old@x.test Thu Jan 01 00:00:00 1970\nSubject: zero\n\nalready here\n\n' > $H/mbox
chown -R $U: $MD $H/mbox; chmod 600 $H/mbox
m2m() { env - PATH="$PATH" MAILDIR=$MD MAIL=$H/mbox MAILTMP=$H/mbox.tmp "$@"; }
readmbox() {
  python3 - "$1" <<'PY'
import mailbox, sys
mb = mailbox.mbox(sys.argv[1], create=False)
for m in mb:
    print(repr(m.get_from()), '|', m['Subject'], '|', repr(m.get_payload()))
PY
}

echo '--- the messages are appended oldest first, quoted, each with a From_ line'
m2m setuidgid $U maildir2mbox && echo "exit 0"
readmbox $H/mbox
echo '--- the raw bytes of the new part'
tail -n +5 $H/mbox
echo '--- the Maildir is empty; tmp/ keeps only the fresh file'
(cd $MD && ls new cur tmp)
stat -c '%U %a' $H/mbox | sed "s/^$U /USER /"

echo '--- a second run has nothing to do and leaves the mbox alone'
cp $H/mbox $W/before
m2m setuidgid $U maildir2mbox && echo "exit 0"
cmp $W/before $H/mbox && echo "unchanged"
echo '--- with nothing to do, a missing $MAIL is not created'
env - PATH="$PATH" MAILDIR=$MD MAIL=$W/none maildir2mbox && echo "exit 0"
test -e $W/none && echo "created" || echo "not created"

echo '--- an mbox whose last message lacks its final newline still gets a From_ line of its own'
mkdir -p $W/d/new $W/d/cur $W/d/tmp
printf 'Subject: appended\n\nnew\n' > $W/d/new/1.x; touch -d @1000000000 $W/d/new/1.x
printf 'From a@b Thu Jan 01 00:00:00 1970\nSubject: damaged\n\nno newline' > $W/dmbox
env - PATH="$PATH" MAILDIR=$W/d MAIL=$W/dmbox maildir2mbox && echo "exit 0"
readmbox $W/dmbox

echo '--- missing MAILDIR, MAIL, or Maildir'
env - PATH="$PATH" MAIL=$H/mbox maildir2mbox 2>&1 || echo "exit $?"
env - PATH="$PATH" MAILDIR=$MD maildir2mbox 2>&1 || echo "exit $?"
env - PATH="$PATH" MAILDIR=$W/nomaildir MAIL=$H/mbox maildir2mbox 2>&1 | sed "s|$W|W|" || true
env - PATH="$PATH" MAILDIR=$W/nomaildir MAIL=$H/mbox maildir2mbox 2>/dev/null || echo "exit $?"

echo '--- a full disk: exit 111, the mbox cut back to its old size, the Maildir kept'
mkdir -p $W/small $W/md/new $W/md/cur $W/md/tmp
head -c 300000 /dev/zero | tr '\0' 'x' | fold -w 70 > $W/md/new/big.1
unshare -m sh -c "
  mount -t tmpfs -o size=128k tmpfs $W/small
  printf 'From a@b Thu Jan 01 00:00:00 1970\nSubject: kept\n\nkept\n\n' > $W/small/mbox
  cp $W/small/mbox $W/orig
  env - PATH=\"\$PATH\" MAILDIR=$W/md MAIL=$W/small/mbox maildir2mbox 2>&1 | sed 's|$W|W|'
  env - PATH=\"\$PATH\" MAILDIR=$W/md MAIL=$W/small/mbox maildir2mbox 2>/dev/null || echo \"exit \$?\"
  cmp $W/orig $W/small/mbox && echo 'mbox unchanged'
"
ls $W/md/new

echo '--- a delivery waiting for the lock while maildir2mbox holds it is kept'
# flock(1) holds the lock; maildir2mbox and a Python appender (as
# qmail-local appends) queue behind it; whoever wins, both must land
for round in 1 2; do
  rm -f $W/release; mkdir -p $W/c/new $W/c/cur $W/c/tmp
  printf 'Subject: from maildir %s\n\nm\n' $round > $W/c/new/1.$round
  printf 'From x@y Thu Jan 01 00:00:00 1970\nSubject: seed\n\ns\n\n' > $W/cmbox
  ino=$(stat -c %i $W/cmbox)
  flock $W/cmbox sh -c "n=0; while [ ! -f $W/release ] && [ \$n -lt 600 ]; do sleep 0.1; n=\$((n+1)); done" &
  waitfor 10 grep -q ":$ino " /proc/locks
  env - PATH="$PATH" MAILDIR=$W/c MAIL=$W/cmbox maildir2mbox &
  waitfor 10 sh -c "[ \$(grep -c -- '-> FLOCK.*:$ino ' /proc/locks) -ge 1 ]"
  python3 - $W/cmbox $round <<'PY' &
import fcntl, os, sys
fd = os.open(sys.argv[1], os.O_WRONLY | os.O_APPEND)
fcntl.flock(fd, fcntl.LOCK_EX)
os.write(fd, b'From d@e Thu Jan 01 00:00:00 1970\nSubject: from delivery %s\n\nd\n\n' % sys.argv[2].encode())
os.fsync(fd)
PY
  waitfor 10 sh -c "[ \$(grep -c -- '-> FLOCK.*:$ino ' /proc/locks) -ge 2 ]"
  touch $W/release
  wait
  python3 -c "import mailbox,sys; print(sorted(m['Subject'] for m in mailbox.mbox(sys.argv[1])))" $W/cmbox
  ls $W/c/new | wc -l
done
