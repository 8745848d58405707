#!/usr/bin/env bash
# Compila todo y sirve Cobranzas en http://127.0.0.1:$COBRANZAS_PORT (5080 por omisión).
# Builds everything and serves Cobranzas on http://127.0.0.1:$COBRANZAS_PORT (default 5080).
#
#   ./build/run.sh          compilar, migrar, datos demo, servir (Ctrl-C detiene la API y la bandeja de correo)
#   ./build/run.sh stop     detiene el PostgreSQL local (.local/pg-run), que queda corriendo entre ejecuciones
#   ./build/run.sh reset    lo detiene y BORRA sus datos, las credenciales demo y la bandeja de correo
#
# Variables: COBRANZAS_PORT, ConnectionStrings__Cobranzas (si no está, PostgreSQL local en .local/pg-run),
#            Smtp__Host / Smtp__Port (si no está Smtp__Host, maildev local).
# Imprime (stdout) exactamente: "URL: …", las líneas de .local/demo-credenciales.txt, "Swagger: …",
# "Correo (bandeja de pruebas): …". Todo lo demás va a stderr; los logs de compilación, a .local/logs/.
set -euo pipefail

# shellcheck source=lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
# shellcheck source=lib/mail.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/mail.sh"
# shellcheck source=lib/imap.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/imap.sh"

cd "$COBRANZAS_ROOT"
WEB="$COBRANZAS_ROOT/web-client"
API_PROJ="$COBRANZAS_ROOT/src/Cobranzas.Api/Cobranzas.Api.csproj"
API_DLL="$COBRANZAS_ROOT/src/Cobranzas.Api/bin/Release/net10.0/Cobranzas.Api.dll"
CRED_FILE="$COBRANZAS_LOCAL/demo-credenciales.txt"
JWT_FILE="$COBRANZAS_LOCAL/jwt.key"
PG_NAME="pg-run"
DB_NAME="cobranzas"

case "${1:-}" in
  "") ;;
  stop)
    ensure_postgres_bins
    pg_cluster_stop "$(pg_cluster_path "$PG_NAME")"
    info "PostgreSQL local detenido / local PostgreSQL stopped (.local/$PG_NAME)"
    exit 0 ;;
  reset)
    ensure_postgres_bins
    dir="$(pg_cluster_path "$PG_NAME")"
    pg_cluster_wipe "$dir"
    rm -rf "$CRED_FILE" "$COBRANZAS_LOCAL/mail"
    info "Datos locales borrados / local data wiped (.local/$PG_NAME, demo-credenciales.txt, mail)"
    exit 0 ;;
  -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
  *) die "argumento desconocido / unknown argument: $1 (use: run.sh [stop|reset])" ;;
esac

# --- Puerto de la API (falla temprano si está ocupado) ----------------------------------
PORT="${COBRANZAS_PORT:-5080}"
[[ "$PORT" =~ ^[0-9]+$ ]] && (( PORT > 0 && PORT < 65536 )) \
  || die "COBRANZAS_PORT='$PORT' no es un puerto válido / is not a valid port"
port_taken_error() {
  die "el puerto $PORT ya está en uso; libérelo o elija otro con la variable COBRANZAS_PORT (p. ej. COBRANZAS_PORT=$((PORT + 1)) ./build/run.sh).
       Port $PORT is already in use; free it or pick another one with the COBRANZAS_PORT variable (e.g. COBRANZAS_PORT=$((PORT + 1)) ./build/run.sh)."
}
port_is_free "$PORT" || port_taken_error

# --- Requisitos -------------------------------------------------------------------
ensure_base_prereqs
[[ -f "$WEB/package.json" ]] || die "falta / missing web-client/package.json"
[[ -f "$API_PROJ" ]] || die "falta / missing $API_PROJ"

# --- Compilación (la API escribe web-client/openapi.json, que usa la compilación del SPA) ----
info "dotnet build -c Release (log: .local/logs/dotnet-build.log)"
run_logged dotnet-build dotnet build "$API_PROJ" -c Release -nodeReuse:false || exit 1
[[ -f "$API_DLL" ]] || die "no se generó / not produced: $API_DLL"

info "web-client: npm ci (log: .local/logs/npm-ci-web-client.log)"
npm_ci_if_needed "$WEB" npm-ci-web-client || exit 1
info "web-client: npm run build (log: .local/logs/web-build.log)"
run_logged web-build bash -c "cd '$WEB' && npm run build" || exit 1

# --- Base de datos ------------------------------------------------------------------
if [[ -n "${ConnectionStrings__Cobranzas:-}" ]]; then
  CONN="$ConnectionStrings__Cobranzas"
  info "Base de datos / database: ConnectionStrings__Cobranzas (externa / external)"
else
  ensure_postgres_bins
  PG_DIR="$(pg_cluster_path "$PG_NAME")"
  pg_cluster_init "$PG_DIR" run || die "initdb falló / failed (.local/logs/initdb-$PG_NAME.log)"
  if pg_cluster_is_running "$PG_DIR"; then
    PG_PORT="$(pg_cluster_port "$PG_DIR")"
    info "PostgreSQL local ya en marcha / already running (.local/$PG_NAME, puerto/port $PG_PORT)"
  else
    PG_PORT="$(cat "$PG_DIR/port" 2>/dev/null || true)"
    if [[ -z "$PG_PORT" ]] || ! port_is_free "$PG_PORT"; then PG_PORT="$(free_port)"; fi
    info "PostgreSQL local (.local/$PG_NAME, puerto/port $PG_PORT)"
    pg_cluster_start "$PG_DIR" "$PG_PORT" || die "PostgreSQL no arrancó / did not start (log: $PG_DIR/postgres.log)"
  fi
  pg_create_db "$PG_PORT" "$DB_NAME" >/dev/null
  CONN="$(pg_conn_string "$PG_PORT" "$DB_NAME")"
