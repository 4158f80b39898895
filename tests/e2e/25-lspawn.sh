# 25-lspawn: qmail-lspawn driven with hand-written spawn commands (the
# qmail-send protocol of reference 5.2) on real accounts: the concurrency
# byte, reports per slot, users/assign -> qmail-newu -> users/cdb lookups
# (exact and wildcard entries, uid 0 refused), qmail-getpw for the rest
# (run as qmailp; case folded; unknown names and root go to the alias user
# whose home is HOME/alias), qmail-local run with the user's uid and gid and
# no supplementary groups, the spawn-side refusals (wrong owner, bad
# messid, no @, slot too big), the empty local part, exit 0 at EOF.
# Does NOT test: qmail-send itself, a busy slot (needs qmail-send's timing),
# report truncation at 3000 bytes (below: one long report).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure || exit 1
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
luser l25a; A=$U; HA=$H
asu maildirmake Maildir
luser l25b; B=$U; HB=$H
asu maildirmake Maildir
printf '|id -u > ids.out; id -G >> ids.out\n./Maildir/\n' > $HB/.qmail-list-foo; chmod 644 $HB/.qmail-list-foo
printf '|echo begin; head -c 4000 /dev/zero | tr "\\\\0" x; exit 100\n' > $HB/.qmail-list-long; chmod 644 $HB/.qmail-list-long
AH=$QHOME/alias
rm -rf $AH/Maildir $AH/.qmail-*
# leave the shared alias home as we found it: other scripts bounce unknown users
trap 'rm -rf $AH/Maildir $AH/.qmail-default $QHOME/users/cdb $QHOME/users/assign; _cleanup' EXIT
(cd $AH && setpriv --reuid=$U_ALIAS --regid=$G_N --clear-groups maildirmake Maildir)
printf './Maildir/\n' > $AH/.qmail-default; chmod 644 $AH/.qmail-default
uid() { id -u $1; }
cat > $QHOME/users/assign <<A
=box:$B:$(uid $B):$(id -g $B):$HB:::
+lst-:$B:$(uid $B):$(id -g $B):$HB:-:list-:
=rootly:root:0:0:/root:::
.
A
qmail-newu; echo "qmail-newu: $?"
mkdir -p $QHOME/queue/mess/0
printf 'Subject: lspawn\n\nbody\n' > $QHOME/queue/mess/0/2500
chown $U_Q $QHOME/queue/mess/0/2500
printf 'Subject: root owned\n\nbody\n' > $QHOME/queue/mess/0/2501

cmd() { printf "\\$(printf %03o $1)%s\\0%s\\0%s\\0" "$2" "$3" "$4"; }
{
  cmd 0 0/2500 snd@x.org $A@example.org
  cmd 1 0/2500 snd@x.org $(echo $A | tr a-z A-Z)@example.org
  cmd 2 0/2500 snd@x.org $A-nothing@example.org
  cmd 3 0/2500 snd@x.org nosuchuser@example.org
  cmd 4 0/2500 snd@x.org root@example.org
  cmd 5 0/2500 snd@x.org box@example.org
  cmd 6 0/2500 snd@x.org lst-Foo@example.org
  cmd 7 0/2500 snd@x.org rootly@example.org
  cmd 8 0/2501 snd@x.org l25a@example.org
  cmd 9 abc snd@x.org l25a@example.org
  cmd 10 0/2500 snd@x.org noat
  cmd 11 0/2500 snd@x.org @example.org
  cmd 12 /etc/passwd snd@x.org l25a@example.org
  cmd 13 0/9999 snd@x.org l25a@example.org
  cmd 14 0/2500 snd@x.org lst-long@example.org
  cmd 200 0/2500 snd@x.org l25a@example.org
} > $T/cmds25

showreps() {
python3 - $1 <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
print('concurrency byte: %d' % b[0])
b = b[1:]
reps = []
while b:
    slot = b[0]; end = b.index(b'\0', 1)
    reps.append((slot, b[1:end].decode())); b = b[end + 1:]
for slot, text in sorted(reps):
    text = text.replace('\n', '/')
    if len(text) > 120: text = '%s...[%d bytes]...%s' % (text[:20], len(text), text[-40:])
    print('slot %d: %s' % (slot, text))
PY
}
echo '--- qmail-lspawn: one byte of concurrency, then one report per command'
qmail-lspawn ./Maildir/ < $T/cmds25 > $T/rep25; echo "qmail-lspawn exit: $?"
showreps $T/rep25 | sed "s/$A/USERA/g"
echo '--- where the mail went, and as whom'
showmaildir $HA/Maildir | sed "s/$A/USERA/g; s/$(echo "$A" | tr a-z A-Z)/USERAUC/g"
stat -c %U $HA/Maildir/new/* | sort -u | sed "s/^$A$/the user l25a/"
showmaildir $HB/Maildir
showmaildir $AH/Maildir | sed "s/$A/USERA/g"
stat -c %U $AH/Maildir/new/* | sort -u | sed "s/^$U_ALIAS$/the alias user/"
echo '--- the program ran as the user, with only the user group'
[ "$(sed -n 1p $HB/ids.out)" = "$(id -u $B)" ] && echo uid ok
[ "$(sed -n 2p $HB/ids.out)" = "$(id -g $B)" ] && echo groups ok
echo '--- without users/cdb every address goes through qmail-getpw'
rm -f $QHOME/users/cdb
{ cmd 0 0/2500 snd@x.org box@example.org; cmd 1 0/2500 snd@x.org $B@example.org; } > $T/cmds25b
qmail-lspawn ./Maildir/ < $T/cmds25b > $T/rep25; showreps $T/rep25
showmaildir $AH/Maildir | tail -n 1
showmaildir $HB/Maildir | tail -n 1
echo '--- a users/cdb that is not a cdb is a temporary failure'
echo garbage > $QHOME/users/cdb
cmd 0 0/2500 snd@x.org l25a@example.org | qmail-lspawn ./Maildir/ > $T/rep25; showreps $T/rep25
rm -f $QHOME/users/cdb $QHOME/users/assign
echo '--- no default delivery argument: exit 100'
qmail-lspawn < /dev/null; echo "exit $?"
