#!/bin/sh
# prove.sh: what `make prove` and tests/e2e/96-prove-short.sh need beyond
# base.sh: GNU time (peak RSS of a session), util-linux (unshare, mount for
# the private tmpfs queue, setpriv), daemontools' setuidgid and supervise
# and ucspi-tcp's tcpserver are in base.sh; clang + libclang-rt for the
# fuzz targets too.
set -e
apt-get install -y --no-install-recommends time util-linux mount
