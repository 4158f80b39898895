#!/bin/sh
# smtpd.sh: peers for the receiving tests (tests/e2e/50-59).
#  - tcpserver (ucspi-tcp-ipv6), swaks, python3: from base.sh.
#  - Postfix's smtp-source for the load test, EXTRACTED (apt-get download +
#    dpkg-deb -x) into tests/tmp/peers/postfix, never installed (it would
#    replace the machine's mailer).  remote.sh extracts the same package to
#    the same place; whichever runs first does it.
# Idempotent; run as root after apt-get update.
set -e
TOP=$(cd "$(dirname "$0")/../.." && pwd)
P=$TOP/tests/tmp/peers/postfix
sh "$TOP/tests/deps/extract-postfix"
LD_LIBRARY_PATH=$P/usr/lib/postfix "$P/usr/sbin/smtp-source" 2>&1 | grep -q usage
