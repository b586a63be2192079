#!/usr/bin/env bash
# yuma-device.sh - Homeport's real NETCONF test device, from Debian packages only:
#   yuma123 netconfd 2.13 (NETCONF server) + OpenSSH sshd (SSH transport, 'netconf' subsystem)
#   + socat (RFC 8071 call home: the device dials out, then 'sshd -i' runs the SSH *server* on that socket).
# Adapted from the verified recipe in ../shared/peers/yuma-device.sh; the Java harness
# (netconf-engine tests: dev.homeport.netconf.testing.YumaDevice) drives it, one instance per DEVICE_BASE.
#
# Usage:
#   yuma-device.sh start                    install if needed, start netconfd + sshd on 127.0.0.1:$NC_PORT
#   yuma-device.sh callhome HOST PORT [N]   N devices (own host key + own 127.100.x.y source address each)
#                                           dial HOST:PORT (loopback only) and serve SSH/NETCONF on it
#   yuma-device.sh stop-devices ID...       stop the given call-home devices
#   yuma-device.sh rekey ID...              give the given call-home devices a new host key (stop them first)
#   yuma-device.sh authorize-key FILE.pub   let FILE's key log in as $NC_USER
#   yuma-device.sh tls-listen PORT CERT KEY CA
#                                           NETCONF over TLS (RFC 7589) on 127.0.0.1:PORT: socat is the TLS server
#                                           (certificate CERT/KEY, client certificate required and checked
#                                           against CA) and hands each session to netconfd as $NC_USER
#   yuma-device.sh stop-tls PORT            stop that TLS listener
#   yuma-device.sh tls-callhome HOST PORT CERT KEY CA [ID]
#                                           a device (id ID, default $CALLHOME_FIRST_ID) that calls home over TLS
#                                           (RFC 8071 section 4): it dials HOST:PORT and runs the TLS *server* on
#                                           that connection; stop it with stop-devices ID
#                                           (both TLS commands run netconf-subsystem through netconf-hello-gate.py)
#   yuma-device.sh status | stop | clean | install
#
# Environment (defaults):
#   DEVICE_BASE=/tmp/homeport-yuma  NC_PORT=8830  NC_USER=ncuser  NC_PASS=ncpass
#   NC_TARGET=candidate|running  NC_WITH_STARTUP=false  NC_PROTOCOLS= (e.g. netconf1.0)
#   NC_MODULES="toaster ietf-interfaces iana-if-type interfaces-notifications"
#   NC_EXTRA_ARGS= (more netconfd args)   NC_KEEP_CONFIG=0 (1: keep datastore across start)
#   NC_KBDINT=0 (1: sshd offers keyboard-interactive through PAM instead of password)
#   CALLHOME_RETRY=0 (seconds; >0: each device re-dials after its connection ends/fails)
#   CALLHOME_FIRST_ID=1   HOSTKEY_TYPE=ed25519 (or rsa, ecdsa)
#   CALLHOME_CAPTURE=0 (1: a TLS call-home device dumps the bytes it relays to dev<ID>.to-{device,manager}.raw)
# Device id I calls from 127.100.((I-1)/250).((I-1)%250+1):$NC_PORT with key $DEVICE_BASE/keys/chI_<type>.
# All call-home devices share one netconfd datastore (a yuma123 limitation).
set -euo pipefail

