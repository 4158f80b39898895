#!/bin/sh
# service run script for qmail-send: qmail-start in a clean environment.
# Its log (qmail-send's fd 0 = our stdout) goes to ./log through supervise.
# Default delivery: control/defaultdelivery if present, else ./Maildir/
exec 2>&1
dd=`cat HOME/control/defaultdelivery 2>/dev/null`
[ -n "$dd" ] || dd=./Maildir/
exec env - PATH="HOME/bin:/usr/local/bin:/usr/bin:/bin" qmail-start "$dd"
