#!/bin/sh
# tests/deps/ops.sh: what e2e 80-89 need beyond base.sh: Debian's
# fastforward (81) and dot-forward (82), the qmail ecosystem tools that
# hard-code /var/lib/qmail; mandoc for the man page lint (90).
set -e
apt-get install -y --no-install-recommends fastforward dot-forward mandoc
