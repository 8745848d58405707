# shellcheck shell=bash
# El host de la API ya compilado, arrancado como proceso propio, para carga.sh, replicas.sh y caidas.sh (se carga con `source`).
# The built API host started as a plain process, for carga.sh, replicas.sh and caidas.sh (sourced).
#
#   host_build                                   # dotnet build src/Cobranzas.Api -c Release (salvo COBRANZAS_SIN_COMPILAR=1)
#   host_env CONEXION SMTP_PORT                  # variables comunes (clave JWT compartida por las réplicas)
#   host_seed CREDENCIALES [PUERTO BASE]         # migraciones + datos demo (o el volcado COBRANZAS_DEMO_VOLCADO, ver abajo)
#   host_start NOMBRE PUERTO [VAR=valor...]      # arranca en 127.0.0.1:PUERTO, log .local/logs/NOMBRE.log; HOST_PIDS[NOMBRE]
#   host_kill9 NOMBRE / host_stop NOMBRE
#   check "descripción" COMANDO...               # PASS/FAIL contado; checks_summary imprime "N passed, N failed"

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

API_PROJ="$COBRANZAS_ROOT/src/Cobranzas.Api/Cobranzas.Api.csproj"
API_DLL="$COBRANZAS_ROOT/src/Cobranzas.Api/bin/Release/net10.0/Cobranzas.Api.dll"
declare -gA HOST_PIDS=()

host_build() {
  if [[ "${COBRANZAS_SIN_COMPILAR:-}" == "1" && -f "$API_DLL" ]]; then return 0; fi
  info "dotnet build src/Cobranzas.Api -c Release (log: .local/logs/host-build.log)"
  run_logged host-build dotnet build "$API_PROJ" -c Release -nodeReuse:false || die "dotnet build falló / failed"
}

host_env() {
  export ConnectionStrings__Cobranzas="$1"
  export Smtp__Host=127.0.0.1
  export Smtp__Port="$2"
  export Smtp__Remitente=cobranzas@localhost
  export Jwt__Clave="${HOST_JWT:=$(head -c 64 /dev/urandom | base64 -w0)}"
  export ASPNETCORE_ENVIRONMENT=Production
  ASPNETCORE_CONTENTROOT="$(dirname "$API_DLL")"
  export ASPNETCORE_CONTENTROOT
  export Spa__Directorio="$COBRANZAS_LOCAL/sin-spa"
  mkdir -p "$Spa__Directorio"
}

# With COBRANZAS_DEMO_VOLCADO (a pg_dump -Fc of a database seed-demo just filled) and COBRANZAS_DEMO_CREDENCIALES (its
# credentials file), and the cluster's PUERTO and BASE, the dump is restored instead of seeding again (test.sh seeds once
# for the browser suite and gives the same data to replicas.sh and caidas.sh: seed-demo takes over a minute under load).
host_seed() {
  local cred="$1" port="${2:-}" db="${3:-}"
  rm -f "$cred"
  if [[ -n "$port" && -s "${COBRANZAS_DEMO_VOLCADO:-}" && -s "${COBRANZAS_DEMO_CREDENCIALES:-}" ]]; then
    run_logged "$(basename "$cred" .txt)-seed" pg_restore --no-owner --exit-on-error -h 127.0.0.1 -p "$port" -U postgres -d "$db" \
      "$COBRANZAS_DEMO_VOLCADO" || die "pg_restore de $COBRANZAS_DEMO_VOLCADO falló / failed"
    cp "$COBRANZAS_DEMO_CREDENCIALES" "$cred"
    info "   restaurado de / restored from $COBRANZAS_DEMO_VOLCADO en vez de sembrar / instead of seeding"
    return 0
  fi
  run_logged "$(basename "$cred" .txt)-seed" env Quartz__Habilitado=false timeout 10m dotnet "$API_DLL" seed-demo --credenciales "$cred" \
    || die "seed-demo falló / failed"
}

# host_start NOMBRE PUERTO [VAR=valor...]
host_start() {
  local name="$1" port="$2"; shift 2
  env ASPNETCORE_URLS="http://127.0.0.1:$port" App__UrlPublica="http://127.0.0.1:$port" "$@" \
    dotnet "$API_DLL" </dev/null >>"$COBRANZAS_LOGS/$name.log" 2>&1 &
  HOST_PIDS[$name]=$!
  if ! wait_for_http "http://127.0.0.1:$port/health/ready" 180 "${HOST_PIDS[$name]}"; then
    tail -n 30 "$COBRANZAS_LOGS/$name.log" >&2 || true
    die "la API $name no quedó lista / API $name not ready (log: .local/logs/$name.log)"
  fi
}

host_kill9() {
  local pid="${HOST_PIDS[$1]:-}"
  [[ -n "$pid" ]] || return 0
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  HOST_PIDS[$1]=""
}

host_stop() {
  stop_pid "${HOST_PIDS[$1]:-}" 20
  HOST_PIDS[$1]=""
}

host_stop_all() {
  local n
  for n in "${!HOST_PIDS[@]}"; do host_stop "$n"; done
}

# credencial_api_key ARCHIVO -> la primera API key del archivo de credenciales demo
credencial_api_key() { sed -n '/^API key: /{s/^API key: \([^ ]*\) .*/\1/p;q}' "$1"; }

CHECKS_PASSED=0
CHECKS_FAILED=0
# check "descripción" COMANDO... -> PASS si el comando termina con 0
check() {
  local what="$1"; shift
  if "$@"; then
    CHECKS_PASSED=$((CHECKS_PASSED + 1)); printf 'PASS  %s\n' "$what"
  else
    CHECKS_FAILED=$((CHECKS_FAILED + 1)); printf 'FAIL  %s\n' "$what"
  fi
}

checks_summary() {
  printf '%d passed, %d failed\n' "$CHECKS_PASSED" "$CHECKS_FAILED"
  (( CHECKS_FAILED == 0 ))
}

# psql_valor PUERTO BASE SQL -> un valor
psql_valor() { pg_psql "$1" -d "$2" -tAc "$3"; }

# lote_documentos N FOLIO_INICIAL RUTS_JSON > archivo : N facturas (tipo 33) de los clientes dados, formato de /documentos/lote
lote_documentos() {
  node -e '
    const [n, desde, ruts] = [Number(process.argv[1]), Number(process.argv[2]), JSON.parse(process.argv[3])];
    const out = [];
    for (let i = 0; i < n; i++) {
      const neto = 1000 + (i % 9000);
      const iva = Math.round(neto * 0.19);
      out.push(JSON.stringify({ tipo: "33", folio: desde + i, rut: ruts[i % ruts.length], fechaEmision: "2026-10-01",
        fechaVencimiento: "2026-11-30", moneda: "CLP", neto, exento: 0, iva, total: neto + iva }));
    }
    process.stdout.write("[" + out.join(",\n") + "]");
  ' "$1" "$2" "$3"
}

# ruts_clientes BASE_URL CLAVE -> JSON con los RUT de hasta 200 clientes
ruts_clientes() {
  curl -fsS -H "X-Api-Key: $2" "$1/clientes?tamanoPagina=200" | node -pe 'JSON.stringify(JSON.parse(require("fs").readFileSync(0)).items.map(c => c.rut))'
}

# documentos_en_rango PUERTO_PG BASE DESDE HASTA -> cuántos documentos tienen folio en [DESDE, HASTA]
documentos_en_rango() {
  psql_valor "$1" "$2" "SELECT count(*) FROM cartera.documentos WHERE tipo = '33' AND folio BETWEEN $3 AND $4"
}
