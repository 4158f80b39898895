#!/bin/sh
# down.sh: `make stop`.  Stops what `make start` started: first the svscan
# it started (so nothing respawns), then every service and its logger.
# When a system svscan (Debian's daemontools-run) scans QUAIL_SERVICE_DIR,
# our links are removed from it first, so that svscan does not restart
# them; `make start` puts them back.  Other services are not touched.
H=$(head -n 1 conf-home)
SV=${QUAIL_SERVICE_DIR:-$H/service}
pidf=$SV/.svscan.pid
if [ -f "$pidf" ] && kill -0 "$(cat "$pidf")" 2>/dev/null &&
   [ "$(cat /proc/"$(cat "$pidf")"/comm 2>/dev/null)" = svscan ]; then
  kill "$(cat "$pidf")"; echo "quail: stopped svscan"
  own=yes; did=1
else
  own=no; did=0
fi
rm -f "$pidf"
ours=""
for s in "$SV"/*; do
  [ -L "$s" ] || continue
  case $(readlink "$s") in "$H"/svc/*) ;; *) continue ;; esac
  d=$(readlink "$s"); ours="$ours $d"
  [ $own = yes ] || rm -f "$s"
done
# a scan that read $SV just before the links went may still start a
# supervise: give it a moment before looking
[ $own = yes ] || [ -z "$ours" ] || sleep 1
for d in $ours; do
  svok "$d" 2>/dev/null || continue
  svc -dx "$d" "$d/log" 2>/dev/null && echo "quail: stopped $(basename "$d")" && did=1
done
n=0
for d in $ours; do
  while svok "$d" 2>/dev/null || svok "$d/log" 2>/dev/null; do
    n=$((n + 1)); [ $n -lt 100 ] || { echo "quail: fatal: $d still running" >&2; exit 111; }
    sleep 0.1
  done
done
[ -n "$ours" ] || echo "quail: no quail service in $SV"
[ $did = 1 ] || echo "quail: nothing was running"
exit 0
