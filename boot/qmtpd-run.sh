#!/bin/sh
# service run script for qmail-qmtpd under tcpserver, as USER_D.
# ./env/ADDR, ./env/PORT (default 209) and ./env/CONCURRENCY.
exec 2>&1
ADDR=`cat ./env/ADDR 2>/dev/null || echo 127.0.0.1`
PORT=`cat ./env/PORT 2>/dev/null || echo 209`
CONCURRENCY=`cat ./env/CONCURRENCY 2>/dev/null || echo 40`
exec envuidgid USER_D tcpserver -v -R -H -l 0 -x HOME/control/tcp.smtp.cdb \
  -c "$CONCURRENCY" -U "$ADDR" "$PORT" HOME/bin/qmail-qmtpd
