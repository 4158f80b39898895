# 21-local-qmesearch: which .qmail file qmail-local uses for an extension:
# lowercased, '.' mapped to ':', the -default walk back over '-', the
# DEFAULT variable (original case), no match with and without a dash, a
# non-regular .qmail-x (a directory) counting as absent.
# Does NOT test: the line types (20), the rest of the environment (22),
# owner files for NEWSENDER (23), qmail-lspawn's lookup (25).
. "$TOP/tests/lib.sh"
. "$TOP/tests/e2e/20-local.inc"
sandbox_ensure || exit 1
[ $ROOT = yes ] || { echo "needs root (real accounts)"; exit 1; }
luser l21
M=$T/msg21; mkdir -p $M
printf 'Subject: s\n\nbody\n' > $M/m; chmod 644 $M/m
q() { printf '%s\n' "$2" > "$H/$1"; chmod 644 "$H/$1"; }
# a .qmail file that records which file answered and DEFAULT
qq() { q "$1" "|echo $1 \"DEFAULT=\${DEFAULT-unset}\" >> log"; }
run() { rm -f $H/log; ql "l21-$1" - "$1" example.org snd@x.org ./Mailbox < $M/m | grep -v '^did'; cat $H/log 2>/dev/null; }

echo '--- the exact name, extension lowercased'
qq .qmail-foo
run FOO
echo '--- dots in the extension become colons'
qq .qmail-foo:bar
run Foo.Bar
echo '--- foo-bar-baz walks back: .qmail-foo-bar-default, then .qmail-foo-default'
qq .qmail-foo-default
run Foo-Bar-Baz
qq .qmail-foo-bar-default
run Foo-Bar-Baz
echo '--- .qmail-default catches the rest, DEFAULT is the whole extension in its case'
qq .qmail-default
run Other-Thing
echo '--- an extension ending in - tries .qmail-a-b-default before .qmail-a-default'
qq .qmail-a-default
run a-b-
qq .qmail-a-b-default
run a-b-
echo '--- a .qmail-x that is a directory counts as absent'
rm -f $H/.qmail-default; asu mkdir .qmail-dir
run dir
echo '--- no file at all: with a dash the address does not exist'
run nothing
echo '--- the basic address (empty dash) never uses -default names'
rm -f $H/.qmail; q .qmaildefault './wrong'
ql l21 '' '' example.org snd@x.org ./Mailbox < $M/m
ls $H/wrong $H/Mailbox 2>&1 | sed "s|$H/||"