BASE=${DEVICE_BASE:-/tmp/homeport-yuma}
RUN=$BASE/run
KEYS=$BASE/keys
NCDIR=$RUN/nc
CHDIR=$RUN/callhome
SOCK=$NCDIR/ncxserver.sock
NC_PORT=${NC_PORT:-8830}
NC_USER=${NC_USER:-ncuser}
NC_PASS=${NC_PASS:-ncpass}
NC_TARGET=${NC_TARGET:-candidate}
NC_WITH_STARTUP=${NC_WITH_STARTUP:-false}
NC_PROTOCOLS=${NC_PROTOCOLS:-}
NC_MODULES=${NC_MODULES:-toaster ietf-interfaces iana-if-type interfaces-notifications}
NC_EXTRA_ARGS=${NC_EXTRA_ARGS:-}
NC_KBDINT=${NC_KBDINT:-0}
NC_KEEP_CONFIG=${NC_KEEP_CONFIG:-0}
CALLHOME_RETRY=${CALLHOME_RETRY:-0}
CALLHOME_FIRST_ID=${CALLHOME_FIRST_ID:-1}
CALLHOME_CAPTURE=${CALLHOME_CAPTURE:-0}
HOSTKEY_TYPE=${HOSTKEY_TYPE:-ed25519}
PY=/usr/bin/python3            # Debian's python (python3-ncclient); not a pyenv shim
PKGS="netconfd yangcli libyuma-base netconfd-module-ietf-interfaces openssh-server socat python3-ncclient libyang2-tools openssl iproute2"
SELF=$(readlink -f "$0")
TOOLS=$(dirname "$SELF")

die() { echo "yuma-device.sh: $*" >&2; exit 1; }
log() { echo "yuma-device.sh: $*"; }

case "$BASE" in *[!A-Za-z0-9/._-]*) die "DEVICE_BASE must not contain spaces or , : ! etc.";; esac
[ "$(id -u)" = 0 ] || die "run as root (sshd needs it; netconfd itself runs as $NC_USER)"

# ---------------------------------------------------------------- pid bookkeeping
# pidfile content: "PID STARTTIME" (starttime = field 22 of /proc/PID/stat) so that a
# recycled pid is never mistaken for ours.
starttime() { awk '{print $22}' "/proc/$1/stat" 2>/dev/null || true; }
save_pid() { echo "$2 $(starttime "$2")" > "$1"; }
pid_alive() { # pidfile -> echoes pid if that exact process still runs
  local f=$1 pid st
  [ -s "$f" ] || return 1
  read -r pid st < "$f" || return 1
  [ -n "$pid" ] && [ -d "/proc/$pid" ] && [ "$(starttime "$pid")" = "$st" ] || return 1
  # a crashed process whose parent does not reap it stays a zombie: that is not running
  [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] || return 1
  echo "$pid"
}
stop_pidfile() { # pidfile [group] : TERM, wait up to 10 s, then KILL; group=1 signals the process group
  local f=$1 grp=${2:-0} pid tgt i
  if pid=$(pid_alive "$f"); then
    tgt=$pid
    if [ "$grp" = 1 ] && [ "$(awk '{print $5}' "/proc/$pid/stat" 2>/dev/null)" = "$pid" ]; then tgt=-$pid; fi
    kill -TERM -- "$tgt" 2>/dev/null || true
    for i in $(seq 100); do pid_alive "$f" >/dev/null || break; sleep 0.1; done
    if pid_alive "$f" >/dev/null; then kill -KILL -- "$tgt" 2>/dev/null || true; sleep 0.2; fi
  fi
  rm -f "$f"
}
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# ---------------------------------------------------------------- install / setup
ensure_packages() {
  local missing=() p
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} = 0 ] && return 0
  log "installing: ${missing[*]}"
  # never let the package start the system sshd on port 22: deny service starts during install
  local tmp_policy=0
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod 755 /usr/sbin/policy-rc.d; tmp_policy=1
  fi
  mkdir -p "$BASE"
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } \
    > "$BASE/apt.log" 2>&1 || { [ $tmp_policy = 1 ] && rm -f /usr/sbin/policy-rc.d; tail -20 "$BASE/apt.log"; die "apt-get failed"; }
  [ $tmp_policy = 1 ] && rm -f /usr/sbin/policy-rc.d
  return 0
}

gen_key() { # file comment
  [ -s "$1" ] || ssh-keygen -q -t "$HOSTKEY_TYPE" -N '' -C "$2" -f "$1" </dev/null >/dev/null
}

