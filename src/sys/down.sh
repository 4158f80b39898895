#!/bin/sh
# down.sh: `make stop`.  Stops the svscan started by `make start`, then
# every service and its logger (in that order, so nothing respawns).
H=$(head -n 1 conf-home)
SV=${QUAIL_SERVICE_DIR:-$H/service}
pidf=$SV/.svscan.pid
if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null; then
  kill "$(cat "$pidf")"; echo "quail: stopped svscan"
fi
rm -f "$pidf"
for s in "$SV"/*; do
  [ -d "$s" ] || continue
  svc -dx "$s" "$s/log" 2>/dev/null && echo "quail: stopped $(basename "$s")"
done
n=0
for s in "$SV"/*; do
  [ -d "$s" ] || continue
  while svok "$s" 2>/dev/null || svok "$s/log" 2>/dev/null; do
    n=$((n + 1)); [ $n -lt 100 ] || { echo "quail: $s still running" >&2; exit 111; }
    sleep 0.1
  done
done
exit 0
