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
sh "$TOP/tests/deps/extract-postfix"

gnuplot -e 'set terminal pngcairo' </dev/null