fi

# --- Secreto JWT persistente ------------------------------------------------------------
if [[ ! -s "$JWT_FILE" ]]; then
  (umask 077 && head -c 64 /dev/urandom | base64 -w0 >"$JWT_FILE")
fi
JWT_KEY="$(cat "$JWT_FILE")"

# --- Correo ---------------------------------------------------------------------
cleanup() {
  set +e
  mail_stop
  imap_stop
}
trap cleanup EXIT

if [[ -n "${Smtp__Host:-}" ]]; then
  SMTP_HOST="$Smtp__Host"
  SMTP_PORT="${Smtp__Port:-}"
  MAIL_UI="no disponible: se usa el SMTP externo / not available: external SMTP $SMTP_HOST${SMTP_PORT:+:$SMTP_PORT}"
else
  mapfile -t SPARE < <(free_ports 2)
  SMTP_PORT=1025; port_is_free 1025 || SMTP_PORT="${SPARE[0]}"
  HTTP_PORT=1080; port_is_free 1080 || HTTP_PORT="${SPARE[1]}"
  SMTP_HOST=127.0.0.1
  info "maildev (SMTP $SMTP_PORT, web $HTTP_PORT)"
  mail_start "$COBRANZAS_LOCAL/mail" "$SMTP_PORT" "$HTTP_PORT"
  MAIL_UI="http://127.0.0.1:$HTTP_PORT"
fi

# --- Buzón de respuestas (IMAP): dovecot local si no se configuró uno ------------------------
if [[ -n "${Notificaciones__Imap__Host:-}" ]]; then
  IMAP_UI="$Notificaciones__Imap__Host${Notificaciones__Imap__Port:+:$Notificaciones__Imap__Port}"
elif [[ -x /usr/sbin/dovecot ]] || is_root; then
  IMAP_LOCAL_PORT="$(free_port)"
  info "dovecot (IMAP $IMAP_LOCAL_PORT)"
  rm -rf "$COBRANZAS_LOCAL/imap"
  imap_start "$COBRANZAS_LOCAL/imap" "$IMAP_LOCAL_PORT"
  export Notificaciones__Imap__Host=127.0.0.1 Notificaciones__Imap__Port="$IMAP_PORT" Notificaciones__Imap__Tls=false
  export Notificaciones__Imap__Usuario="$IMAP_USER" Notificaciones__Imap__Password="$IMAP_PASSWORD"
  IMAP_UI="127.0.0.1:$IMAP_PORT ($IMAP_USER / $IMAP_PASSWORD)"
else
  warn "sin dovecot no se leen respuestas por IMAP / no IMAP replies without dovecot (apt-get install dovecot-imapd)"
  IMAP_UI="no disponible / not available"
fi

# --- Entorno de la API ------------------------------------------------------------------
export ASPNETCORE_URLS="http://127.0.0.1:$PORT"
export ConnectionStrings__Cobranzas="$CONN"
export Smtp__Host="$SMTP_HOST"
if [[ -n "$SMTP_PORT" ]]; then export Smtp__Port="$SMTP_PORT"; fi
export Smtp__Remitente="${Smtp__Remitente:-cobranzas@localhost}"
export App__UrlPublica="http://127.0.0.1:$PORT"
export Jwt__Clave="$JWT_KEY"
export Spa__Directorio="$WEB/dist"
export Almacen__Carpeta="${Almacen__Carpeta:-$COBRANZAS_ROOT/.local/archivos}"
export ASPNETCORE_ENVIRONMENT=Production
# appsettings.json sits next to the dll; the process runs from the repo root.
export ASPNETCORE_CONTENTROOT="$(dirname "$API_DLL")"

# --- Migraciones + datos demo (sólo si la base está vacía) ---------------------------------
info "seed-demo: migraciones y datos demo / migrations and demo data (log: .local/logs/seed-demo.log)"
run_logged seed-demo dotnet "$API_DLL" seed-demo --credenciales "$CRED_FILE" || exit 1
[[ -s "$CRED_FILE" ]] || die "seed-demo no escribió / did not write $CRED_FILE (log: .local/logs/seed-demo.log)"

port_is_free "$PORT" || port_taken_error

echo "URL: http://127.0.0.1:$PORT"
cat "$CRED_FILE"
[[ -z "$(tail -c1 "$CRED_FILE")" ]] || echo
echo "Swagger: http://127.0.0.1:$PORT/swagger"
echo "Correo (bandeja de pruebas): $MAIL_UI"
echo "Respuestas (IMAP): $IMAP_UI"

# --- Servir en primer plano (Ctrl-C / SIGTERM detienen la API; luego se detiene maildev) -------
dotnet "$API_DLL" &
API_PID=$!
forward_stop() { kill -TERM "$API_PID" 2>/dev/null || true; }
trap forward_stop INT TERM HUP
API_RC=0
while :; do
  set +e
  wait "$API_PID"
  API_RC=$?
  set -e
  kill -0 "$API_PID" 2>/dev/null || break
done
exit "$API_RC"
