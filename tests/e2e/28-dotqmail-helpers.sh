# 28-dotqmail-helpers: forward, condredirect, bouncesaying, except and
# preline, run as a real user the way qmail-local runs them, with
# $QMAILQUEUE pointed at a capture script: envelope bytes, DTLINE at the
# top, qp lines, every exit code (program results, qmail-queue results,
# usage, missing environment, programs that crash or do not exist).
# Does NOT test: the real qmail-queue (30 does), qmail-local running these
# from a .qmail file (the delivery tests do), qreceipt (32).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
U=$(tuser h28)
W=$T/w28; rm -rf $W; mkdir -p $W/cap; chmod 777 $W/cap
cat > $W/capq <<'Q'
#!/bin/sh
# QMAILQUEUE for the tests: keep message and envelope, exit $CAPEXIT
cat > "$CAPDIR/msg" || exit 54
cat <&1 > "$CAPDIR/env" || exit 54
exit "${CAPEXIT:-0}"
Q
chmod 755 $W/capq
printf 'Subject: test 28\n\nFrom the start\nbody line\n' > $W/msg
chmod 644 $W/msg
DT='Delivered-To: u28@quail.test
'
# run as the user, with only what qmail-local would give (plus QMAILQUEUE)
asuser() { env - PATH="$PATH" QMAILQUEUE=$W/capq CAPDIR=$W/cap "$@"; }
rc() { "$@" && echo "exit 0" || echo "exit $?"; }
norm() { sed -e 's/qp [0-9][0-9]*/qp PID/'; }
show() { echo "envelope: $(tr '\0' '|' < $W/cap/env)"; echo "message:"; sed 's/^/  /' $W/cap/msg; rm -f $W/cap/*; }

echo '--- forward queues DTLINE + message from NEWSENDER to every address'
rc asuser NEWSENDER=owner@quail.test DTLINE="$DT" setuidgid $U forward a@x.test b@y.test < $W/msg 2>&1 | norm
printf 'Fowner@quail.test\0Ta@x.test\0Tb@y.test\0\0' | cmp - $W/cap/env && echo "envelope bytes exact"
{ printf '%s' "$DT"; cat $W/msg; } | cmp - $W/cap/msg && echo "message bytes exact"
show

echo '--- forward keeps an empty (bounce) sender'
rc asuser NEWSENDER= DTLINE="$DT" setuidgid $U forward c@z.test < $W/msg 2>&1 | norm
printf 'F\0Tc@z.test\0\0' | cmp - $W/cap/env && echo "envelope bytes exact"
rm -f $W/cap/*

echo '--- forward refuses to run without NEWSENDER, DTLINE or an address'
rc asuser DTLINE="$DT" setuidgid $U forward a@x.test < $W/msg 2>&1
rc asuser NEWSENDER=o@q setuidgid $U forward a@x.test < $W/msg 2>&1
rc asuser NEWSENDER=o@q DTLINE="$DT" setuidgid $U forward < $W/msg 2>&1
ls $W/cap | wc -l

echo '--- forward maps qmail-queue results: 11 permanent, 53 temporary, exec failure temporary'
rc asuser NEWSENDER=o@q DTLINE="$DT" CAPEXIT=11 forward a@x.test < $W/msg 2>&1
rc asuser NEWSENDER=o@q DTLINE="$DT" CAPEXIT=53 forward a@x.test < $W/msg 2>&1
rc env QMAILQUEUE=$W/nonexistent NEWSENDER=o@q DTLINE="$DT" forward a@x.test < $W/msg 2>&1
rm -f $W/cap/*

echo '--- condredirect: program exits 0 (after reading the message) -> queued from SENDER, exit 99'
rc asuser SENDER=s@src.test DTLINE="$DT" setuidgid $U condredirect new@quail.test sh -c 'cat >/dev/null' < $W/msg 2>&1 | norm
show

echo '--- condredirect: other program results'
for p in 'exit 1' 'exit 100' 'exit 111' 'kill -9 $$'; do
  printf '%s: ' "$p"; rc asuser SENDER=s DTLINE="$DT" condredirect n@q sh -c "$p" < $W/msg 2>&1 | tr '\n' ' '; echo
done
printf 'missing program: '; rc asuser SENDER=s DTLINE="$DT" condredirect n@q /nonexistent/prog < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'usage: '; rc asuser SENDER=s DTLINE="$DT" condredirect n@q < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'no SENDER: '; rc asuser DTLINE="$DT" condredirect n@q true < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'qq permanent: '; rc asuser SENDER=s DTLINE="$DT" CAPEXIT=31 condredirect n@q true < $W/msg 2>&1 | tr '\n' ' '; echo
rm -f $W/cap/*
ls $W/cap | wc -l

echo '--- bouncesaying'
printf 'always: '; rc bouncesaying 'Sorry, no mail here. (#5.1.1)' < $W/msg 2>&1 | tr '\n' ' '; echo
for p in 'exit 0' 'exit 1' 'exit 111' 'kill -9 $$'; do
  printf '%s: ' "$p"; rc bouncesaying 'Go away.' sh -c "$p" < $W/msg 2>&1 | tr '\n' ' '; echo
done
printf 'grep finds the line: '; rc bouncesaying 'No body lines.' grep -q '^body line' < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'missing program: '; rc bouncesaying 'x' /nonexistent/prog < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'usage: '; rc bouncesaying < $W/msg 2>&1 | tr '\n' ' '; echo

echo '--- except reverses: 0 -> 100, 111 -> 111, other -> 0'
for p in 'exit 0' 'exit 1' 'exit 99' 'exit 100' 'exit 111' 'kill -9 $$'; do
  printf '%s: ' "$p"; rc except sh -c "$p" < $W/msg 2>&1 | tr '\n' ' '; echo
done
printf 'missing program: '; rc except /nonexistent/prog 2>&1 | tr '\n' ' '; echo
printf 'usage: '; rc except 2>&1 | tr '\n' ' '; echo

echo '--- preline feeds UFLINE, RPLINE, DTLINE and the message to the command'
UF='From s@src.test Sat Nov 21 06:00:00 2026
'
RP='Return-Path: <s@src.test>
'
pl() { env - PATH="$PATH" UFLINE="$UF" RPLINE="$RP" DTLINE="$DT" "$@"; }
rc pl setuidgid $U preline sh -c "cat > $W/cap/out" < $W/msg
{ printf '%s%s%s' "$UF" "$RP" "$DT"; cat $W/msg; } | cmp - $W/cap/out && echo "bytes exact"
for o in -f -r -d -fr -frd -dD "-f -F"; do
  pl preline $o sh -c "cat > $W/cap/out" < $W/msg
  printf '%s: ' "$o"; head -n 3 $W/cap/out | cut -c1-12 | tr '\n' '|'; echo
done
printf 'after --: '; pl preline -- sh -c "head -n 1" < $W/msg

echo '--- preline exits with the command: its code, 111 if it crashed, 100 if it cannot be run'
printf 'exit 42: '; rc pl preline sh -c 'cat >/dev/null; exit 42' < $W/msg
printf 'crash: '; rc pl preline sh -c 'kill -9 $$' < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'missing: '; rc pl preline /nonexistent/prog < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'no UFLINE: '; rc env - PATH="$PATH" RPLINE=x DTLINE=y preline cat < $W/msg 2>&1 | tr '\n' ' '; echo
printf 'usage: '; rc pl preline -x cat < $W/msg 2>&1 | tr '\n' ' '; echo
head -c 4000000 /dev/zero > $W/big
printf 'command that reads nothing of a 4 MB message: '; rc pl preline sh -c 'exit 3' < $W/big 2>&1
