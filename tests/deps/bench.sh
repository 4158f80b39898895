#!/bin/sh
# bench.sh: what `make bench` needs (tests/bench/run), beyond base.sh:
#  - gnuplot-nox draws the chart (PNG through its pngcairo terminal);
#  - strace counts fsyncs per message, perf profiles (linux-perf);
#  - the whole Postfix package, EXTRACTED (apt-get download + dpkg-deb -x)
#    into tests/tmp/peers/postfix, never installed: it would replace the
#    machine's /usr/sbin/sendmail.  smtpd.sh extracts the same package to
#    the same place; whichever runs first does it.
# Idempotent; run as root after apt-get update.
set -e
TOP=$(cd "$(dirname "$0")/../.." && pwd)
apt-get install -y --no-install-recommends gnuplot-nox strace
P=$TOP/tests/tmp/peers/postfix
if [ ! -x "$P/usr/sbin/smtp-source" ] || [ ! -x "$P/usr/lib/postfix/sbin/master" ]; then
  d=$(mktemp -d /tmp/quail-postfix.XXXXXX)
  (cd "$d" && apt-get download postfix)
  mkdir -p "$P"
  dpkg-deb -x "$d"/postfix_*.deb "$P"
  rm -rf "$d"
fi
LD_LIBRARY_PATH=$P/usr/lib/postfix "$P/usr/sbin/postconf" -d mail_version >/dev/null
gnuplot -e 'set terminal pngcairo' </dev/null
