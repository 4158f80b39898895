#!/bin/sh
# lib.sh: peers for the library unit tests: freecdb's cdbmake writes a cdb
# file that t_cdb reads (an independent writer of the format).  Idempotent.
set -e
command -v cdbmake >/dev/null 2>&1 || apt-get install -y --no-install-recommends freecdb
