# 32-qreceipt: qreceipt run as a real user with $QMAILQUEUE pointed at a
# capture script: the notice (envelope bytes, fields, Message-ID), which
# header forms ask for it (display name, group, folded field, domain
# case, quoted local part), when none is sent (not listed, bounce and
# double-bounce senders, unparseable field), qmail-queue failures, usage.
# Does NOT test: qmail-local running it from a .qmail file; the real
# qmail-queue (30 covers it for forward).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
U=$(tuser h32)
W=$T/w32; rm -rf $W; mkdir -p $W/cap; chmod 777 $W/cap; chmod 755 $W
cat > $W/capq <<'Q'
#!/bin/sh
cat > "$CAPDIR/msg" || exit 54
cat <&1 > "$CAPDIR/env" || exit 54
exit "${CAPEXIT:-0}"
Q
chmod 755 $W/capq
qr() { # SENDER header-text [qreceipt args]
  s=$1 h=$2; shift 2
  printf "${h}Subject: test\n\nbody\nNotice-Requested-Upon-Delivery-To: late@quail.test\n" > $W/m
  rm -f $W/cap/*
  env - PATH="$PATH" QMAILQUEUE=$W/capq CAPDIR=$W/cap SENDER="$s" CAPEXIT="$CAPEXIT" setuidgid $U qreceipt "$@" < $W/m 2>&1 \
    && echo "exit 0" || echo "exit $?"
  if [ -f $W/cap/env ]; then echo "notice to: $(tr '\0' '|' < $W/cap/env)"; else echo "no notice"; fi
}

echo '--- a listed address gets a notice, from <> to the sender'
qr s@src.test 'Message-ID: <m1@src.test>\nNotice-Requested-Upon-Delivery-To: Joe User <joe@quail.test>\n' joe@quail.test
printf 'F\0Ts@src.test\0\0' | cmp - $W/cap/env && echo "envelope bytes exact"
sed -e 's/^Date: .*/Date: DATE/' $W/cap/msg
grep -q '^Date: [0-9]\{1,2\} [A-Z][a-z][a-z] [0-9]\{4\} [0-9:]\{8\} -0000$' $W/cap/msg && echo "Date field well formed"
python3 -c '
import email, sys
m = email.message_from_binary_file(open(sys.argv[1], "rb"))
print("python reads:", m["From"], "|", m["To"], "|", m["Subject"])' $W/cap/msg

echo '--- other ways to list the address'
qr s@src.test 'Notice-Requested-Upon-Delivery-To: other@x.test, joe@QUAIL.Test\n' joe@quail.test
qr s@src.test 'Notice-Requested-Upon-Delivery-To: friends: a@x.test, joe@quail.test;\n' joe@quail.test
qr s@src.test 'Notice-Requested-Upon-Delivery-To: a@x.test,\n  (folded) joe@quail.test\n' joe@quail.test
qr 'a b@src.test' 'notice-requested-upon-delivery-to: "j o"@quail.test\n' 'j o@quail.test'
sed -n 's/^To: //p' $W/cap/msg

echo '--- no notice: not listed, other case in the local part, only in the body, bounces'
qr s@src.test 'Notice-Requested-Upon-Delivery-To: other@quail.test\n' joe@quail.test
qr s@src.test 'Notice-Requested-Upon-Delivery-To: JOE@quail.test\n' joe@quail.test
qr s@src.test '' late@quail.test
qr '' 'Notice-Requested-Upon-Delivery-To: joe@quail.test\n' joe@quail.test
qr '#@[]' 'Notice-Requested-Upon-Delivery-To: joe@quail.test\n' joe@quail.test
qr s@src.test 'Notice-Requested-Upon-Delivery-To: <joe@quail.test\n' joe@quail.test

echo '--- qmail-queue failures'
CAPEXIT=53 qr s@src.test 'Notice-Requested-Upon-Delivery-To: joe@quail.test\n' joe@quail.test
CAPEXIT=31 qr s@src.test 'Notice-Requested-Upon-Delivery-To: joe@quail.test\n' joe@quail.test

echo '--- usage'
qr s@src.test ''
env - PATH="$PATH" qreceipt joe@quail.test < /dev/null 2>&1 || echo "exit $?"
