# 75-pop3-fetchmail: fetchmail (batch mode, one poll) against
# qmail-popup + our checkpassword + qmail-pop3d pulls every message, one
# of them large and one full of leading dots, into an MDA of the test, and
# deletes them from the Maildir; a second poll finds nothing; a wrong
# password makes fetchmail fail.  curl against our checker: it insists on
# APOP, which a crypt(3) checker cannot verify (74 reads with curl through
# checkapoppw).
# Does NOT test: fetchmail's keep/UIDL mode, SSL, daemon mode.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
[ $ROOT = yes ] || { echo "75: needs root (real accounts)" >&2; exit 1; }
command -v fetchmail >/dev/null || { echo "75: fetchmail is missing (tests/deps/pop3.sh)" >&2; exit 1; }
rm -f $QHOME/control/checkpasswordminuid
D=$T/p75; rm -rf $D; mkdir -p $D/got $D/fm; chmod 700 $D/fm
u=$(tuser pop75); echo "$u:fetch pw 75" | chpasswd
H=$T/users/pop75; M=$H/Maildir
rm -rf $M; setuidgid $u mkdir $M $M/new $M/cur $M/tmp
put() { setuidgid $u sh -c "cat > $M/tmp/$1 && mv $M/tmp/$1 $M/new/$1"; touch -d "$2" $M/new/$1; }
printf 'From: a@src.test\nTo: %s@quail.test\nSubject: small\n\nhello\n' $u | put 1001.M1.test 2020-01-01
{ printf 'From: b@src.test\nTo: %s@quail.test\nSubject: big\n\n' $u; i=0; while [ $i -lt 20000 ]; do echo "line $i of a long message, padded to look like text"; i=$((i + 1)); done; } | put 1002.M2.test 2020-01-02
printf 'From: c@src.test\nTo: %s@quail.test\nSubject: dots\n\n.\n..\n.x\n...\nend\n' $u | put 1003.M3.test 2020-01-03
mkdir $D/orig; cp $M/new/* $D/orig/
cat > $D/mda.sh <<EOF
#!/bin/sh
# the MDA: keeps each message it is given
n=\$(ls $D/got | wc -l)
cat > $D/got/\$((n + 1))
EOF
chmod 755 $D/mda.sh
P=$(free_port)
tcp_start pop75 $P $QHOME/bin/qmail-popup pop.test $QHOME/bin/checkpassword $QHOME/bin/qmail-pop3d Maildir
rc() { # password
  printf 'set no bouncemail\npoll 127.0.0.1 with protocol POP3 port %s auth password\n  user "%s" there with password "%s" is "root" here\n  options fetchall no keep no rewrite sslproto %s\n  mda "%s"\n' \
    $P $u "$1" "''" $D/mda.sh > $D/fm/rc
  chmod 600 $D/fm/rc
}

echo '--- one fetchmail poll pulls every message into the MDA and deletes them'
rc 'fetch pw 75'
set +e
FETCHMAILHOME=$D/fm fetchmail -f $D/fm/rc --nodetach -v > $D/fm/log 2>&1; echo "fetchmail exit $?"
set -e
ls $D/got | wc -l
echo '--- in order, each equal to its file from the Subject line on (fetchmail adds Received),'
echo '    plus the empty line qmail-pop3d adds at the end (qmail'"'"'s extra blank line)'
i=0
for f in 1001.M1.test 1002.M2.test 1003.M3.test; do
  i=$((i + 1))
  { sed -n '/^Subject/,$p' $D/orig/$f; echo; } > $D/a; sed -n '/^Subject/,$p' $D/got/$i > $D/b
  cmp -s $D/a $D/b && echo "$(head -n 1 $D/a): equal ($(wc -l < $D/b) lines)"
done
sed -n '/^Subject: dots/,$p' $D/got/3
echo '--- the Maildir is empty now'
ls $M/new $M/cur | sed "s|$M/||"
echo '--- a second poll finds nothing (exit 1 = no mail)'
set +e
FETCHMAILHOME=$D/fm fetchmail -f $D/fm/rc --nodetach > $D/fm/log2 2>&1; echo "fetchmail exit $?"
echo '--- a wrong password: fetchmail reports an authentication failure (exit 3)'
rc 'wrong'
FETCHMAILHOME=$D/fm fetchmail -f $D/fm/rc --nodetach > $D/fm/log3 2>&1; echo "fetchmail exit $?"
echo '--- curl against our checker tries APOP (the greeting has a timestamp) and is refused'
curl -sS --max-time 60 -u "$u:fetch pw 75" "pop3://127.0.0.1:$P/1" 2>&1; echo "curl exit $?"
