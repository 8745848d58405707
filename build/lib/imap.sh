# shellcheck shell=bash
# Buzón IMAP de pruebas (dovecot de Debian, paquete dovecot-imapd) — se carga con `source`.
# Throw-away IMAP mailbox (Debian's dovecot) — sourced. Never touches the system dovecot: its own config, base_dir,
# state_dir, log and maildir under DIR, listening only on 127.0.0.1, plain-text auth without TLS (loopback only).
#
#   imap_start .local/imap-test PORT          # one user: $IMAP_USER / $IMAP_PASSWORD, waits for the port
#   echo "$IMAP_PORT $IMAP_USER $IMAP_PASSWORD $IMAP_PID"
#   imap_stop

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

IMAP_PID=""
IMAP_PORT=""
IMAP_USER="respuestas"
IMAP_PASSWORD="respuestas-pruebas"

imap_install() {
  [[ -x /usr/sbin/dovecot ]] || apt_install dovecot-imapd
  [[ -x /usr/sbin/dovecot ]] || die "falta dovecot / dovecot missing (apt-get install dovecot-imapd)"
}

# imap_write_config DIR PORT -> escribe DIR/dovecot.conf y DIR/users (también lo usa el fixture de pruebas .NET)
imap_write_config() {
  local dir="$1" port="$2" user group uid gid
  dir="$(cd "$dir" && pwd)"
  if is_root; then
    # Dovecot refuses mail access as root: the mailbox belongs to its unprivileged user.
    user=dovenull; group=dovenull
  else
    user="$(id -un)"; group="$(id -gn)"
  fi
  uid="$(id -u "$user")"; gid="$(id -g "$user")"
  mkdir -p "$dir/run" "$dir/state" "$dir/mail"
  if is_root; then chown -R "$user:$group" "$dir/mail"; fi
  printf '%s:{PLAIN}%s:%s:%s::%s/mail/%s::\n' "$IMAP_USER" "$IMAP_PASSWORD" "$uid" "$gid" "$dir" "$IMAP_USER" >"$dir/users"
  cat >"$dir/dovecot.conf" <<CONF
base_dir = $dir/run
state_dir = $dir/state
log_path = $dir/dovecot.log
info_log_path = $dir/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = $user
default_internal_group = $group
default_login_user = $user
first_valid_uid = $uid
last_valid_uid = $uid
mail_location = maildir:$dir/mail/%u/Maildir
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/users
}
userdb {
  driver = passwd-file
  args = username_format=%u $dir/users
}
service imap-login {
  chroot =
  inet_listener imap {
    address = 127.0.0.1
    port = $port
  }
  inet_listener imaps {
    port = 0
  }
}
service anvil {
  chroot =
}
CONF
}

# imap_start DIR PORT
imap_start() {
  local dir="$1" port="$2"
  imap_install
  mkdir -p "$dir"
  imap_write_config "$dir" "$port"
  # -F: in the foreground, a child of this shell (setsid: its own process group, so Ctrl-C does not stop it before the API).
  setsid /usr/sbin/dovecot -F -c "$(cd "$dir" && pwd)/dovecot.conf" </dev/null >"$dir/dovecot.out" 2>&1 &
  IMAP_PID=$!
  printf '%s\n' "$IMAP_PID" >"$dir/dovecot.pid"
  IMAP_PORT="$port"
  if ! wait_for_port "$port" 30; then
    tail -n 20 "$dir/dovecot.log" "$dir/dovecot.out" >&2 || true
    imap_stop
    die "dovecot no arrancó / did not start (IMAP $port); log: $dir/dovecot.log"
  fi
}

imap_stop() {
  if [[ -n "$IMAP_PID" ]]; then
    stop_pid "$IMAP_PID" 10
    IMAP_PID=""
  fi
}
