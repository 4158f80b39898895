# 71-pop3-checkpassword: our checkpassword program on its own, with real
# accounts and real shadow passwords: success (USER HOME SHELL, uid, gid,
# supplementary groups, cwd, argv), refusals (bad password, unknown user,
# an account with uid 0, uid below control/checkpasswordminuid, locked,
# expired, empty password, APOP digest), the fixed delay before a refusal,
# misuse (exit 2) and temporary errors (exit 111).
# Does NOT test: qmail-popup in front of it (72), accounts from NIS/LDAP.
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
[ $ROOT = yes ] || { echo "71: needs root (real accounts)" >&2; exit 1; }
D=$T/p71; rm -rf $D; mkdir -p $D
C=$QHOME/bin/checkpassword
rm -f $QHOME/control/checkpasswordminuid
u=$(tuser cpw); echo "$u:pw71 secret" | chpasswd
g=qt${TAG}g71
getent group $g >/dev/null || groupadd $g
usermod -a -G $g $u
z=qt${TAG}zero
userdel -f $z 2>/dev/null || true
ZPW=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
useradd -M -o -u 0 -g 0 -d /nonexistent -s /usr/sbin/nologin $z
echo "$z:$ZPW" | chpasswd
trap 'userdel -f $z 2>/dev/null; _cleanup' EXIT
# login password timestamp, on fd 3, then the program
try() { printf '%s\0%s\0<1.2@h>\0' "$1" "$2" > $D/in; shift 2; set +e; "$C" "$@" 3< $D/in; echo "exit $?"; set -e; }
ms() { python3 -c 'import time; print(int(time.monotonic() * 1000))'; }

echo '--- the right password: USER HOME SHELL set, ids and groups taken, cwd home, argv exec'
env USER=root HOME=/root SHELL=/bin/false sh -c "printf '%s\0%s\0<1.2@h>\0' $u 'pw71 secret' > $D/in; \
  $C sh -c 'echo USER=\$USER HOME=\$HOME SHELL=\$SHELL; echo uid=\$(id -un) gid=\$(id -gn) cwd=\$(pwd); \
  id -Gn | tr \" \" \"\\n\" | grep -cx $g; echo args: \$0 \$1' one two 3< $D/in; echo exit \$?" \
  | sed "s|$T|T|g; s/$u/USER/g"
echo '--- a wrong password: exit 1, answered no sooner than 2 s after the request'
t0=$(ms); try $u 'pw71 wrong' true; t1=$(ms)
[ $((t1 - t0)) -ge 2000 ] && echo "took at least 2 s"
echo '--- an unknown user: exit 1, also after the delay'
t0=$(ms); try qt${TAG}nosuchuser 'pw71 secret' true; t1=$(ms)
[ $((t1 - t0)) -ge 2000 ] && echo "took at least 2 s"
echo '--- an account with uid 0 and the right password is refused, even with a minimum uid of 0'
try $z "$ZPW" true
echo 0 > $QHOME/control/checkpasswordminuid
try $z "$ZPW" true
rm -f $QHOME/control/checkpasswordminuid
echo '--- the same check without the uid test would pass: crypt accepts that password'
perl -e '$h = (getpwnam($ARGV[0]))[1]; print crypt($ARGV[1], $h) eq $h ? "True\n" : "False\n"' $z "$ZPW"
echo '--- uid below control/checkpasswordminuid is refused; without the file the default is 1000'
echo $(( $(id -u $u) + 1 )) > $QHOME/control/checkpasswordminuid
try $u 'pw71 secret' true
id -u $u > $QHOME/control/checkpasswordminuid
try $u 'pw71 secret' true
rm -f $QHOME/control/checkpasswordminuid
echo '--- empty password, an APOP digest in place of the password: refused'
try $u '' true
try $u 0123456789abcdef0123456789abcdef true
echo '--- a locked account, then an expired one: refused; once unexpired, accepted'
passwd -q -l $u >/dev/null
try $u 'pw71 secret' true
passwd -q -u $u >/dev/null
chage -E 0 $u
try $u 'pw71 secret' true
chage -E -1 $u
try $u 'pw71 secret' true
echo '--- misuse: no program, fd 3 closed, no NUL after login or password, over 512 bytes'
set +e
printf '%s\0pw\0\0' $u > $D/in; $C 3< $D/in; echo "exit $?"
$C true 3<&-; echo "exit $?"
printf '%s' $u > $D/in; $C true 3< $D/in; echo "exit $?"
printf '%s\0pw' $u > $D/in; $C true 3< $D/in; echo "exit $?"
{ printf '%s\0pw\0' $u; head -c 600 /dev/zero; } > $D/in; $C true 3< $D/in; echo "exit $?"
set -e
echo '--- only the login and password need their NUL: no timestamp is fine'
printf '%s\0pw71 secret\0' $u > $D/in; set +e; $C true 3< $D/in; echo "exit $?"; set -e
echo '--- temporary: a program that cannot be run, a missing home, run by a non-root user'
try $u 'pw71 secret' $D/nonexistent
usermod -d $T/users/cpw-missing $u
try $u 'pw71 secret' true
usermod -d $T/users/cpw $u
printf '%s\0pw71 secret\0\0' $u > $D/in; chmod 644 $D/in
set +e; setuidgid nobody $C true 3< $D/in; echo "exit $?"; set -e
