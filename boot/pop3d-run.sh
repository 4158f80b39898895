#!/bin/sh
# service run script for POP3: tcpserver as root runs qmail-popup, which
# runs checkpassword, which execs qmail-pop3d as the user on ~/Maildir.
# ./env/ADDR, ./env/PORT and ./env/CONCURRENCY override the defaults;
# the greeting names HOME/control/me.
exec 2>&1
ADDR=`cat ./env/ADDR 2>/dev/null || echo 127.0.0.1`
PORT=`cat ./env/PORT 2>/dev/null || echo 110`
CONCURRENCY=`cat ./env/CONCURRENCY 2>/dev/null || echo 40`
# listen backlog: tcpserver's default of 20 drops bursts of connects, which
# then wait for SYN retransmits (1, 3, 7 s); ./env/BACKLOG overrides
BACKLOG=`cat ./env/BACKLOG 2>/dev/null || echo 100`
ME=`head -n 1 HOME/control/me`
exec tcpserver -v -R -H -l 0 -b "$BACKLOG" -c "$CONCURRENCY" "$ADDR" "$PORT" \
  HOME/bin/qmail-popup "$ME" HOME/bin/checkpassword HOME/bin/qmail-pop3d Maildir
