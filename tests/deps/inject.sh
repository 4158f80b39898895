#!/bin/sh
# inject.sh: real callers of sendmail for tests/e2e/61-callers.sh: GNU
# mailutils' mail(1) and s-nail.  Neither depends on an MTA (they only
# recommend or suggest one), so --no-install-recommends keeps any
# /usr/sbin/sendmail off the machine.
set -e
apt-get install -y --no-install-recommends mailutils s-nail
