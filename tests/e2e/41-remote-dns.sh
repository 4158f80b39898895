# 41-remote-dns: qmail-remote's own resolver and MX selection against a
# real DNS server: nsd on 127.40.0.53:53 (and ::1:53) serving test zones, pointed at
# with DNSCACHEIP.  SMTP peers (tests/e2e/40-peer.py) listen on 127.40.1.x
# and ::1; NOTIPME names those addresses so they do not count as this host
# (127.0.0.1 still does).  smtproutes "::PORT" keeps MX lookups but moves
# the port.  Reports are shown with NUL as %.
# Not tested here: SMTP misbehaviour (40), line endings (42), qmail-send
# (43), the tcpto table (44), malformed DNS packets (45).
. "$TOP/tests/lib.sh"
set -e
sandbox_ensure
NS=127.40.0.53
DD=$T/dns41
rm -rf "$DD"; mkdir -p "$DD"
{
  cat <<'EOF'
$ORIGIN rt.test.
$TTL 300
@ SOA ns.rt.test. hostmaster.rt.test. 1 3600 600 86400 300
@ NS ns
ns A 127.40.0.53
mxa A 127.40.1.1
mxb A 127.40.1.2
plain A 127.40.1.3
mxc A 127.40.1.4
dead A 127.40.1.9
order MX 20 mxb
order MX 10 mxa
fallback MX 5 dead
fallback MX 10 mxb
greet4 MX 10 mxc
greet4 MX 20 mxb
spread MX 10 mxa
spread MX 10 mxb
six AAAA ::1
alias CNAME plain.rt2.test.
cnmx MX 10 mxalias
mxalias CNAME mxa
lo A 127.0.0.1
self MX 10 lo
selfbest MX 5 lo
selfbest MX 10 mxa
selfbackup MX 10 mxa
selfbackup MX 20 lo
zeroh A 0.0.0.0
zero MX 10 zeroh
lo6 AAAA ::
zero6 MX 10 lo6
nullmx MX 0 .
noaddr MX 10 ghost
loop CNAME loop2
loop2 CNAME loop
EOF
  i=1
  while [ $i -le 40 ]; do echo "big MX 10 a-rather-long-mail-exchanger-name-$i"; echo "a-rather-long-mail-exchanger-name-$i A 127.40.1.1"; i=$((i + 1)); done
} > "$DD/rt.test.zone"
cat > "$DD/rt2.test.zone" <<'EOF'
$ORIGIN rt2.test.
$TTL 300
@ SOA ns.rt.test. hostmaster.rt.test. 1 3600 600 86400 300
@ NS ns.rt.test.
plain A 127.40.1.3
EOF
cat > "$DD/nsd.conf" <<EOF
server:
  ip-address: $NS
  ip-address: ::1
  port: 53
  username: ""
  chroot: ""
  zonesdir: "$DD"
  database: ""
  zonelistfile: "$DD/zone.list"
  xfrdfile: "$DD/xfrd.state"
  pidfile: "$DD/nsd.pid"
  verbosity: 1
remote-control:
  control-enable: no
zone:
  name: rt.test
  zonefile: rt.test.zone
zone:
  name: rt2.test
  zonefile: rt2.test.zone
zone:
  name: sf.test
  request-xfr: 127.40.0.99 NOKEY
EOF
svc_start nsd41 "exec nsd -d -c $DD/nsd.conf"

# a raw UDP query: prints rcode and whether the answer was truncated
udpq() {
  python3 - "$1" "$2" <<'EOF'
import socket, struct, sys
name, qtype = sys.argv[1], int(sys.argv[2])
q = struct.pack('>HHHHHH', 4242, 0x100, 1, 0, 0, 0) + b''.join(bytes([len(l)]) + l.encode() for l in name.split('.')) + b'\0' + struct.pack('>HH', qtype, 1)
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(1)
s.sendto(q, ('127.40.0.53', 53))
d = s.recv(65536)
print('rcode %d truncated %s' % (d[3] & 15, 'yes' if d[2] & 2 else 'no'))
EOF
}
waitfor 10 udpq ns.rt.test 1

