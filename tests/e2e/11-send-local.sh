# 11-send-local: qmail-start under supervise starts qmail-send and its
# helpers with the right accounts; messages queued with qmail-queue are
# delivered into Maildirs by the real qmail-lspawn/qmail-local (read with
# Python's mailbox); qmail-send's log lines have qmail's shapes; recipient
# rewriting (envnoathost, percenthack, virtualdomains); an unknown user is
# bounced in QSBMF to the sender with the message attached; a bounce that
# bounces goes to doublebounceto@doublebouncehost; a double bounce that
# bounces is discarded; HUP rereads locals; TERM exits cleanly.
# Not tested here: remote delivery (the remote tests), retries and the
# queue lifetime (12), crashes (13), qmail-queue's own codes (10).
set -e
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/qlib.sh"
sandbox_ensure
qclean
rm -f "$T/log/q11"
a=$(tuser s11a); b=$(tuser s11b); pm=$(tuser s11pm)
for u in s11a s11b s11pm; do rm -rf "$T/users/$u/Maildir"; qmaildir "qt${TAG}$u" "$T/users/$u/Maildir"; done
rm -f "$T/users/s11b/.qmail-default"
me=$(cat "$QHOME/control/me")
echo "$me" > "$QHOME/control/locals"
echo 'ph.test' > "$QHOME/control/percenthack"
printf '# virtual users\nvirt.test:%s\n' "$b" > "$QHOME/control/virtualdomains"
echo "$pm" > "$QHOME/control/doublebounceto"
setuidgid "$b" sh -c "echo ./Maildir/ > $T/users/s11b/.qmail-default"

echo '--- qmail-start runs each process under its own account'
qsend_start q11
ps -o user:20=,args= --ppid "$(qsend_pid q11)" | sed "s/  */ /g; s/^$U_R /QMAILR /; s/^$U_Q /QMAILQ /; s/^root /ROOT /" | sort
ps -o user:20=,args= -p "$(qsend_pid q11)" | sed "s/  */ /g; s/^$U_S /QMAILS /"

echo '--- a message for two local users reaches both Maildirs'
qp=$(printf 'Subject: one\n\nfirst body\n' | qinject "$a" "$a@$me" "$a@$me" "$b@$me")
n=$(qmsgid q11 "$qp")
qwaitend q11 "$n"
for u in s11a s11b; do
  python3 - "$T/users/$u/Maildir" <<'PY'
import mailbox, sys
for m in mailbox.Maildir(sys.argv[1], create=False):
    print(m["Subject"], "|", m["Return-Path"], "|", m.get_payload().strip())
PY
done | sed "s/$a/ALICE/g"
echo '--- the log shows the message in qmail-send log shapes'
qlogmsg q11 "$n" | grep -E "^(new|info|end) msg $n(:|\$)|msg $n to " | qnorm | sed "s/$a/ALICE/g; s/$b/BOB/g" | sort
grep -c '^delivery [0-9]*: success: did_1+0+0/$' "$T/log/q11"
grep -q '^status: local 0/10 remote 0/20$' "$T/log/q11" && echo status lines ok

echo '--- rewriting: no @, percent hack, virtual domain'
qp=$(printf 'Subject: two\n\nsecond\n' | qinject "$a" "$a@$me" "$b" "$b%$me@ph.test" "x@virt.test")
n=$(qmsgid q11 "$qp")
qwaitend q11 "$n"
qlogmsg q11 "$n" | grep "msg $n to " | qnorm | sed "s/$b/BOB/g" | sort
qcount "$T/users/s11b/Maildir"

echo '--- an unknown user is bounced to the sender in QSBMF, message attached'
qp=$(printf 'Subject: three\n\nfor nobody\n' | qinject "$a" "$a@$me" "nosuchuser@$me" "$a@$me")
n=$(qmsgid q11 "$qp")
qwaitend q11 "$n"
qlogmsg q11 "$n" | grep -q -E "^bounce msg $n qp [0-9]+\$" && echo bounce logged
waitfor 20 qhas "$T/users/s11a/Maildir" "failure notice"
python3 - "$T/users/s11a/Maildir" "$me" "$a" <<'PY'
import mailbox, re, sys
me, a = sys.argv[2], sys.argv[3]
for m in mailbox.Maildir(sys.argv[1], create=False):
    if m["Subject"] != "failure notice":
        continue
    body = m.get_payload()
    print("Return-Path", m["Return-Path"])
    print("From", m["From"].replace(me, "ME"))
    print("To", m["To"].replace(a, "ALICE").replace(me, "ME"))
    print("has Date", m["Date"] is not None, "has Message-ID", m["Message-ID"] is not None)
    paras = body.split("\n\n")
    print("intro", paras[0].replace(me, "ME").splitlines())
    print("recipient paragraph", paras[1].replace(me, "ME").splitlines())
    print("break", paras[2])
    copy = body.split("--- Below this line is a copy of the message.\n\n", 1)[1]
    lines = copy.splitlines()
    print(lines[0].replace(a, "ALICE").replace(me, "ME"))
    print(re.sub(r"[0-9]+", "N", re.sub(r"; .* -0000$", "; DATE", lines[1])))
    print(lines[2:])
PY

echo '--- a bounce that bounces goes to doublebounceto@doublebouncehost'
qp=$(printf 'Subject: four\n\nbounce me twice\n' | qinject "$a" "" "nosuchuser@$me")
n=$(qmsgid q11 "$qp")
qwaitend q11 "$n"
waitfor 20 sh -c "ls $T/users/s11pm/Maildir/new | grep -q ."
python3 - "$T/users/s11pm/Maildir" "$me" "$pm" <<'PY'
import mailbox, sys
me, pm = sys.argv[2], sys.argv[3]
for m in mailbox.Maildir(sys.argv[1], create=False):
    body = m.get_payload()
    print("Return-Path", m["Return-Path"], "To", m["To"].replace(pm, "PM").replace(me, "ME"))
    print(body.split("\n\n")[0].replace(me, "ME").splitlines())
    rest = body.split("--- Below this line is the original bounce.\n\n", 1)[1]
    print(rest.splitlines()[0], "| body kept:", "bounce me twice" in rest)
PY

echo '--- a double bounce that fails is discarded'
qp=$(printf 'Subject: five\n\nthird time\n' | qinject "$a" "#@[]" "nosuchuser@$me")
n=$(qmsgid q11 "$qp")
qwaitend q11 "$n"
grep "^triple bounce: discarding bounce/$n\$" "$T/log/q11" | qnorm
qcount "$T/users/s11pm/Maildir"
ls "$QHOME/queue/bounce" | wc -l

echo '--- HUP rereads locals'
echo "new$TAG.test" >> "$QHOME/control/locals"
kill -HUP "$(qsend_pid q11)"
sleep 1
qp=$(printf 'Subject: six\n\nnew domain\n' | qinject "$a" "$a@$me" "$b@new$TAG.test")
n=$(qmsgid q11 "$qp")
qwaitend q11 "$n"
qlogmsg q11 "$n" | grep "msg $n to " | qnorm | sed "s/$b/BOB/g; s/new$TAG/NEW/"

echo '--- TERM: qmail-send exits cleanly and the queue is empty'
svc_stop q11
tail -n 1 "$T/log/q11"
find "$QHOME/queue" -type f ! -path '*/lock/*' | wc -l
