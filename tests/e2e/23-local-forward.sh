# 23-local-forward: forwards from a .qmail (&address and bare address) go
# out in ONE injection at the end, through QMAILQUEUE (the documented
# interface; a capture script here), checked byte for byte: message =
# Delivered-To + original, envelope sender = NEWSENDER (plain, -owner,
# -owner-default VERP, bounces keep <>), forwards before a 99 still go,
# a failing later line cancels them, qmail-queue failures map to 100/111,
# forward-only mode (x bit, +list) allows forwards.
# Does NOT test: the real qmail-queue and qmail-send (the queue tests do).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure || exit 1
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
luser l23
M=$T/msg23; mkdir -p $M
printf 'Subject: fwd\n\nFrom body\n' > $M/m; chmod 644 $M/m
q() { printf "$2" > "$H/$1"; chmod ${3:-644} "$H/$1"; }
capq
C=$T/cap23
export QLENV="QMAILQUEUE=$T/capq.sh QCAP=$C"
fresh() { rm -rf $C; mkdir -p $C; chown $U: $C; }
shown() { for e in $C/*.env; do [ -e "$e" ] || { echo "no injection"; return; }; echo "${e##*/}: $(showenv $e)"; done; }

echo '--- & and bare addresses: one injection, sender = SENDER, Delivered-To on top'
fresh
q .qmail '&one@example.net\ntwo@example.net\n# comment\n&three@example.net\n'
ql l23 '' '' example.org snd@x.org ./Mailbox < $M/m | sed 's/^qp [0-9]*$/qp PID/'
shown
{ printf 'Delivered-To: l23@example.org\n'; cat $M/m; } | cmp - $C/1.msg && echo message ok
echo '--- -owner file: NEWSENDER is LOCAL-owner@HOST'
fresh
q .qmail-list '&a@example.net\n'; q .qmail-list-owner '&admin@example.net\n'
ql l23-list - list example.org snd@x.org ./Mailbox < $M/m | grep exit
shown
echo '--- -owner and -owner-default: the VERP form LOCAL-owner-@HOST-@[]'
fresh
q .qmail-list-owner-default '&admin@example.net\n'
ql l23-list - list example.org snd@x.org ./Mailbox < $M/m | grep exit
shown
echo '--- a bounce keeps its empty sender, a double bounce #@[]'
fresh
ql l23-list - list example.org '' ./Mailbox < $M/m | grep exit
ql l23-list - list example.org '#@[]' ./Mailbox < $M/m | grep exit
shown
echo '--- exit 99 stops the lines after it, forwards collected before it still go'
fresh
q .qmail-stop '&before@example.net\n|exit 99\n&after@example.net\n'
ql l23-stop - stop example.org snd@x.org ./Mailbox < $M/m | grep -v qp
shown
echo '--- a failing later line: nothing is forwarded'
fresh
q .qmail-fail '&before@example.net\n|echo no; exit 111\n'
ql l23-fail - fail example.org snd@x.org ./Mailbox < $M/m
shown
echo '--- qmail-queue refuses permanently (31): 100; temporarily (71): 111'
fresh
QLENV="$QLENV QCAPEXIT=31" ql l23 '' '' example.org snd@x.org ./Mailbox < $M/m
QLENV="$QLENV QCAPEXIT=71" ql l23 '' '' example.org snd@x.org ./Mailbox < $M/m
echo '--- forward-only (owner x bit): forwards are allowed'
fresh
q .qmail-fo '&fo@example.net\n' 744
ql l23-fo - fo example.org snd@x.org ./Mailbox < $M/m | grep -v qp
shown
echo '--- +list turns on forward-only mode for the lines after it'
q .qmail-pl '+list\n&pl@example.net\n|echo never\n'
ql l23-pl - pl example.org snd@x.org ./Mailbox < $M/m
echo '--- an empty & address is refused before anything is done'
q .qmail-empty '&\n'
ql l23-empty - empty example.org snd@x.org ./Mailbox < $M/m
