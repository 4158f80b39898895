# 87-start-missing: `make start` finds missing companions.  In a private
# mount namespace, svscan and tcpserver are hidden (a non-executable empty
# file is bind-mounted over each; the host's files are untouched); with
# QUAIL_NO_APT set, make start names the Debian packages to install and
# stops (up.sh exits 111, so make exits 2) before changing anything.
# Not tested here: the apt-get installation itself (it would change the
# machine and needs the network); as root without QUAIL_NO_APT, make
# start runs `apt-get install -y --no-install-recommends PACKAGES`.
set -e
. "$TOP/tests/lib.sh"
sandbox_ensure
: > "$T/noexec"; chmod 644 "$T/noexec"
rc=0
out=$(cd "$SANDBOX" && unshare -m sh -c "
  mount --bind $T/noexec \$(command -v svscan) && mount --bind $T/noexec \$(command -v tcpserver) &&
  QUAIL_NO_APT=1 make -s start" 2>&1) || rc=$?
echo "$out" | grep -v '^make: \*\*\*'
echo "exit $rc"
[ $rc != 0 ]
echo '--- nothing was started'
[ ! -e "$QHOME/service" ] && echo 'no service directory'
