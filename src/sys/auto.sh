#!/bin/sh
# auto.sh WHAT: print the C file that compiles conf-WHAT into the programs.
# Values are checked here, so a bad conf-* file stops the build with a clear
# message instead of producing a broken program.
set -e
first() { head -n 1 "$1" | tr -d '\r'; }
die() { echo "auto.sh: fatal: $*" >&2; exit 100; }
name_ok() { printf '%s' "$1" | grep -Eq '^[A-Za-z_][A-Za-z0-9_.-]{0,31}$'; }
echo "/* generated from conf-$1 by src/sys/auto.sh; do not edit */"
case "$1" in
home)
  v=$(first conf-home)
  printf '%s' "$v" | grep -Eq '^/[A-Za-z0-9/._+-]*$' || die "conf-home must be an absolute path of [A-Za-z0-9/._+-]"
  echo "const char auto_home[] = \"$v\";" ;;
split)
  v=$(first conf-split)
  printf '%s' "$v" | grep -Eq '^[1-9][0-9]{0,3}$' || die "conf-split must be 1..9999"
  echo "const unsigned long auto_split = $v;" ;;
spawn)
  v=$(first conf-spawn)
  printf '%s' "$v" | grep -Eq '^[1-9][0-9]{0,2}$' && [ "$v" -le 255 ] || die "conf-spawn must be 1..255"
  echo "const unsigned int auto_spawn = $v;" ;;
patrn)
  v=$(first conf-patrn)
  printf '%s' "$v" | grep -Eq '^[0-7]{1,4}$' || die "conf-patrn must be octal"
  echo "const int auto_patrn = 0$v;" ;;
break)
  v=$(first conf-break)
  printf '%s' "$v" | grep -Eq '^[-+=_.]$' || die "conf-break must be one of - + = _ ."
  echo "const char auto_break[] = \"$v\";" ;;
users)
  set -- alias qmaild qmaill root qmailp qmailq qmailr qmails
  n=1
  for sym in a d l o p q r s; do
    v=$(sed -n "${n}p" conf-users | tr -d '\r')
    name_ok "$v" || die "conf-users line $n is not an account name"
    echo "const char auto_user$sym[] = \"$v\";"
    n=$((n + 1))
  done
  for sym in q n; do
    if [ $sym = q ]; then v=$(sed -n 1p conf-groups); else v=$(sed -n 2p conf-groups); fi
    v=$(printf '%s' "$v" | tr -d '\r')
    name_ok "$v" || die "conf-groups: bad group name '$v'"
    echo "const char auto_group$sym[] = \"$v\";"
  done ;;
man)
  echo "const char *const auto_man[] = {"
  for f in man/*.[1-8]; do
    [ -f "$f" ] || continue
    sec=${f##*.}
    echo "  \"man/man$sec\", \"$f\","
  done
  echo "  0, 0 };" ;;
*) die "unknown conf $1" ;;
esac
