# 26-users-tools: qmail-newu (the users/cdb records, bad formats refused
# with users/cdb left alone), qmail-getpw run directly (whole names,
# extensions, case, root and non-owners to alias with home HOME/alias, the
# 32-byte limit), qmail-pw2u on a hand-made passwd file with its options
# and the users/ files, qmail-newmrh, maildirmake.
# Does NOT test: lookups through qmail-lspawn (25).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure || exit 1
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
UD=$QHOME/users
rm -f $UD/assign $UD/cdb $UD/include $UD/exclude $UD/mailnames $UD/subusers $UD/append
cdbdump() {
  python3 - "$1" <<'PY'
import struct, sys
d = open(sys.argv[1], 'rb').read()
end = min(struct.unpack('<I', d[i*8:i*8+4])[0] for i in range(256))
p = 2048
while p < end:
    kl, dl = struct.unpack('<II', d[p:p+8])
    k = d[p+8:p+8+kl]; v = d[p+8+kl:p+8+kl+dl]
    print('%r -> %r' % (k, v))
    p += 8 + kl + dl
PY
}

echo '--- qmail-newu: exact keys end in NUL, wildcard keys do not, the empty key lists the wildcard ends'
printf '=Joe:joe:507:100:/home/joe:::\n+joe-:joe:507:100:/home/joe:-::\n+List+:list:9:9:/l:-:x-:\n+:alias:7:8:/q/alias:-::\n.\n' > $UD/assign
qmail-newu; echo "exit $?"
cdbdump $UD/cdb
stat -c %a $UD/cdb
echo '--- bad formats: fatal, users/cdb unchanged'
sum0=$(cksum < $UD/cdb)
for a in '=joe:joe:507:100:/home/joe:::\n' '=joe:joe:507:100:/home/joe::\n.\n' 'joe:joe:507:100:/h:::\n.\n' '=joe\n.\n'; do
  printf "$a" > $UD/assign; qmail-newu 2>&1; echo "exit $?"
done
[ "$(cksum < $UD/cdb)" = "$sum0" ] && echo users/cdb unchanged
rm -f $UD/assign; qmail-newu 2>&1; echo "exit $?"

echo '--- qmail-getpw: user, uid, gid, home, dash, ext'
luser l26
G() { "$QHOME/bin/qmail-getpw" "$1" | tr '\0' '|' | sed -e "s|$H|HOMEDIR|" -e "s|$QHOME|QHOME|" \
  -e "s/^$U|$(id -u $U)|$(id -g $U)|/USER|UID|GID|/" -e "s/^$U_ALIAS|$(id -u $U_ALIAS)|$(id -g $U_ALIAS)|/ALIAS|AUID|AGID|/" -e "s/$U/USER/g"; echo " exit $?"; }
G $U
G $U-Foo-bar
G $(echo $U | tr a-z A-Z)-x
G root
G nosuch-thing
G $U$(printf '%040d' 0)
echo '--- a home not owned by the account belongs to alias'
chown root $H; G $U; chown $U $H
echo '--- no argument: exit 100'
"$QHOME/bin/qmail-getpw"; echo "exit $?"

echo '--- qmail-pw2u: the default rules'
P=$T/pw26; rm -rf $P; mkdir -p $P/joe $P/upper $P/notowned $P/sue
chown 41001 $P/joe; chown 41002 $P/upper; chown 41005 $P/sue
cat > $P/passwd <<PW
root:x:0:0:root:/root:/bin/sh
$U_ALIAS:x:$(id -u $U_ALIAS):$(id -g $U_ALIAS)::/nonexistent:/bin/false
joe:x:41001:100:Joe:$P/joe:/bin/sh
Upper:x:41002:100::$P/upper:/bin/sh
nohome:x:41003:100::$P/missing:/bin/sh
notowned:x:41004:100::$P/notowned:/bin/sh
sue:x:41005:100::$P/sue:/bin/sh
PW
pw() { qmail-pw2u "$@" < $P/passwd > $T/pw26.out 2>&1; _r=$?; sed -e "s|$P|PW|g" -e "s|$QHOME|QHOME|" -e "s/:$U_ALIAS:$(id -u $U_ALIAS):$(id -g $U_ALIAS):/:ALIAS:AUID:AGID:/" $T/pw26.out; echo "exit $_r"; }
pw
echo '--- -C: no extension addresses; -c+: + as the break; -/: dash -/'
pw -C
pw -c+ | grep joe
pw -/ | grep joe
echo '--- -u allows uppercase names; -H checks no homes; -h stops on a missing home'
pw -u | grep -i upper
pw -H | grep -c :
pw -h | tail -n 1
qmail-pw2u -h < $P/passwd > /dev/null 2>$T/err26; echo "exit $?"; sed "s|$P|PW|" $T/err26
echo '--- an unknown option: usage, exit 100'
qmail-pw2u -z < $P/passwd 2>&1; echo "exit $?"
echo '--- users/mailnames, subusers, include, exclude, append'
printf 'sue:susan:s.smith\n' > $UD/mailnames
printf 'info:joe:inf:\n' > $UD/subusers
printf '=extra:joe:41001:100:/x:::\n' > $UD/append
pw
printf 'sue\n' > $UD/include; pw | grep -c '^[=+][a-z]'
rm -f $UD/include; printf 'joe\n' > $UD/exclude; pw | grep -c 'joe:41001'
rm -f $UD/mailnames $UD/subusers $UD/append $UD/exclude
echo '--- no alias user in the input: fatal'
grep -v "^$U_ALIAS:" $P/passwd > $P/noalias; qmail-pw2u < $P/noalias 2>&1; echo "exit $?"
echo '--- its output goes through qmail-newu'
qmail-pw2u < $P/passwd > $UD/assign && qmail-newu; echo "exit $?"
cdbdump $UD/cdb | grep -c joe
rm -f $UD/assign $UD/cdb

echo '--- qmail-newmrh: lowercased keys, comments and blank lines dropped'
printf '# more\nExample.COM\n\nexample.net  \n' > $QHOME/control/morercpthosts
qmail-newmrh; echo "exit $?"
cdbdump $QHOME/control/morercpthosts.cdb
rm -f $QHOME/control/morercpthosts $QHOME/control/morercpthosts.cdb

echo '--- maildirmake: dir, tmp, new, cur mode 0700; an existing dir is an error'
asu maildirmake md; echo "exit $?"
stat -c '%a %n' $H/md $H/md/tmp $H/md/new $H/md/cur | sed "s|$H/||"
asu maildirmake md 2>&1; echo "exit $?"
maildirmake 2>&1; echo "exit $?"
