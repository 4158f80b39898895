# 62-inject-tools: qmail-showctl (compiled-in settings with account names
# and ids, every control file with (Default.) markers, warnings for a
# missing me, an unreadable file, no rcpthosts, a stale
# morercpthosts.cdb, an unknown file); predate (Date in local time with a
# numeric zone, the child's exit code); datemail and mailsubj into a
# capture QMAILQUEUE.
# Does NOT test: qmail-inject's rewriting (60), delivery (61).
set -e
. "$TOP/tests/lib.sh"
sandbox_ensure
C=$QHOME/control
# a run that was killed left the real control directory in $C.save62
if [ -d "$C.save62" ]; then rm -rf "$C"; mv "$C.save62" "$C"; fi
mv "$C" "$C.save62"; mkdir "$C"; chmod 755 "$C"
restore() { rm -rf "$C"; mv "$C.save62" "$C"; _cleanup; }
trap restore EXIT
W=$T/tools62; rm -rf "$W"; mkdir -p "$W"; chmod 777 "$W"
cat > $T/capq62.sh <<'Q'
#!/bin/sh
cat > "$QT_CAP/msg" || exit 54
tr '\0' ' ' <&1 > "$QT_CAP/env" || exit 54
Q
chmod 755 $T/capq62.sh
ids() {
  sed -e "s|$QHOME|QHOME|g" -e 's/=[0-9][0-9]*/=N/g' \
      -e "/^user ids/ { s/ $U_ALIAS=/ ALIAS=/; s/ $U_D=/ QMAILD=/; s/ $U_L=/ QMAILL=/; s/ $U_P=/ QMAILP=/; s/ $U_Q=/ QMAILQ=/; s/ $U_R=/ QMAILR=/; s/ $U_S=/ QMAILS=/; }" \
      -e "/^group ids/ { s/ $G_Q=/ QMAIL=/; s/ $G_N=/ NOFILES=/; }"
}

echo '--- qmail-showctl: every file at its default, no me: warnings for me and rcpthosts'
rc=0; "$QHOME/bin/qmail-showctl" > $W/showctl || rc=$?
ids < $W/showctl
echo "exit $rc"

echo '--- qmail-showctl: a configured host'
echo mx.example.test > $C/me
printf '# comment\nexample.test\n\n.sub.example.test\n' > $C/rcpthosts
printf 'example.test\nmx.example.test\n' > $C/locals
echo 'other.test:relay.example.test:2525' > $C/smtproutes
echo 5000000 > $C/databytes
echo 'ten' > $C/concurrencylocal
echo 'hello.example.test ESMTP' > $C/smtpgreeting
echo 'virt.example.test:alice' > $C/virtualdomains
echo junk > $C/no-such-control
echo 'more.example.test' > $C/morercpthosts
: > $C/morercpthosts.cdb
touch -d '2001-01-01' $C/morercpthosts.cdb
"$QHOME/bin/qmail-showctl" | ids | sed -n '/^$/,$p'

echo '--- qmail-showctl as another user: an unreadable file is reported'
u=$(tuser i62)
chmod 600 $C/databytes
setuidgid "$u" "$QHOME/bin/qmail-showctl" | grep -e '^databytes' -e 'databytes:' -e 'problem'
chmod 644 $C/databytes

echo '--- predate: Date in local time with a numeric zone, then stdin'
dnorm() { sed 's/^Date: [0-9]\{1,2\} [A-Z][a-z][a-z] [0-9]\{4\} [0-9:]\{8\} /Date: D M Y T /'; }
echo 'Subject: x' | TZ=IST-5:30 "$QHOME/bin/predate" cat | dnorm
echo 'Subject: x' | TZ=EST5 "$QHOME/bin/predate" cat | dnorm
echo 'Subject: x' | TZ=UTC0 "$QHOME/bin/predate" cat | dnorm
a=$(TZ=UTC0 date -u +%H:%M); b=$(echo | TZ=UTC0 "$QHOME/bin/predate" cat | cut -d' ' -f5 | cut -c1-5); c=$(TZ=UTC0 date -u +%H:%M)
[ "$b" = "$a" ] || [ "$b" = "$c" ] && echo "the time is now"

echo '--- predate exits with the child code; a crash or exec failure is 111; no child is 100'
rc=0; echo | "$QHOME/bin/predate" sh -c 'cat >/dev/null; exit 7' || rc=$?; echo "exit $rc"
rc=0; echo | "$QHOME/bin/predate" sh -c 'kill -9 $$' 2>/dev/null || rc=$?; echo "exit $rc"
rc=0; echo | "$QHOME/bin/predate" /nonexistent/prog 2>/dev/null || rc=$?; echo "exit $rc"
rc=0; "$QHOME/bin/predate" 2>&1 || rc=$?; echo "exit $rc"

echo '--- datemail: sendmail with the local Date; qmail-inject adds no Date of its own'
printf 'To: alice@example.test\nSubject: datemail\n\nbody\n' | \
  env - PATH="$QHOME/bin:/usr/bin:/bin" TZ=IST-5:30 QMAILQUEUE=$T/capq62.sh QT_CAP=$W USER=joe \
  "$QHOME/bin/datemail" -t
sed 's/^Message-ID: <[0-9]*\.[0-9]*\./Message-ID: <TIME.PID./' $W/msg | dnorm; cat $W/env; echo

echo '--- mailsubj: Subject and To from its arguments, recipients from the To field'
echo 'the body' | env - PATH="$QHOME/bin:/usr/bin:/bin" QMAILQUEUE=$T/capq62.sh QT_CAP=$W USER=joe \
  "$QHOME/bin/mailsubj" 'a subject
Bcc: injected@evil.test' alice@example.test bob
sed -e 's/^Message-ID: <[0-9]*\.[0-9]*\./Message-ID: <TIME.PID./' -e 's/^Date: .*/Date: DATE/' $W/msg; cat $W/env; echo
rc=0; "$QHOME/bin/mailsubj" onlysubject 2>&1 || rc=$?; echo "exit $rc"