setup() {
  mkdir -p "$BASE" "$RUN" "$KEYS" "$NCDIR" "$CHDIR" "$RUN/bin"
  chmod 755 "$BASE" "$RUN" "$RUN/bin"; chmod 700 "$KEYS"
  # test user: NETCONF sessions log in as this user; netconfd runs as this user (never root)
  id -u "$NC_USER" >/dev/null 2>&1 || useradd -m -s /bin/sh "$NC_USER"
  echo "$NC_USER:$NC_PASS" | chpasswd
  chown "$NC_USER:" "$NCDIR"; chmod 755 "$NCDIR"
  mkdir -p /run/sshd && chmod 755 /run/sshd        # OpenSSH privilege-separation dir
  gen_key "$KEYS/listen_$HOSTKEY_TYPE" "device0-listen"
  gen_key "$KEYS/client_$HOSTKEY_TYPE" "netconf-client"
  [ -s "$RUN/authorized_keys" ] || cp "$KEYS/client_$HOSTKEY_TYPE.pub" "$RUN/authorized_keys"
  chmod 644 "$RUN/authorized_keys"
  # Debian's netconfd-module-ietf-interfaces calls a helper 'get-interface-ipv4 IFNAME' that the
  # package does not ship (netconfd aborts without it). Same behaviour as upstream yuma123's script.
  cat > "$RUN/bin/get-interface-ipv4" <<'EOF'
#!/bin/sh
ip=$(ip -4 -o addr show dev "$1" 2>/dev/null | awk '{sub("/.*","",$4); print $4; exit}')
[ -n "$ip" ] || exit 0
printf '<ipv4 xmlns="urn:ietf:params:xml:ns:yang:ietf-ip"><address><ip>%s</ip></address></ipv4>\n' "$ip"
EOF
  chmod 755 "$RUN/bin/get-interface-ipv4"
  # NETCONF over TLS: socat terminates TLS and runs this once per connection, after a successful handshake.
  # netconf-subsystem relays stdin/stdout to netconfd's socket. It takes the NETCONF user from USER, and the
  # session's server port (which picks the socket and must be one of netconfd's --port values) from the last
  # field of SSH_CONNECTION, so both are set here. The user is fixed ($NC_USER): socat has already checked the
  # client certificate against the CA (RFC 7589 leaves the certificate-to-name mapping to the server).
  # Every session is recorded (TLS version, cipher, client certificate) in the log file given as argument $1.
  # netconf-hello-gate.py holds the server's hello back until netconf-subsystem has read the client's: netconfd
  # defers an RPC that reaches it in the same read as the client's hello (see that script), which happened under load.
  cat > "$RUN/bin/tls-netconf-subsystem" <<EOF
#!/bin/sh
printf '%s tls=%s cipher=%s client-subject="%s" client-issuer="%s" from=%s:%s\n' "\$(date +%s)" \\
  "\$SOCAT_OPENSSL_PROTO_VERSION" "\$SOCAT_OPENSSL_CIPHER" "\$SOCAT_OPENSSL_X509_SUBJECT" \\
  "\$SOCAT_OPENSSL_X509_ISSUER" "\$SOCAT_PEERADDR" "\$SOCAT_PEERPORT" >> "\$1"
exec $PY $TOOLS/netconf-hello-gate.py setpriv --reuid=$NC_USER --regid=$NC_USER --init-groups \\
  env -i USER=$NC_USER HOME=$NCDIR SSH_CONNECTION="\${SOCAT_PEERADDR:-127.0.0.1} \${SOCAT_PEERPORT:-0} 127.0.0.1 $NC_PORT" \\
  /usr/sbin/netconf-subsystem --ncxserver-sockname=$NC_PORT@$SOCK
EOF
  chmod 755 "$RUN/bin/tls-netconf-subsystem"
  local common auth
  if [ "$NC_KBDINT" = 1 ]; then
    # keyboard-interactive needs PAM on Linux (pam_unix asks for the password)
    auth="PasswordAuthentication no
KbdInteractiveAuthentication yes
UsePAM yes"
  else
    auth="PasswordAuthentication yes
KbdInteractiveAuthentication no
UsePAM no"
  fi
  common="PubkeyAuthentication yes
$auth
PermitRootLogin no
AllowUsers $NC_USER
AuthorizedKeysFile $RUN/authorized_keys
StrictModes no
AllowTcpForwarding no
AllowAgentForwarding no
X11Forwarding no
PermitTunnel no
PrintMotd no
UseDNS no
LoginGraceTime 30
LogLevel VERBOSE
# netconf-subsystem passes the session to netconfd over its unix socket; it picks the socket by
# the server-side TCP port of the SSH connection (last field of SSH_CONNECTION).
Subsystem netconf /usr/sbin/netconf-subsystem --ncxserver-sockname=$NC_PORT@$SOCK"
  printf 'ListenAddress 127.0.0.1:%s\nAddressFamily inet\nHostKey %s\nPidFile %s\nMaxStartups 200\n%s\n' \
    "$NC_PORT" "$KEYS/listen_$HOSTKEY_TYPE" "$RUN/sshd.pid" "$common" > "$RUN/sshd_config"
  printf '# inetd mode (sshd -i) on an outgoing call-home socket; host key given with -h\n%s\n' \
    "$common" > "$RUN/sshd_callhome_config"
  /usr/sbin/sshd -t -f "$RUN/sshd_config" -o "HostKey=$KEYS/listen_$HOSTKEY_TYPE" || die "bad sshd config"
}

