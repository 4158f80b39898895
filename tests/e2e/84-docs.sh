# 84-docs: the documentation names what the code uses: every control file
# a program reads ("control/NAME" in src/) has its own entry in
# qmail-control(5); every compile-time cap of the programs (#define NAME
# number, with MAX/TIMEOUT/... in its name) is listed in qmail-limits(7);
# every boot/ template is described in qmail(7); INSTALL names every make
# target of the admin path.
# Not tested here: whether the texts are right (the other tests run the
# programs), man page syntax (90-manlint).
set -e
cd "$TOP"
verdict() { [ -z "$missing" ] || { echo "missing:$missing"; exit 1; }; echo ok; missing=""; }
echo '--- every control file read in src/ has an entry in qmail-control(5)'
missing=""
for f in $(grep -rhoE '"control/[a-z0-9.]+' src --include='*.c' | sed 's|"control/||' | sort -u); do
  case $f in *.tmp) continue ;; esac
  grep -qx ".B $f" man/qmail-control.5 || missing="$missing $f"
done
for f in $(grep -hoE 'HOME/control/[a-z0-9.]+' boot/*.sh src/*.sh | sed 's|HOME/control/||; s|\.$||' | sort -u); do
  grep -qx ".B $f" man/qmail-control.5 || missing="$missing $f"
done
verdict
echo '--- every cap of the programs is in qmail-limits(7)'
missing=""
for x in $(grep -hoE '^#define [A-Z_]*(MAX|TIMEOUT|BATCH|SIZE|WINDOW|DEATH|OSSIFIED|TMPAGE|DELAY|LOCKWAIT|MINUID|DATABYTES)[A-Z_]* ' \
    src/*.c src/mail/*.c src/mail/*.h | sed 's/#define //; s/ $//' | sort -u); do
  grep -qw "$x" man/qmail-limits.7 || missing="$missing $x"
done
verdict
echo '--- every boot/ template is named in qmail(7) or qmail-limits(7)'
missing=""
for b in boot/*.sh; do
  n=$(basename "$b" .sh)
  case $n in *+df) n=${n%+df} ;; esac
  grep -qE "^\.B(R)? $n\b|boot/$n" man/qmail.7 man/qmail-limits.7 || missing="$missing $n"
done
verdict
echo '--- INSTALL names the admin commands'
for c in 'make start' 'make stop' 'make setup check' 'make debian-links' 'config-fast' 'maildirmake' '/usr/sbin/sendmail'; do
  grep -qF "$c" INSTALL || { echo "INSTALL lacks: $c"; exit 1; }
done
echo ok
