#!/bin/sh
# pop3.sh: peers for the POP3 tests (tests/e2e/70-79): fetchmail and curl
# as clients, Debian's checkpw as a replacement checkpassword program.
set -e
apt-get install -y --no-install-recommends fetchmail curl checkpw libcrypt-dev