# ---------------------------------------------------------------- start / stop
start_netconfd() {
  if pid_alive "$RUN/netconfd.pid" >/dev/null; then log "netconfd already running"; return 0; fi
  rm -f "$SOCK"                                   # netconfd leaves a stale socket behind on exit
  if [ "$NC_KEEP_CONFIG" != 1 ] || [ ! -s "$NCDIR/startup-cfg.xml" ]; then
    echo '<config xmlns="urn:ietf:params:xml:ns:netconf:base:1.0"/>' > "$NCDIR/startup-cfg.xml"
    rm -f "$NCDIR/backup-cfg.xml"
  fi
  chown "$NC_USER:" "$NCDIR"/*
  local args=(--ncxserver-sockname="$SOCK" --port="$NC_PORT" --superuser="$NC_USER"
              --datapath="$NCDIR" --startup="$NCDIR/startup-cfg.xml" --log="$NCDIR/netconfd.log"
              --target="$NC_TARGET" --with-startup="$NC_WITH_STARTUP")
  local m; for m in $NC_MODULES; do args+=(--module="$m"); done
  [ -n "$NC_PROTOCOLS" ] && args+=(--protocols="$NC_PROTOCOLS")
  # shellcheck disable=SC2206
  [ -n "$NC_EXTRA_ARGS" ] && args+=($NC_EXTRA_ARGS)
  # cwd matters: netconfd looks for backup-cfg.xml etc. in the current directory first
  # setsid: own session, so a closing terminal does not take netconfd down; exec keeps $! = netconfd
  ( cd "$NCDIR" && exec setsid setpriv --reuid="$NC_USER" --regid="$NC_USER" --init-groups \
      env -i HOME="$NCDIR" USER="$NC_USER" PATH="$RUN/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
      /usr/sbin/netconfd "${args[@]}" ) > "$NCDIR/netconfd.out" 2>&1 < /dev/null &
  save_pid "$RUN/netconfd.pid" $!
  local i; for i in $(seq 100); do [ -S "$SOCK" ] && break; sleep 0.1
    pid_alive "$RUN/netconfd.pid" >/dev/null || { tail -20 "$NCDIR/netconfd.log" "$NCDIR/netconfd.out"; die "netconfd exited"; }; done
  [ -S "$SOCK" ] || die "netconfd socket did not appear"
  log "netconfd pid $(pid_alive "$RUN/netconfd.pid") (user $NC_USER, log $NCDIR/netconfd.log)"
}

start_sshd() {
  if pid_alive "$RUN/sshd.pid" >/dev/null; then log "sshd already running"; return 0; fi
  port_in_use "$NC_PORT" && die "127.0.0.1:$NC_PORT is already in use by someone else"
  rm -f "$RUN/sshd.pid"
  /usr/sbin/sshd -f "$RUN/sshd_config" -E "$RUN/sshd.log"     # daemonizes, writes PidFile
  local i pid=; for i in $(seq 50); do [ -s "$RUN/sshd.pid" ] && pid=$(cat "$RUN/sshd.pid") && break; sleep 0.1; done
  [ -n "$pid" ] || die "sshd did not start (see $RUN/sshd.log)"
  save_pid "$RUN/sshd.pid" "$pid"
  for i in $(seq 50); do port_in_use "$NC_PORT" && break; sleep 0.1; done
  log "sshd pid $pid listening on 127.0.0.1:$NC_PORT (host key $(ssh-keygen -lf "$KEYS/listen_$HOSTKEY_TYPE.pub" | awk '{print $2}'))"
}

cmd_start() {
  ensure_packages; setup; start_netconfd; start_sshd
  cat <<EOF
yuma-device.sh: ready: NETCONF over SSH at 127.0.0.1:$NC_PORT, subsystem 'netconf'
  user $NC_USER / password $NC_PASS, or key $KEYS/client_$HOSTKEY_TYPE
  e.g. ssh -p $NC_PORT -i $KEYS/client_$HOSTKEY_TYPE -s $NC_USER@127.0.0.1 netconf
EOF
}

stop_devices() { # [ID...] : the given devices, default all
  local f n=0 id
  if [ $# = 0 ]; then
    for f in "$CHDIR"/dev*.pid; do [ -e "$f" ] || continue; id=${f##*/dev}; set -- "$@" "${id%.pid}"; done
  fi
  for id in "$@"; do
    f=$CHDIR/dev$id.pid; [ -e "$f" ] || continue
    stop_pidfile "$f" 1; rm -f "$CHDIR/dev$id.info"; n=$((n+1))
  done
  cat "$CHDIR"/dev*.info 2>/dev/null | sort -V > "$CHDIR/devices.txt" || true
  [ $n = 0 ] || log "stopped $n call-home device(s)"
}

