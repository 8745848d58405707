# shellcheck shell=bash
# Funciones comunes para build/run.sh y build/test.sh (se carga con `source`).
# Common helpers for build/run.sh and build/test.sh (sourced, not executed).

if [[ -n "${_COBRANZAS_COMMON_SH:-}" ]]; then return 0; fi
_COBRANZAS_COMMON_SH=1

# Raíz del repositorio / repository root (build/lib/ -> ../..)
COBRANZAS_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
COBRANZAS_LOCAL="$COBRANZAS_ROOT/.local"
COBRANZAS_LOGS="$COBRANZAS_LOCAL/logs"

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export DOTNET_GENERATE_ASPNET_CERTIFICATE=false
export NPM_CONFIG_FUND=false
export NPM_CONFIG_AUDIT=false
export NPM_CONFIG_UPDATE_NOTIFIER=false
# Aquí no se puede descargar navegadores: se usa el Chromium de Debian (/usr/bin/chromium).
export PUPPETEER_SKIP_DOWNLOAD=1
export PUPPETEER_SKIP_CHROMIUM_DOWNLOAD=1
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

mkdir -p "$COBRANZAS_LOCAL" "$COBRANZAS_LOGS"

log() { printf '%s\n' "$*" >&2; }
info() { printf '» %s\n' "$*" >&2; }
warn() { printf 'AVISO/WARNING: %s\n' "$*" >&2; }
die() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

is_root() { [[ "$(id -u)" == "0" ]]; }

# run_logged NOMBRE COMANDO... : ejecuta en silencio, salida a .local/logs/NOMBRE.log.
# Si falla, muestra el final del log y su ruta. Devuelve el código del comando.
run_logged() {
  local name="$1"; shift
  local logf="$COBRANZAS_LOGS/$name.log"
  local rc=0
  "$@" >"$logf" 2>&1 </dev/null || rc=$?
  if (( rc != 0 )); then _show_log_failure "$name" "$logf" "$rc" "$*"; fi
  return "$rc"
}

_show_log_failure() {
  local name="$1" logf="$2" rc="$3" what="$4" n
  n="$(wc -l <"$logf" 2>/dev/null || echo 0)"
  {
    if (( n <= 30 )); then
      printf '\n---- %s ----\n' "$logf"
      cut -c1-400 "$logf" || true
    else
      printf '\n---- primeros errores / first errors in %s ----\n' "$logf"
      grep -m 10 -E '(^|[^a-z])(error|ERR!|FAILED|Error:|FATAL)' "$logf" | cut -c1-400 || true
      printf -- '---- últimas líneas / last lines ----\n'
      tail -n 6 "$logf" | cut -c1-400 || true
    fi
    printf -- '----\nFALLÓ/FAILED (%s, código/exit %d): %s\nLog: %s\n' "$name" "$rc" "$what" "$logf"
  } >&2
}

# --- Puertos / ports -------------------------------------------------------
# Se usa node (requisito del proyecto) para no depender de python3.

# port_is_free PUERTO -> 0 si se puede escuchar en 127.0.0.1:PUERTO (y nadie escucha en *:PUERTO)
port_is_free() {
  local port="$1"
  if command -v ss >/dev/null 2>&1; then
    if [[ -n "$(ss -Hltn "sport = :$port" 2>/dev/null)" ]]; then return 1; fi
  fi
  node -e '
    const net = require("net");
    const port = Number(process.argv[1]);
    const s = net.createServer();
    s.once("error", () => process.exit(1));
    s.listen({ host: "127.0.0.1", port, exclusive: true }, () => s.close(() => process.exit(0)));
  ' "$port" 2>/dev/null
}

# free_ports N -> imprime N puertos libres distintos (uno por línea), fuera del rango efímero.
free_ports() {
  local n="${1:-1}"
  node -e '
    const net = require("net");
    const { execFileSync } = require("child_process");
    const want = Number(process.argv[1]);
    let listening = "";
    try { listening = execFileSync("ss", ["-Hltn"], { encoding: "utf8" }); } catch { }
    const taken = new Set();
    for (const m of listening.matchAll(/:(\d+)\s/g)) taken.add(Number(m[1]));
    const held = [];
    const tryPort = (port) => new Promise((resolve) => {
      if (taken.has(port) || held.some(h => h.port === port)) return resolve(false);
      const s = net.createServer();
      s.once("error", () => resolve(false));
      s.listen({ host: "127.0.0.1", port, exclusive: true }, () => { held.push({ port, s }); resolve(true); });
    });
    (async () => {
      for (let i = 0; held.length < want && i < 2000; i++) {
        await tryPort(20000 + Math.floor(Math.random() * 12000));
      }
      if (held.length < want) process.exit(1);
      console.log(held.map(h => h.port).join("\n"));
      held.forEach(h => h.s.close());
    })();
  ' "$n"
}

free_port() { free_ports 1; }

# wait_for_port PUERTO SEGUNDOS -> espera a que algo escuche en 127.0.0.1:PUERTO
wait_for_port() {
  local port="$1" secs="${2:-30}" i
  for ((i = 0; i < secs * 4; i++)); do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then return 0; fi
    sleep 0.25
  done
  return 1
}

