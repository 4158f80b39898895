#!/bin/sh
# tests/deps/localtools.sh: what e2e 28-34 need beyond base.sh:
# unshare, mount and flock (util-linux, mount) for the private mount
# namespaces of 29, 31 and 33 and the lock test of 29.
set -e
apt-get install -y --no-install-recommends util-linux mount
