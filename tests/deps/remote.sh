#!/bin/sh
# remote.sh: peers for the remote-delivery tests (tests/e2e/40-49).
#  - tinydns + tinydns-data (djbdns): the test zone on a loopback address
#  - dnsmasq-base: a second DNS server that also answers over TCP
#    (truncation -> TCP retry) and forwards to a dead upstream (SERVFAIL)
#  - Postfix's smtp-sink, EXTRACTED into tests/tmp/peers/postfix with
#    apt-get download + dpkg-deb -x: postfix is never installed, so it
#    never replaces the machine's mailer.
# Idempotent; run as root after apt-get update.
set -e
TOP=$(cd "$(dirname "$0")/../.." && pwd)
need=""
command -v tinydns-data >/dev/null 2>&1 || need="$need tinydns"
command -v dnsmasq >/dev/null 2>&1 || need="$need dnsmasq-base"
[ -z "$need" ] || apt-get install -y --no-install-recommends $need
P=$TOP/tests/tmp/peers/postfix
if [ ! -x "$P/usr/sbin/smtp-sink" ]; then
  d=$(mktemp -d /tmp/quail-postfix.XXXXXX)
  (cd "$d" && apt-get download postfix)
  mkdir -p "$P"
  dpkg-deb -x "$d"/postfix_*.deb "$P"
  rm -rf "$d"
fi
"$P/usr/sbin/smtp-sink" 2>&1 | grep -q usage || LD_LIBRARY_PATH=$P/usr/lib/postfix "$P/usr/sbin/smtp-sink" 2>&1 | grep -qi usage
