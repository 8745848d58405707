#!/usr/bin/env bash
# Carga con wrk (no es parte de test.sh): la API real sobre los datos demo, lecturas principales con una API key.
# Load with wrk (not part of test.sh): the real host on the demo data, the main reads with an API key.
#
#   ./build/carga.sh [SEGUNDOS_POR_RUTA]      (15 por omisión: 4 rutas = 60 s de carga)
#   CARGA_CONEXIONES=16 CARGA_HILOS=2          conexiones e hilos de wrk
# Imprime por ruta: solicitudes/s, p50, p99, respuestas no 2xx (y cuántas 429) y errores de socket; una ruta pasa con
# 0 no-2xx y 0 errores. La última línea es "N passed, N failed". PostgreSQL desechable en .local/pg-carga.
set -euo pipefail
# shellcheck source=lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
# shellcheck source=lib/host.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/host.sh"
cd "$COBRANZAS_ROOT"

SEGUNDOS="${1:-15}"
[[ "$SEGUNDOS" =~ ^[0-9]+$ ]] || die "uso / usage: $0 [segundos por ruta]"
CONEXIONES="${CARGA_CONEXIONES:-16}"
HILOS="${CARGA_HILOS:-2}"
CRED="$COBRANZAS_LOCAL/carga-credenciales.txt"

ensure_base_prereqs
ensure_postgres_bins
command -v wrk >/dev/null 2>&1 || apt_install wrk

PG_DIR="$(pg_cluster_path pg-carga)"
cleanup() {
  set +e
  host_stop_all
  pg_cluster_stop "$PG_DIR"
}
trap cleanup EXIT

host_build
pg_cluster_wipe "$PG_DIR"
pg_cluster_init "$PG_DIR" test || die "initdb falló / failed"
mapfile -t PUERTOS < <(free_ports 3)
pg_cluster_start "$PG_DIR" "${PUERTOS[0]}" || die "PostgreSQL no arrancó / did not start"
pg_create_db "${PUERTOS[0]}" cobranzas_carga >/dev/null
# Sin servidor SMTP: la carga no envía correos.
host_env "$(pg_conn_string "${PUERTOS[0]}" cobranzas_carga)" "${PUERTOS[2]}"
info "seed-demo (log: .local/logs/carga-credenciales-seed.log)"
host_seed "$CRED"
PUERTO="${PUERTOS[1]}"
: >"$COBRANZAS_LOGS/carga-api.log"
# Sin Quartz ni log por solicitud: se mide la API, no el registro.
host_start carga-api "$PUERTO" Quartz__Habilitado=false Serilog__MinimumLevel__Default=Warning \
  LimitesUso__Informes__Permitidas=1000000 LimitesUso__Importaciones__Permitidas=1000000

BASE="http://127.0.0.1:$PUERTO/api/v1"
CLAVE="$(credencial_api_key "$CRED")"
[[ -n "$CLAVE" ]] || die "no hay API key en / no API key in $CRED"
CLIENTE="$(curl -fsS -H "X-Api-Key: $CLAVE" "$BASE/clientes?tamanoPagina=1" | node -pe 'JSON.parse(require("fs").readFileSync(0)).items[0].id')"

declare -A RUTAS=(
  [clientes]="$BASE/clientes"
  [documentos]="$BASE/documentos"
  [antiguedad]="$BASE/cartera/antiguedad"
  [estado-cuenta]="$BASE/clientes/$CLIENTE/estado-cuenta"
)
ORDEN=(clientes documentos antiguedad estado-cuenta)
for r in "${ORDEN[@]}"; do
  curl -fsS -o /dev/null -H "X-Api-Key: $CLAVE" "${RUTAS[$r]}" || die "GET ${RUTAS[$r]} no responde 2xx antes de la carga"
done

echo "Carga: wrk -t$HILOS -c$CONEXIONES -d${SEGUNDOS}s por ruta, API key, datos demo; $(nproc) núcleos; uptime antes: $(uptime | sed 's/.*load average/load average/')"
printf '%-14s %10s %10s %10s %8s %6s %8s\n' ruta "sol/s" "p50 ms" "p99 ms" "no-2xx" "429" errores
ruta_ok() { [[ "$1" == "0" && "$2" == "0" ]]; }
for r in "${ORDEN[@]}"; do
  salida="$(wrk -t"$HILOS" -c"$CONEXIONES" -d"${SEGUNDOS}s" --timeout 10s -s build/carga/informe.lua \
    -H "X-Api-Key: $CLAVE" "${RUTAS[$r]}" 2>&1)" || true
  linea="$(grep '^CARGA ' <<<"$salida" || true)"
  if [[ -z "$linea" ]]; then
    printf '%s\n' "$salida" >&2
    check "carga $r (wrk no terminó)" false
    continue
  fi
  declare -A v=()
  for kv in ${linea#CARGA }; do v[${kv%%=*}]="${kv#*=}"; done
  printf '%-14s %10s %10s %10s %8s %6s %8s\n' "$r" "${v[por_segundo]}" "${v[p50_ms]}" "${v[p99_ms]}" "${v[no_2xx]}" "${v[r429]}" "${v[errores]}"
  check "carga $r: 0 respuestas no 2xx y 0 errores" ruta_ok "${v[no_2xx]}" "${v[errores]}"
done
echo "uptime después: $(uptime | sed 's/.*load average/load average/')"
checks_summary
