# 00-install: the sandbox installs, instcheck passes, and instcheck reports
# a mode broken on purpose.
# Not tested here: the programs themselves (later scripts do that).
. "$TOP/tests/lib.sh"
echo '--- make setup check installs a tree that instcheck accepts'
sandbox_ensure; echo $?
(cd "$SANDBOX" && ./src/install/instcheck); echo $?
echo '--- only qmail-queue is setuid or setgid among the files'
find "$QHOME" -type f -perm /6000 | sed "s|$QHOME/||"
echo '--- the queue directories have the owners of the table'
stat -c '%U %G %a %n' "$QHOME/queue/todo" "$QHOME/queue/info/0" "$QHOME/queue/lock/trigger" | sed "s|$QHOME/||; s/^$U_Q /QQ /; s/^$U_S /QS /; s/ $G_Q / QMAIL /"
echo '--- a mode broken on purpose is reported'
chmod 0755 "$QHOME/queue/pid"
(cd "$SANDBOX" && ./src/install/instcheck) 2>&1 | sed "s|$QHOME|HOME|"
(cd "$SANDBOX" && ./src/install/instcheck 2>/dev/null); echo $?
echo '--- make setup repairs it'
(cd "$SANDBOX" && ./src/install/install && ./src/install/instcheck); echo $?
