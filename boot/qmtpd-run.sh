#!/bin/sh
# service run script for qmail-qmtpd under tcpserver, as USER_D.
# ./env/ADDR, ./env/PORT (default 209) and ./env/CONCURRENCY.
exec 2>&1
ADDR=`cat ./env/ADDR 2>/dev/null || echo 127.0.0.1`
PORT=`cat ./env/PORT 2>/dev/null || echo 209`
CONCURRENCY=`cat ./env/CONCURRENCY 2>/dev/null || echo 40`
# listen backlog: tcpserver's default of 20 drops bursts of connects, which
# then wait for SYN retransmits (1, 3, 7 s); ./env/BACKLOG overrides
BACKLOG=`cat ./env/BACKLOG 2>/dev/null || echo 100`
exec envuidgid USER_D tcpserver -v -R -H -l 0 -b "$BACKLOG" -x HOME/control/tcp.smtp.cdb \
  -c "$CONCURRENCY" -U "$ADDR" "$PORT" HOME/bin/qmail-qmtpd