cmd_stop() {
  [ -d "$RUN" ] || { log "nothing to stop"; return 0; }
  stop_devices
  local f; for f in "$RUN"/tls*.pid; do [ -e "$f" ] && stop_pidfile "$f" 1; done
  stop_pidfile "$RUN/sshd.pid" 1
  stop_pidfile "$RUN/netconfd.pid"
  rm -f "$SOCK"
  log "stopped"
}

# ---------------------------------------------------------------- call home (RFC 8071)
src_addr() { echo "127.100.$(( ($1-1) / 250 )).$(( ($1-1) % 250 + 1 ))"; }

cmd_callhome() {
  local host=${1:-} port=${2:-} n=${3:-1} i id
  [ -n "$host" ] && [ -n "$port" ] || die "usage: callhome HOST PORT [N]"
  [ "$host" = localhost ] && host=127.0.0.1
  [[ $host =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "HOST must be a 127.x.y.z loopback address"
  [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "bad PORT"
  [[ $n =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le 1000 ] || die "N must be 1..1000"
  pid_alive "$RUN/netconfd.pid" >/dev/null || die "netconfd is not running: run '$0 start' first"
  for i in $(seq 0 $((n-1))); do
    id=$((CALLHOME_FIRST_ID + i))
    local key=$KEYS/ch${id}_$HOSTKEY_TYPE pf=$CHDIR/dev$id.pid src; src=$(src_addr "$id")
    gen_key "$key" "callhome-device$id"
    if pid_alive "$pf" >/dev/null; then log "dev$id already running, skipped"; continue; fi
    # The device opens TCP from SRC:NC_PORT to HOST:PORT; 'nofork' makes socat exec sshd with
    # that very socket as stdin/stdout (inetd mode), so OpenSSH runs the SSH server side on the
    # outgoing connection. Binding the source port to NC_PORT makes netconfd (--port=NC_PORT)
    # accept the session; a distinct 127.100.x.y source per device keeps the 4-tuples unique.
    local sock_args="TCP:$host:$port,bind=$src:$NC_PORT,reuseaddr,connect-timeout=10"
    local exec_args="EXEC:/usr/sbin/sshd -i -f $RUN/sshd_callhome_config -h $key -E $CHDIR/dev$id.sshd.log,nofork"
    if [ "$CALLHOME_RETRY" = 0 ]; then
      setsid socat "$sock_args" "$exec_args" >> "$CHDIR/dev$id.socat.log" 2>&1 < /dev/null &
    else
      setsid bash -c 'while :; do socat "$1" "$2"; sleep "$3"; done' _ "$sock_args" "$exec_args" "$CALLHOME_RETRY" \
        >> "$CHDIR/dev$id.socat.log" 2>&1 < /dev/null &
    fi
    save_pid "$pf" $!
    printf 'dev%s %s %s %s\n' "$id" "$src" "$(ssh-keygen -lf "$key.pub" | awk '{print $2}')" "$key.pub" > "$CHDIR/dev$id.info"
  done
  cat "$CHDIR"/dev*.info 2>/dev/null | sort -V > "$CHDIR/devices.txt"
  log "$n device(s) calling home to $host:$port (retry=${CALLHOME_RETRY}s); id/source/fingerprint in $CHDIR/devices.txt"
}

# ---------------------------------------------------------------- NETCONF over TLS (RFC 7589)
# socat is the TLS server (OpenSSL): TLS 1.2 or later, certificate CERT with key KEY, and a client certificate
# that chains to CA is required (verify=1 fails the handshake without one). After the handshake it runs
# tls-netconf-subsystem (see setup) with the TLS connection as stdin/stdout.
check_tls_files() { # cert key ca
  local f; for f in "$@"; do
    [ -r "$f" ] || die "cannot read $f"
    case "$f" in *[!A-Za-z0-9/._-]*) die "file names must not contain spaces or , : ! etc.: $f";; esac
  done
}
# SHA-256 of the DER certificate in OpenSSH style (SHA256:base64, no padding), as the engine prints it
cert_fingerprint() { openssl x509 -in "$1" -outform DER | openssl dgst -sha256 -binary | base64 | tr -d '=\n'; }
tls_server_address() { # port cert key ca sessionlog
  echo "OPENSSL-LISTEN:$1,bind=127.0.0.1,reuseaddr,fork,cert=$2,key=$3,cafile=$4,verify=1,min-version=TLS1.2"
}

cmd_tls_listen() {
  local port=${1:-} cert=${2:-} key=${3:-} ca=${4:-}
  [ -n "$ca" ] || die "usage: tls-listen PORT CERT KEY CA"
  [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "bad PORT"
  check_tls_files "$cert" "$key" "$ca"
  pid_alive "$RUN/netconfd.pid" >/dev/null || die "netconfd is not running: run '$0 start' first"
  local pf=$RUN/tls$port.pid
  pid_alive "$pf" >/dev/null && die "a TLS listener on port $port is already running"
  port_in_use "$port" && die "127.0.0.1:$port is already in use by someone else"
  : > "$RUN/tls$port.sessions.log"
  setsid socat -d -lf "$RUN/tls$port.socat.log" "$(tls_server_address "$port" "$cert" "$key" "$ca")" \
    "EXEC:$RUN/bin/tls-netconf-subsystem $RUN/tls$port.sessions.log" < /dev/null > /dev/null 2>&1 &
  save_pid "$pf" $!
  local i; for i in $(seq 50); do port_in_use "$port" && break; sleep 0.1
    pid_alive "$pf" >/dev/null || { cat "$RUN/tls$port.socat.log" >&2; die "socat exited"; }; done
  port_in_use "$port" || die "TLS listener did not come up (see $RUN/tls$port.socat.log)"
  log "NETCONF over TLS on 127.0.0.1:$port (pid $(pid_alive "$pf"), certificate SHA256:$(cert_fingerprint "$cert")); sessions in $RUN/tls$port.sessions.log"
}

cmd_stop_tls() {
  [ -n "${1:-}" ] || die "usage: stop-tls PORT"
  stop_pidfile "$RUN/tls$1.pid" 1
  log "stopped TLS listener on port $1"
}

# A TLS call-home device (RFC 8071 section 4): the device opens the TCP connection and is the TLS *server* on it.
# socat 1.7 cannot run a TLS server on a connection it dialled, so the device has two parts in one process group:
#   1. its TLS server: socat OPENSSL-LISTEN on an ephemeral 127.0.0.1 port that only the bridge uses;
#   2. the call-home bridge: socat dials HOST:PORT from the device's own 127.100.x.y address and relays raw bytes
#      between that connection and the TLS server. It never decrypts: the manager's TLS client handshakes with
#      the device's TLS server through it (CALLHOME_CAPTURE=1 dumps what it relays, for proof).
cmd_tls_callhome() {
  local host=${1:-} port=${2:-} cert=${3:-} key=${4:-} ca=${5:-} id=${6:-$CALLHOME_FIRST_ID}
  [ -n "$ca" ] || die "usage: tls-callhome HOST PORT CERT KEY CA [ID]"
  [ "$host" = localhost ] && host=127.0.0.1
  [[ $host =~ ^127\.[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}$ ]] || die "HOST must be a 127.x.y.z loopback address"
  [[ $port =~ ^[0-9]+$ ]] && [ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "bad PORT"
  [[ $id =~ ^[0-9]+$ ]] && [ "$id" -ge 1 ] && [ "$id" -le 1000 ] || die "ID must be 1..1000"
  check_tls_files "$cert" "$key" "$ca"
  pid_alive "$RUN/netconfd.pid" >/dev/null || die "netconfd is not running: run '$0 start' first"
  local pf=$CHDIR/dev$id.pid src fp; src=$(src_addr "$id"); fp=SHA256:$(cert_fingerprint "$cert")
  pid_alive "$pf" >/dev/null && die "device $id is already running"
  rm -f "$CHDIR/dev$id.to-device.raw" "$CHDIR/dev$id.to-manager.raw"
  setsid bash "$SELF" _tls-callhome-device "$id" "$host" "$port" "$cert" "$key" "$ca" \
    >> "$CHDIR/dev$id.socat.log" 2>&1 < /dev/null &
  save_pid "$pf" $!
  printf 'dev%s %s %s %s tls\n' "$id" "$src" "$fp" "$cert" > "$CHDIR/dev$id.info"
  cat "$CHDIR"/dev*.info 2>/dev/null | sort -V > "$CHDIR/devices.txt"
  log "TLS device $id calling home to $host:$port from $src (certificate $fp); sessions in $CHDIR/dev$id.sessions.log"
}

run_tls_callhome_device() { # id host port cert key ca  (the process group leader of one device)
  local id=$1 host=$2 port=$3 cert=$4 key=$5 ca=$6 src lport i capture=()
  src=$(src_addr "$id")
  [ -e "$CHDIR/dev$id.sessions.log" ] || : > "$CHDIR/dev$id.sessions.log"
  socat -d -lf "$CHDIR/dev$id.tls.log" "$(tls_server_address 0 "$cert" "$key" "$ca")" \
    "EXEC:$RUN/bin/tls-netconf-subsystem $CHDIR/dev$id.sessions.log" < /dev/null &
  lpid=$!   # global: the EXIT trap runs after this function has returned
  trap 'kill "$lpid" 2>/dev/null || true' EXIT
  lport=
  for i in $(seq 100); do
    lport=$(ss -Hltnp 2>/dev/null | awk -v p="pid=$lpid," 'index($0, p) { n = split($4, a, ":"); print a[n]; exit }')
    [ -n "$lport" ] && break
    kill -0 "$lpid" 2>/dev/null || die "device $id: TLS server exited (see $CHDIR/dev$id.tls.log)"
    sleep 0.05
  done
  [ -n "$lport" ] || die "device $id: cannot find the port of its TLS server"
  [ "$CALLHOME_CAPTURE" = 1 ] && capture=(-r "$CHDIR/dev$id.to-device.raw" -R "$CHDIR/dev$id.to-manager.raw")
  while :; do
    socat "${capture[@]}" "TCP:$host:$port,bind=$src,connect-timeout=10" "TCP:127.0.0.1:$lport" || true
    [ "$CALLHOME_RETRY" = 0 ] && break
    sleep "$CALLHOME_RETRY"
  done
}

cmd_status() {
  local f pid
  for f in "$RUN/netconfd.pid" "$RUN/sshd.pid"; do
    if pid=$(pid_alive "$f"); then echo "$(basename "$f" .pid): running pid $pid"; else echo "$(basename "$f" .pid): not running"; fi
  done
  local up=0 down=0
  for f in "$CHDIR"/dev*.pid; do [ -e "$f" ] || continue
    if pid_alive "$f" >/dev/null; then up=$((up+1)); else down=$((down+1)); fi; done
  echo "call-home devices: $up running, $down finished"
  for f in "$RUN"/tls*.pid; do [ -e "$f" ] || continue
    if pid=$(pid_alive "$f"); then echo "$(basename "$f" .pid) listener: running pid $pid"; fi; done
}

cmd_clean() { cmd_stop; rm -rf "$RUN" "$KEYS" "$BASE/apt.log"; log "removed $RUN and $KEYS"; }


cmd_rekey() {
  local id
  for id in "$@"; do
    rm -f "$KEYS/ch${id}_$HOSTKEY_TYPE" "$KEYS/ch${id}_$HOSTKEY_TYPE.pub"
    gen_key "$KEYS/ch${id}_$HOSTKEY_TYPE" "callhome-device$id-rekeyed"
  done
  log "new host key for device(s) $*"
}

cmd_authorize_key() {
  [ -s "${1:-}" ] || die "usage: authorize-key FILE.pub"
  cat "$1" >> "$RUN/authorized_keys"
  log "authorized $(ssh-keygen -lf "$1" | awk '{print $2}')"
}

# ---------------------------------------------------------------- main
cmd=${1:-}; shift || true
case "$cmd" in
  install)  ensure_packages ;;
  start)    cmd_start ;;
  callhome) cmd_callhome "$@" ;;
  status)   cmd_status ;;
  stop)     cmd_stop ;;
  stop-devices) stop_devices "$@" ;;
  rekey)    cmd_rekey "$@" ;;
  authorize-key) cmd_authorize_key "$@" ;;
  tls-listen) cmd_tls_listen "$@" ;;
  stop-tls) cmd_stop_tls "$@" ;;
  tls-callhome) cmd_tls_callhome "$@" ;;
  _tls-callhome-device) run_tls_callhome_device "$@" ;;
  clean)    cmd_clean ;;
  *) sed -n '2,40p' "$SELF"; exit 2 ;;
esac
