# 24-local-safety: qmail-local's refusals: sticky home (defer; -n only
# warns), group/world-writable home and .qmail per conf-patrn (002 here:
# world), forward-only (x bit) with program or file lines, symbolic links
# (.qmail, Maildir, mbox) refused, an unreadable .qmail deferred, a loop
# caught by our exact Delivered-To line in the header (not in the body, not
# another address's line).
# Does NOT test: conf-patrn values other than the default 002.
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure || exit 1
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
luser l24
M=$T/msg24; mkdir -p $M
printf 'Subject: s\n\nbody\n' > $M/m
printf 'Delivered-To: l24@example.org\nSubject: loop\n\nbody\n' > $M/loop
printf 'Delivered-To: other@example.org\nDelivered-To: l24@example.org.x\nSubject: s\n\nDelivered-To: l24@example.org\n' > $M/noloop
chmod 644 $M/*
q() { printf "$2" > "$H/$1"; chmod ${3:-644} "$H/$1"; }
q .qmail './mbox\n'

echo '--- a sticky home directory: the user is editing, defer'
chmod 1755 $H
ql l24 '' '' example.org s ./Mailbox < $M/m
echo '--- with -n only a warning'
ql -n l24 '' '' example.org s ./Mailbox < $M/m
chmod 755 $H
echo '--- a world-writable home directory: defer'
chmod 757 $H
ql l24 '' '' example.org s ./Mailbox < $M/m
chmod 755 $H
echo '--- a world-writable .qmail: defer'
q .qmail './mbox\n' 646
ql l24 '' '' example.org s ./Mailbox < $M/m
echo '--- forward-only .qmail (x bit) with a program line, then with a file line'
q .qmail '&a@example.net\n|echo hi\n' 744
ql l24 '' '' example.org s ./Mailbox < $M/m
q .qmail '&a@example.net\n./mbox\n' 744
ql l24 '' '' example.org s ./Mailbox < $M/m
[ -e $H/mbox ] && echo delivered || echo nothing delivered
echo '--- an unreadable .qmail: defer, never bounce'
q .qmail './mbox\n' 000
ql l24 '' '' example.org s ./Mailbox < $M/m
echo '--- a .qmail that is a symbolic link is refused'
rm -f $H/.qmail; q real './mbox\n'; asu ln -s real .qmail
ql l24 '' '' example.org s ./Mailbox < $M/m
rm -f $H/.qmail $H/real
echo '--- an mbox that is a symbolic link is refused; its target is untouched'
q .qmail './linkbox\n'; q target ''; asu ln -s target linkbox
ql l24 '' '' example.org s ./Mailbox < $M/m
wc -c < $H/target
echo '--- a Maildir that is a symbolic link is refused; so are tmp/ and new/ links'
asu maildirmake realmd; asu ln -s realmd linkmd
q .qmail './linkmd/\n'
ql l24 '' '' example.org s ./Mailbox < $M/m
asu mkdir md2; asu ln -s ../realmd/tmp md2/tmp; asu ln -s ../realmd/new md2/new
q .qmail './md2/\n'
ql l24 '' '' example.org s ./Mailbox < $M/m
find $H/realmd -type f | wc -l
echo '--- our Delivered-To line in the header: a loop, bounced'
q .qmail './mbox\n'
ql l24 '' '' example.org s ./Mailbox < $M/loop
echo '--- the same line in the body, or other addresses in the header: delivered'
ql l24 '' '' example.org s ./Mailbox < $M/noloop
showmbox $H/mbox | tail -n 1
