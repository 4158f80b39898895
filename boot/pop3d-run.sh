#!/bin/sh
# service run script for POP3: tcpserver as root runs qmail-popup, which
# runs checkpassword, which execs qmail-pop3d as the user on ~/Maildir.
# ./env/ADDR, ./env/PORT and ./env/CONCURRENCY override the defaults;
# the greeting names HOME/control/me.
exec 2>&1
ADDR=`cat ./env/ADDR 2>/dev/null || echo 127.0.0.1`
PORT=`cat ./env/PORT 2>/dev/null || echo 110`
CONCURRENCY=`cat ./env/CONCURRENCY 2>/dev/null || echo 40`
ME=`head -n 1 HOME/control/me`
exec tcpserver -v -R -H -l 0 -c "$CONCURRENCY" "$ADDR" "$PORT" \
  HOME/bin/qmail-popup "$ME" HOME/bin/checkpassword HOME/bin/qmail-pop3d Maildir
