# 20-local-deliver: qmail-local run directly as a real user (as qmail-lspawn
# would) follows each .qmail line type: comments, ./Maildir/, ./mbox,
# |program; the default delivery when there is no .qmail or an empty one;
# mboxrd quoting and the added headers, read back with Python's mailbox;
# -n mode; a blank first line.
# Does NOT test: the .qmail search (21), program environment and exit
# codes (22), forwards (23), safety checks (24), qmail-lspawn (25).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure || exit 1
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
luser l20
M=$T/msg20; mkdir -p $M
printf 'Received: from a by b\nSubject: one\n\nFrom the start\n>From quoted\n>>From twice\nFromage\n no From here\nlast line without newline' > $M/one
printf 'Subject: two\n\nbody two\n' > $M/two
chmod 644 $M/*

echo '--- every line type in one .qmail: comment, maildir, mbox, program'
asu maildirmake Maildir
printf '# a comment\n./Maildir/\n./mbox\n|cat > prog.out\n' > $H/.qmail
chmod 644 $H/.qmail
ql l20 '' '' example.org snd@x.org ./Mailbox < $M/one
showmaildir $H/Maildir
showmbox $H/mbox
echo '--- the program saw the message as queued, without the added headers'
cmp $M/one $H/prog.out && echo same
echo '--- files belong to the user, mode 0600; the Maildir name is TIME.MusecPpid.host'
stat -c '%U %a' $H/mbox $H/Maildir/new/* | sed "s/^$U /USER /"
ls $H/Maildir/new | grep -Ec '^[0-9]+\.M[0-9]+P[0-9]+\.[^/]+$'
ls $H/Maildir/tmp | wc -l
echo '--- the mbox bytes: From_ line, Return-Path, Delivered-To, mboxrd quoting, blank line'
sed 's/^From snd@x.org .*/From snd@x.org DATE/' $H/mbox
echo '--- a second delivery appends'
ql l20 '' '' example.org '' ./Mailbox < $M/two
showmbox $H/mbox | tail -n 3
showmaildir $H/Maildir | tail -n 1

echo '--- no .qmail: the default delivery (aliasempty) is used'
rm -f $H/.qmail $H/mbox
ql l20 '' '' example.org snd@x.org ./Mailbox < $M/two
showmbox $H/Mailbox
echo '--- an empty .qmail: the default delivery, here two lines'
: > $H/.qmail; chmod 644 $H/.qmail
ql l20 '' '' example.org snd@x.org "$(printf './Maildir/\n./mbox2')" < $M/two
showmbox $H/mbox2 | tail -n 1
showmaildir $H/Maildir | tail -n 1
echo '--- trailing blanks are removed from lines; empty lines after the first are ignored'
printf './mbox3  \t\n\n\n# end\n' > $H/.qmail
ql l20 '' '' example.org snd@x.org ./Mailbox < $M/two
showmbox $H/mbox3 | tail -n 1
echo '--- -n prints what would be done and delivers nothing'
printf './Maildir/\n./mbox4\n|echo hi\n&fwd@example.net\nbare@example.net\n' > $H/.qmail
ql -n l20 '' '' example.org snd@x.org ./Mailbox < $M/two
[ -e $H/mbox4 ] && echo delivered || echo nothing delivered
echo '--- a blank first line is a temporary error'
printf '\n./mbox4\n' > $H/.qmail
ql l20 '' '' example.org snd@x.org ./Mailbox < $M/two
echo '--- a missing Maildir is a temporary error and leaves nothing'
printf './NoMaildir/\n' > $H/.qmail
ql l20 '' '' example.org snd@x.org ./Mailbox < $M/two
echo '--- a Maildir without new/ fails before anything is written to tmp/'
asu mkdir -p Half/tmp Half/cur
printf './Half/\n' > $H/.qmail
ql l20 '' '' example.org snd@x.org ./Mailbox < $M/two
ls $H/Half/tmp | wc -l
echo '--- the message must be seekable'
printf './mbox\n' > $H/.qmail
cat $M/two | ql l20 '' '' example.org snd@x.org ./Mailbox
echo '--- a relative home directory is a usage error'
setpriv --reuid="$U" --regid="$U" --clear-groups "$QHOME/bin/qmail-local" -- "$U" users/l20 l20 '' '' example.org s ./Mailbox < $M/two; echo "exit $?"
