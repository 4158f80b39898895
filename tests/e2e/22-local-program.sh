# 22-local-program: |program deliveries: the whole environment qmail-local
# gives (USER HOME LOCAL HOST HOST2-4 EXT EXT2-4 RECIPIENT SENDER NEWSENDER
# DEFAULT DTLINE RPLINE UFLINE, nothing else added), stdin at offset 0 for
# every program, only fds 0-2 open, the exit codes 0, 99, 100, 111, the
# sysexits treated as permanent, any other code, and a crash.
# Does NOT test: the 24-hour timeout (too slow to test; see qmail-local(8)),
# forwards and 99 after a forward (23).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure || exit 1
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
luser l22
M=$T/msg22; mkdir -p $M
printf 'Subject: s\n\nbody\n' > $M/m; chmod 644 $M/m
q() { printf "$2" > "$H/$1"; chmod 644 "$H/$1"; }

echo '--- the environment of a program (the caller passed only PATH)'
q .qmail-box-default '|env | sort > env.out\n'
ql l22-Box-One-Two-Three - Box-One-Two-Three mail.Example.co.uk 'a b@x.org' ./Mailbox < $M/m
grep -v -e '^PWD=' -e '^SHLVL=' -e '^_=' $H/env.out | sed -e "s|$H|HOMEDIR|" -e "s/$U/USER/" \
  -e 's/^UFLINE=From a-b@x.org .*/UFLINE=From a-b@x.org DATE/'
echo '--- a bounce (empty sender): RPLINE <>, UFLINE MAILER-DAEMON'
QLENV="DEFAULT=stale NEWSENDER=stale" ql l22 '' '' h '' '|env | grep -e LINE= -e SENDER= -e DEFAULT > env.out'
sed 's/ [A-Z][a-z][a-z] [A-Z][a-z][a-z] [0-9][0-9] [0-9:]* [0-9]*$/ DATE/' $H/env.out
echo '--- every program reads the message from its start'
q .qmail-twice '|cat > a.out\n|head -c 3 > /dev/null; cat > b.out\n|cat > c.out\n'
ql l22-twice - twice h s ./Mailbox < $M/m
cmp $M/m $H/a.out && cmp $M/m $H/c.out && echo same
echo '--- only descriptors 0, 1 and 2 are open in a program'
q .qmail-fds '|ls /proc/$$/fd\n'
ql l22-fds - fds h s ./Mailbox < $M/m 3</dev/null 7</dev/null | tr '\n' ' '; echo
echo '--- program output becomes the report; exit codes decide'
for c in 0 99 100 111 64 65 70 76 77 78 112 1 2 75 98 101; do
  rm -f $H/after
  q .qmail-code "|echo program says $c; exit $c\n./after\n"
  r=$(ql l22-code - code h s ./Mailbox < $M/m | tr '\n' ' ')
  [ -e $H/after ] && a=continued || a=stopped
  echo "code $c: $r$a"
done
echo '--- a program killed by a signal is a temporary failure'
q .qmail-crash '|kill -9 $$\n'
ql l22-crash - crash h s ./Mailbox < $M/m
echo '--- a program that cannot be found: the shell says so, exit 127 is temporary'
q .qmail-nf '|/nonexistent/prog\n'
ql l22-nf - nf h s ./Mailbox < $M/m | sed 's/^.*nonexistent.*$/SHELL ERROR/'