PORT=$(free_port)
PD=$T/peer41
rm -rf "$PD"; mkdir -p "$PD"
svc_start peer41 "exec python3 $TOP/tests/e2e/40-peer.py $PD 127.40.1.1:$PORT 127.40.1.2:$PORT 127.40.1.3:$PORT 127.40.1.4:$PORT [::1]:$PORT"
waitfor 10 test -f "$PD/pid"
C=$QHOME/control
echo quail.test > "$C/me"
echo "::$PORT" > "$C/smtproutes"
echo 5 > "$C/timeoutremote"
echo 5 > "$C/timeoutconnect"
printf 'Subject: dns\n\nhello\n' > "$T/m41"
export DNSCACHEIP=$NS
export NOTIPME="127.40.1.1 127.40.1.2 127.40.1.3 127.40.1.4 127.40.1.9 ::1"
rem() {
  qmail-remote "$1" s@src.test "a@$1" < "$T/m41" | tr '\000' '%'; echo
}
lastconn() { tail -n 1 "$PD/conns" | cut -d' ' -f3; }

echo '--- MX preference order: the lower preference (mxa, 127.40.1.1) first'
rem order.rt.test
echo "connected to $(lastconn)"

echo '--- the best MX refuses connections: the next one is used'
rem fallback.rt.test

echo '--- the best MX answers 421 at the greeting: the next one is used'
printf '%s\n' 'greet 421 not now' > "$PD/script.127.40.1.4"
rem greet4.rt.test
tail -n 2 "$PD/conns" | cut -d' ' -f3 | tr '\n' ' '; echo

echo '--- equal preferences: both exchangers get used over 20 deliveries'
: > "$PD/conns"
i=0
while [ $i -lt 20 ]; do rem spread.rt.test > /dev/null; i=$((i + 1)); done
a=$(grep -c ' 127.40.1.1$' "$PD/conns" || true); b=$(grep -c ' 127.40.1.2$' "$PD/conns" || true)
echo "deliveries: $((a + b))"
[ "$a" -gt 0 ] && [ "$b" -gt 0 ] && echo "both used"

echo '--- no MX: the A record'
rem plain.rt.test

echo '--- no MX and only an AAAA record: IPv6'
rem six.rt.test

echo '--- a CNAME into another zone (asked again by the resolver), and an MX whose target is a CNAME'
rem alias.rt.test
rem cnmx.rt.test

echo '--- a CNAME loop is a temporary failure'
rem loop.rt.test

echo '--- NXDOMAIN: permanent'
rem nosuch.rt.test

echo '--- SERVFAIL (nsd has no data for the secondary zone sf.test): temporary'
udpq x.sf.test 15
rem x.sf.test

echo '--- REFUSED (a zone nsd does not serve): temporary'
rem elsewhere.test

echo '--- no server answers (nothing on 127.40.0.99): temporary'
DNSCACHEIP=127.40.0.99 rem plain.rt.test

echo '--- a list of servers: the dead first, then nsd'
DNSCACHEIP="127.40.0.99,$NS" rem plain.rt.test

echo '--- the DNS server over IPv6 (nsd on ::1)'
DNSCACHEIP="::1" rem plain.rt.test

echo '--- the best MX is this host (127.0.0.1): permanent, not a loop'
rem self.rt.test
echo '--- this host is best, a worse MX exists: still permanent'
rem selfbest.rt.test
echo '--- this host is only a backup: the better MX is used'
rem selfbackup.rt.test
echo '--- MX at 0.0.0.0 and at :: are this host too'
rem zero.rt.test
rem zero6.rt.test

echo '--- null MX (RFC 7505): permanent'
rem nullmx.rt.test

echo '--- an MX whose target has no address: permanent'
rem noaddr.rt.test

echo '--- 40 MX records: the UDP answer is truncated, TCP gets it all'
udpq big.rt.test 15
rem big.rt.test

echo '--- smtproutes [IPv6:::1]:port relay'
printf '%s\n' "v6.example:[IPv6:::1]:$PORT" "::$PORT" > "$C/smtproutes"
rem v6.example
echo '--- smtproutes relay by name (uses its A record, not MX; no loop check)'
printf '%s\n' "relayed.example:plain.rt.test:$PORT" "::$PORT" > "$C/smtproutes"
rem relayed.example
echo '--- smtproutes relay as a bare dotted quad (qmail form, no brackets)'
printf '%s\n' "bare.example:127.40.1.2:$PORT" "::$PORT" > "$C/smtproutes"
rem bare.example
echo '--- smtproutes: a subdomain suffix key, and an empty relay meaning MX'
printf '%s\n' ".sub.example:[127.40.1.2]:$PORT" "order.rt.test:" ":[127.40.1.3]:$PORT" > "$C/smtproutes"
rem a.sub.example
rem other.example
rem order.rt.test
echo '--- smtproutes: a malformed port is a temporary failure'
printf '%s\n' ":[127.40.1.3]:99999" > "$C/smtproutes"
rem other.example