# http_ok URL -> 0 si responde 2xx
http_ok() {
  if command -v curl >/dev/null 2>&1; then
    curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null
  else
    node -e 'fetch(process.argv[1], { signal: AbortSignal.timeout(5000) }).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))' "$1"
  fi
}

# wait_for_http URL SEGUNDOS [PID] -> espera 2xx; se rinde si PID muere
wait_for_http() {
  local url="$1" secs="${2:-60}" pid="${3:-}" start=$SECONDS
  while (( SECONDS - start < secs )); do
    if http_ok "$url"; then return 0; fi
    if [[ -n "$pid" ]] && ! kill -0 "$pid" 2>/dev/null; then return 1; fi
    sleep 0.5
  done
  return 1
}

# --- Procesos / processes ---------------------------------------------------

# stop_pid PID [SEGUNDOS] -> TERM, espera, y KILL si sigue vivo (sólo ese PID).
stop_pid() {
  local pid="$1" secs="${2:-15}" i
  [[ -n "$pid" ]] || return 0
  kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < secs * 4; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.25
  done
  kill -KILL "$pid" 2>/dev/null || true
}

# --- Requisitos / prerequisites --------------------------------------------

_APT_UPDATED=""
apt_install() {
  # apt_install PAQUETE... (sólo los que falten; requiere root)
  local missing=() p
  for p in "$@"; do
    dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
  done
  (( ${#missing[@]} == 0 )) && return 0
  if ! is_root; then
    die "faltan paquetes / missing packages: ${missing[*]} (instálelos con / install with: sudo apt-get install -y ${missing[*]})"
  fi
  info "apt-get install ${missing[*]}"
  if [[ -z "$_APT_UPDATED" ]]; then
    run_logged apt-update env DEBIAN_FRONTEND=noninteractive apt-get update -q || die "apt-get update falló / failed"
    _APT_UPDATED=1
  fi
  run_logged apt-install env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}" \
    || die "apt-get install ${missing[*]} falló / failed"
}

# Localiza los binarios de PostgreSQL (PATH o /usr/lib/postgresql/<v>/bin) y los instala si faltan.
ensure_postgres_bins() {
  if ! command -v initdb >/dev/null 2>&1 || ! command -v pg_ctl >/dev/null 2>&1; then
    local d
    for d in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
      if [[ -x "$d/initdb" && -x "$d/pg_ctl" ]]; then export PATH="$d:$PATH"; break; fi
    done
  fi
  if ! command -v initdb >/dev/null 2>&1; then
    apt_install postgresql-15 postgresql-client-15
    export PATH="/usr/lib/postgresql/15/bin:$PATH"
  fi
  if ! command -v psql >/dev/null 2>&1 || ! command -v pg_isready >/dev/null 2>&1; then
    apt_install postgresql-client-15
  fi
  if is_root && ! id postgres >/dev/null 2>&1; then
    useradd --system --home-dir /var/lib/postgresql --shell /bin/bash postgres \
      || die "no se pudo crear el usuario postgres / could not create the postgres user"
  fi
}

ensure_base_prereqs() {
  command -v dotnet >/dev/null 2>&1 || die "falta dotnet (.NET SDK 10) / dotnet (.NET 10 SDK) is missing: https://dot.net"
  if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  local major
  major="$(node -p 'process.versions.node.split(".")[0]')"
  (( major >= 20 )) || die "se requiere Node >= 20 (hay $(node --version)) / Node >= 20 required"
  command -v curl >/dev/null 2>&1 || apt_install curl ca-certificates
  command -v ss >/dev/null 2>&1 || apt_install iproute2
}

# npm_ci_if_needed DIR NOMBRE_LOG -> `npm ci` si node_modules no corresponde al package-lock.json.
# El registro npm de esta máquina responde 404 a los paquetes opcionales de otras plataformas
# (p. ej. @rollup/rollup-android-arm64, @esbuild/darwin-x64): un package-lock.json generado aquí no los
# lista y `npm ci` lo rechaza como "no sincronizado" (EUSAGE). En ese caso se usa
# `npm install --no-save`, que respeta las versiones del lock y no lo modifica.
npm_ci_if_needed() {
  local dir="$1" name="$2"
  local stamp="$dir/node_modules/.cobranzas-lock.sha256" want
  want="$(cat "$dir/package.json" "$dir/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then return 0; fi
  if ! (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) >"$COBRANZAS_LOGS/$name.log" 2>&1 </dev/null; then
    if grep -q 'EUSAGE' "$COBRANZAS_LOGS/$name.log" && [[ -f "$dir/package-lock.json" ]]; then
      warn "npm ci rechazó el package-lock.json de $(basename "$dir") (EUSAGE); se usa npm install --no-save / npm ci rejected the lock file, falling back to npm install --no-save"
      run_logged "$name" bash -c "cd '$dir' && npm install --no-save --no-audit --no-fund --loglevel=error" || return 1
    else
      _show_log_failure "$name" "$COBRANZAS_LOGS/$name.log" 1 "npm ci ($dir)"
      return 1
    fi
  fi
  printf '%s' "$want" >"$stamp"
}
