#!/bin/sh
# base.sh: packages every test needs (sourced list; .ci/run runs every
# tests/deps/*.sh after apt-get update).  Each area adds its own file.
set -e
apt-get install -y --no-install-recommends \
  build-essential make gcc clang libclang-rt-14-dev rsync \
  daemontools ucspi-tcp-ipv6 python3 swaks mandoc procps psmisc iproute2 strace
