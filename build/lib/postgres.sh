# shellcheck shell=bash
# Clúster PostgreSQL 15 desechable/local para run.sh y test.sh (se carga con `source`).
# Throw-away / local PostgreSQL 15 cluster helpers (sourced).
#
#   dir="$(pg_cluster_path pg-test)"       # .local/pg-test (o un respaldo accesible por postgres)
#   pg_cluster_wipe "$dir"
#   pg_cluster_init "$dir" test            # modo test: fsync=off, synchronous_commit=off
#   pg_cluster_start "$dir" "$(free_port)"
#   port="$(pg_cluster_port "$dir")"
#   pg_create_db "$port" cobranzas
#   pg_conn_string "$port" cobranzas       # Host=127.0.0.1;Port=...;Username=postgres;Database=cobranzas
#   pg_cluster_stop "$dir"
#
# Estructura de la carpeta / folder layout: data/ (PGDATA), postgres.log, port.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# Ejecuta como el dueño del clúster: usuario postgres si somos root (initdb se niega a correr como root).
pg_as_owner() {
  if is_root; then
    (cd / && runuser -u postgres -- "$@")
  else
    "$@"
  fi
}

# pg_cluster_path NOMBRE -> ruta de la carpeta del clúster.
# Normalmente .local/NOMBRE; si el usuario postgres no puede llegar a esa carpeta (p. ej. el repo está
# bajo /root con permisos 700) se usa /var/tmp/cobranzas-<hash>/NOMBRE y .local/NOMBRE queda como enlace.
pg_cluster_path() {
  local name="$1"
  local dir="$COBRANZAS_LOCAL/$name"
  mkdir -p "$COBRANZAS_LOCAL"
  if [[ -L "$dir" ]]; then
    mkdir -p "$(readlink -f "$dir")"
    _pg_fix_owner "$(readlink -f "$dir")"
    readlink -f "$dir"; return 0
  fi
  mkdir -p "$dir"
  _pg_fix_owner "$dir"
  if ! is_root || runuser -u postgres -- test -w "$dir" 2>/dev/null; then
    printf '%s\n' "$dir"; return 0
  fi
  local alt
  alt="/var/tmp/cobranzas-$(printf '%s' "$COBRANZAS_ROOT" | sha256sum | cut -c1-12)/$name"
  mkdir -p "$alt"
  chmod 755 "$(dirname "$alt")"
  _pg_fix_owner "$alt"
  rm -rf "$dir"
  ln -s "$alt" "$dir"
  printf '%s\n' "$alt"
}

_pg_fix_owner() {
  if is_root; then chown -R postgres:postgres "$1"; chmod 700 "$1"; fi
}

_pg_bin() { command -v "$1"; }

pg_cluster_is_running() {
  local dir="$1"
  [[ -f "$dir/data/postmaster.pid" ]] || return 1
  pg_as_owner "$(_pg_bin pg_ctl)" -D "$dir/data" status >/dev/null 2>&1
}

# pg_cluster_wipe DIR -> detiene (si corre) y borra el contenido.
pg_cluster_wipe() {
  local dir="$1"
  pg_cluster_stop "$dir" || true
  rm -rf "${dir:?}/data" "$dir/postgres.log" "$dir/port"
}

