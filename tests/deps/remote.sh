#!/bin/sh
# remote.sh: peers for the remote-delivery tests (tests/e2e/40-49).
#  - nsd: the authoritative DNS server for the test zones on a loopback
#    address (UDP and TCP, so truncation -> TCP retry is real; an unloaded
#    secondary zone gives a real SERVFAIL).  The package's service is never
#    started (the tests run their own nsd -d with their own config).
#  - Postfix's smtp-sink, EXTRACTED into tests/tmp/peers/postfix with
#    apt-get download + dpkg-deb -x: postfix is never installed, so it
#    never replaces the machine's mailer.
# Idempotent; run as root after apt-get update.
set -e
TOP=$(cd "$(dirname "$0")/../.." && pwd)
need=""
[ -x /usr/sbin/nsd ] || need="$need nsd"
[ -z "$need" ] || apt-get install -y --no-install-recommends $need
P=$TOP/tests/tmp/peers/postfix
sh "$TOP/tests/deps/extract-postfix"
"$P/usr/sbin/smtp-sink" 2>&1 | grep -q usage || LD_LIBRARY_PATH=$P/usr/lib/postfix "$P/usr/sbin/smtp-sink" 2>&1 | grep -qi usage
