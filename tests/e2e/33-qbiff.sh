# 33-qbiff: qbiff writes its notice to the user's terminals that have
# "biff y" (owner execute bit), found through utmp, and to no other: two
# real ptys, a private /run/utmp in a private mount namespace (the host's
# /run is untouched), entries qbiff must skip (other user, dead process,
# absolute or ".." names).  The notice: TO/FROM line with unprintables as
# _, subject and body start cut at 78 bytes with unprintables as /.
# Does NOT test: terminals of other uids (the pty owner check is the same
# code path as biff n), a terminal that blocks (qbiff opens it O_NONBLOCK).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
U=$(tuser h33)
W=$T/w33; rm -rf $W; mkdir -p $W; chmod 755 $W
printf 'From: a@src.test\nSubject: lunch\n  at noon?\n\nfirst line of the body, which goes on and on and on beyond the limit\n' > $W/m1
printf 'From: a@src.test\n\nno subject here\n' > $W/m2
for m in m1 m2; do
  echo "--- message $m"
  unshare -m sh -c "mount -t tmpfs tmpfs /run && python3 $TOP/tests/e2e/33-qbiff.py $U $W/$m"
done
echo '--- without USER, SENDER or LOCAL it exits 0 and writes nothing'
env - PATH="$PATH" USER=$U qbiff < $W/m1; echo "exit $?"
