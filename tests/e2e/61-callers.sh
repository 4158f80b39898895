# 61-callers: real programs that call sendmail deliver through the
# sandbox's sendmail (a path or a PATH entry inside the sandbox, never the
# system's /usr/sbin/sendmail) into the real queue, and qmail-send,
# qmail-lspawn and qmail-local put the messages into a Maildir that
# Python's mailbox module reads back: GNU mailutils' mail(1) (argv
# "-oi -f ADDR -t"), s-nail (argv "-i -- RCPT"), a Python program running
# "sendmail -t -oi", sendmail -bs (SMTP on stdin through qmail-smtpd),
# sendmail -bp and mailq listing the queue, and newaliases refused.
# Does NOT test: header rewriting in detail (60), remote delivery, mutt
# (interactive), bsd-mailx (it depends on an MTA package, which would
# bring its own /usr/sbin/sendmail).
set -e
. "$TOP/tests/lib.sh"
before=$(ls -li /usr/sbin/sendmail /usr/lib/sendmail 2>&1 || true)
sandbox_ensure
for d in todo intd pid bounce; do find "$QHOME/queue/$d" -type f -delete; done
for d in mess info local remote; do find "$QHOME/queue/$d" -mindepth 2 -type f -delete; done
me=$(cat "$QHOME/control/me")
echo "$me" > "$QHOME/control/locals"
rm -f "$QHOME/control/virtualdomains" "$QHOME/control/defaulthost" "$QHOME/control/defaultdomain"
rcpt=$(tuser c61r); snd=$(tuser c61s); dfr=$(tuser c61d)
rm -rf "$T/users/c61r/Maildir" "$T/users/c61r/.qmail"*
setuidgid "$rcpt" "$QHOME/bin/maildirmake" "$T/users/c61r/Maildir"
echo '|exit 111' > "$T/users/c61d/.qmail"; chown "$dfr" "$T/users/c61d/.qmail"
SM=$QHOME/bin/sendmail
log=$T/log/q61
: > "$log"
norm() { sed -e "s/$rcpt/RCPT/g; s/$snd/SENDER/g; s/$dfr/DEFER/g; s/$me/ME/g"; }
showqueue() { sed -e "s/^[0-9]\{1,2\} [A-Z][a-z][a-z] [0-9]\{4\} [0-9:]\{8\} GMT  #[0-9]*  [0-9]*/DATE  #N  BYTES/" | norm; }

echo '--- the sandbox install left /usr/sbin/sendmail and /usr/lib/sendmail alone'
[ "$before" = "$(ls -li /usr/sbin/sendmail /usr/lib/sendmail 2>&1 || true)" ] && echo unchanged

echo '--- with qmail-send down, mailutils mail(1) queues through the sandbox sendmail'
echo 'hello from mailutils' | setuidgid "$snd" env - PATH=/usr/bin:/bin HOME="$T/users/c61s" \
  mail.mailutils -E "set sendmail=sendmail://$SM" -r "$snd@$me" -s 'from mailutils' "$rcpt@$me"
echo "mail exit $?"
ls "$QHOME/queue/todo" | wc -l

echo '--- qmail-start delivers it into the Maildir'
svc_start q61 "cd $QHOME && exec env - PATH=$QHOME/bin:/usr/bin:/bin qmail-start ./Maildir/ >> $log 2>&1"
waitfor 30 sh -c "ls $T/users/c61r/Maildir/new | grep -q ." && echo delivered

echo '--- a message whose delivery is deferred: sendmail -bp and mailq (sendmail under that name) list it'
echo 'Subject: deferred' | "$SM" "$dfr@$me"
waitfor 30 grep -q 'deferral' "$log"
"$SM" -bp | showqueue
ln -sf "$SM" "$T/mailq"
"$T/mailq" | showqueue

echo '--- newaliases (sendmail under that name) is refused'
ln -sf "$SM" "$T/newaliases"
rc=0; "$T/newaliases" 2>&1 || rc=$?; echo "exit $rc"

echo '--- s-nail, with its own argv "-i -- RCPT"'
echo 'hello from s-nail' | setuidgid "$snd" env - PATH=/usr/bin:/bin HOME="$T/users/c61s" \
  s-nail -:/ -S "mta=$SM" -S "from=$snd@$me" -s 'from s-nail' "$rcpt@$me"
echo "s-nail exit $?"

echo '--- a Python program runs "sendmail -t -oi" found on PATH'
setuidgid "$snd" env - PATH="$QHOME/bin:/usr/bin:/bin" USER="$snd" NAME='Py Thon' python3 - "$rcpt@$me" <<'PY'
import subprocess, sys
from email.message import EmailMessage
m = EmailMessage()
m["To"] = sys.argv[1]
m["Bcc"] = sys.argv[1]
m["Subject"] = "from python"
m.set_content("hello from python\n")
p = subprocess.run(["sendmail", "-t", "-oi"], input=m.as_bytes())
print("sendmail exit", p.returncode)
PY

echo '--- sendmail -bs speaks SMTP on stdin through qmail-smtpd'
printf 'HELO local\r\nMAIL FROM:<%s@%s>\r\nRCPT TO:<%s@%s>\r\nDATA\r\nSubject: from -bs\r\n\r\nhello over -bs\r\n.\r\nQUIT\r\n' \
  "$snd" "$me" "$rcpt" "$me" | setuidgid "$snd" env - PATH=/usr/bin:/bin "$SM" -bs | cut -c1-3 | tr '\n' ' '; echo

echo '--- all five (python sends two: To and Bcc) are in the Maildir, read back with Python mailbox'
waitfor 30 sh -c "[ \$(ls $T/users/c61r/Maildir/new | wc -l) -ge 5 ]" || true
python3 - "$T/users/c61r/Maildir" <<'PY' | norm
import mailbox, sys
rows = []
for m in mailbox.Maildir(sys.argv[1], create=False):
    rows.append((m["Subject"], m["Return-Path"], m["From"], m["To"] or m["Cc"],
                 m["Bcc"] is None, m["Date"] is not None, m["Message-ID"] is not None or m["Message-Id"] is not None,
                 m.get_payload().strip()))
for r in sorted(rows):
    print("Subject: %s | Return-Path: %s | From: %s | To: %s | no Bcc: %s | Date: %s | Message-ID: %s | body: %s" % r)
PY

echo '--- only the deferred message is left in the queue'
waitfor 20 sh -c "[ \$($SM -bp | grep -c '#') = 1 ]" || true
"$SM" -bp | showqueue
svc_stop q61
for d in todo intd pid bounce; do find "$QHOME/queue/$d" -type f -delete; done
for d in mess info local remote; do find "$QHOME/queue/$d" -mindepth 2 -type f -delete; done