# pg_cluster_init DIR [test|run] -> initdb si aún no existe data/ (idempotente).
pg_cluster_init() {
  local dir="$1" mode="${2:-run}"
  if [[ -f "$dir/data/PG_VERSION" ]]; then return 0; fi
  rm -rf "${dir:?}/data"
  _pg_fix_owner "$dir"
  local extra=()
  [[ "$mode" == "test" ]] && extra+=(--no-sync)
  run_logged "initdb-$(basename "$dir")" pg_as_owner "$(_pg_bin initdb)" -D "$dir/data" -U postgres \
    --auth=trust --encoding=UTF8 --locale=C.UTF-8 "${extra[@]}" \
    || return 1
  {
    echo "# Cobranzas ($mode) — generado por build/lib/postgres.sh"
    echo "listen_addresses = '127.0.0.1'"
    echo "unix_socket_directories = ''"
    echo "max_connections = 300"
    echo "shared_buffers = 256MB"
    # The data sits in memory or on SSD: with the default 4 the planner scans all of cartera.cuotas (open and paid
    # installments) instead of the partial index of open ones, so the aging would grow with the paid history
    # (bench/README.md, issue 8). Production on SSD should set the same.
    echo "random_page_cost = 1.1"
    # JIT compiles (inlining + optimisation) any plan whose estimated cost passes 500 000: the client list ordered by
    # debt at 100 000 clients spent 600 ms compiling a 1 s query (bench/README.md, issue 13). Our queries are short
    # reads over indexes; production should set the same.
    echo "jit = off"
    echo "log_min_messages = warning"
    echo "log_line_prefix = '%m [%p] %d '"
    if [[ "$mode" == "test" ]]; then
      echo "fsync = off"
      echo "synchronous_commit = off"
      echo "full_page_writes = off"
    fi
  } | pg_as_owner tee "$dir/data/cobranzas.conf" >/dev/null
  echo "include = 'cobranzas.conf'" | pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null
  printf '%s\n' \
    '# Sólo loopback, sin contraseña (clúster local de desarrollo/pruebas)' \
    'local all all trust' \
    'host  all all 127.0.0.1/32 trust' \
    | pg_as_owner tee "$dir/data/pg_hba.conf" >/dev/null
}

# pg_cluster_start DIR PUERTO -> arranca (si no corre) y espera a pg_isready.
# Si ya corre, no hace nada; el puerto real se lee con pg_cluster_port.
pg_cluster_start() {
  local dir="$1" port="$2"
  if pg_cluster_is_running "$dir"; then
    pg_cluster_wait "$(pg_cluster_port "$dir")" 60; return
  fi
  [[ -f "$dir/data/PG_VERSION" ]] || die "no hay clúster en / no cluster in $dir/data (pg_cluster_init)"
  pg_as_owner touch "$dir/postgres.log" 2>/dev/null || true
  run_logged "pg_ctl-start-$(basename "$dir")" pg_as_owner "$(_pg_bin pg_ctl)" -D "$dir/data" -l "$dir/postgres.log" \
    -o "-p $port" -w -t 60 start || {
      tail -n 20 "$dir/postgres.log" >&2 2>/dev/null || true
      return 1
    }
  printf '%s\n' "$port" >"$dir/port"
  pg_cluster_wait "$port" 60
}

# pg_cluster_port DIR -> puerto del clúster (el de postmaster.pid si corre, si no el recordado)
pg_cluster_port() {
  local dir="$1"
  if [[ -f "$dir/data/postmaster.pid" ]] && pg_cluster_is_running "$dir"; then
    sed -n 4p "$dir/data/postmaster.pid"
  elif [[ -f "$dir/port" ]]; then
    cat "$dir/port"
  else
    return 1
  fi
}

pg_cluster_wait() {
  local port="$1" secs="${2:-60}" i
  for ((i = 0; i < secs * 4; i++)); do
    if pg_isready -q -h 127.0.0.1 -p "$port" -U postgres -d postgres -t 2 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  warn "PostgreSQL no respondió en el puerto / did not answer on port $port"
  return 1
}

# pg_cluster_stop DIR -> detención rápida (no falla si no corre)
pg_cluster_stop() {
  local dir="$1"
  pg_cluster_is_running "$dir" || return 0
  pg_as_owner "$(_pg_bin pg_ctl)" -D "$dir/data" -m fast -w -t 60 stop >/dev/null 2>&1 \
    || pg_as_owner "$(_pg_bin pg_ctl)" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 \
    || true
}

pg_psql() {
  local port="$1"; shift
  PGCONNECT_TIMEOUT=10 psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U postgres "$@"
}

# pg_create_db PUERTO NOMBRE -> crea la base si no existe
pg_create_db() {
  local port="$1" db="$2"
  if [[ "$(pg_psql "$port" -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$db'")" == "1" ]]; then
    return 0
  fi
  pg_psql "$port" -d postgres -c "CREATE DATABASE \"$db\" ENCODING 'UTF8' TEMPLATE template0"
}

# pg_drop_db PUERTO NOMBRE
pg_drop_db() {
  local port="$1" db="$2"
  pg_psql "$port" -d postgres -c "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)"
}

pg_conn_string() {
  local port="$1" db="${2:-postgres}"
  printf 'Host=127.0.0.1;Port=%s;Username=postgres;Database=%s\n' "$port" "$db"
}
