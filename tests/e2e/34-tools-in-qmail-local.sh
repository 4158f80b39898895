# 34-tools-in-qmail-local: the local tools run by the real qmail-local
# from a real user's .qmail file, with the environment qmail-local gives
# them (UFLINE, RPLINE, DTLINE, SENDER, NEWSENDER, LOCAL ...): preline,
# forward, condredirect stopping the file with 99, bouncesaying and except
# turning into a bounce (qmail-local exit 100), qreceipt sending a notice.
# Queued copies go to $QMAILQUEUE = tests/e2e/57-capq.py.
# Does NOT test: qmail-local's own rules (the delivery tests do), the
# tools' exit-code tables (28, 32).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
U=$(tuser h34)
H=$T/users/h34
W=$T/w34; rm -rf $W; mkdir -p $W/cap; chmod 777 $W/cap; chmod 755 $W
rm -f $H/.qmail* $H/pre.out
printf 'Subject: 34\nMessage-ID: <m34@src.test>\nNotice-Requested-Upon-Delivery-To: %s-rcpt@quail.test\n\nFrom me\n' $U > $W/m
chmod 644 $W/m
dq() { # EXT: deliver $W/m to U-EXT as qmail-lspawn would run qmail-local
  (cd $H && env - PATH="$PATH" QMAILQUEUE=$TOP/tests/e2e/57-capq.py CAPDIR=$W/cap \
    setuidgid $U qmail-local -- $U $H $U-$1 - $1 quail.test s@src.test ./Maildir/ < $W/m > $W/out 2>&1) \
    && echo "qmail-local exit 0" || echo "qmail-local exit $?"
}
showcap() {
  for e in $(ls $W/cap/*.env 2>/dev/null); do
    echo "queued: $(tr '\0' '|' < $e)"
    sed -e 's/^Date: .*/Date: DATE/' -e 's/^/  /' ${e%.env}.msg
  done
  rm -f $W/cap/*
}
mk() { printf '%s\n' "$@" > $H/.qmail-$ext; chown $U: $H/.qmail-$ext; chmod 644 $H/.qmail-$ext; }

echo '--- preline, forward, then condredirect (program says yes): the rest of the file is skipped'
ext=tools
mk "|preline sh -c 'cat > pre.out'" '|forward fwd@remote.test' \
   "|condredirect cr@remote.test grep -q '^Subject: 34'" "|echo this line is never run"
dq tools
grep -q 'never run' $W/out && echo "line after condredirect ran" || echo "line after condredirect skipped"
grep -o -e 'forward: qp' -e 'condredirect: qp' $W/out
sed -e 's/^\(From s@src.test\) .*/\1 DATE/' -e "s/$U/USER/" $H/pre.out
showcap | sed "s/$U/USER/g"

echo '--- condredirect whose program says no lets delivery go on'
ext=no
mk "|condredirect cr@remote.test grep -q '^Subject: other'" '|forward next@remote.test'
dq no
showcap | sed "s/$U/USER/g" | grep '^queued'

echo '--- bouncesaying and except make qmail-local bounce with the text'
ext=closed
mk "|bouncesaying 'This address is closed. (#5.2.1)'"
dq closed
grep -c 'This address is closed. (#5.2.1)' $W/out
ext=except
mk "|except grep -q '^From me'"
dq except

echo '--- qreceipt answers the Notice-Requested-Upon-Delivery-To field'
ext=rcpt
mk "|qreceipt $U-rcpt@quail.test"
dq rcpt
showcap | sed "s/$U/USER/g"
