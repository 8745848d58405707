#!/usr/bin/env bash
# Ejecuta TODAS las pruebas en una máquina limpia / runs EVERY test on a clean machine:
#   1. .NET (dotnet build + dotnet test, TRX en .local/test-results/dotnet)
#   2. web-client unitarias (vitest, JSON en .local/test-results/vitest-unit.json)
#   3. web-client de navegador (host real de la API + Chromium, npm run test:e2e)
#   4. réplicas y caídas (build/replicas.sh: dos réplicas tras nginx; build/caidas.sh: kill -9 a mitad de trabajo)
# Levanta un PostgreSQL 15 desechable (.local/pg-test) y maildev en puertos libres; todo se detiene al final.
# Sigue aunque una etapa falle; la ÚLTIMA línea es exactamente "N passed, N failed".
# Logs: .local/logs/test-*.log
set -euo pipefail

# shellcheck source=lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
# shellcheck source=lib/mail.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/mail.sh"
# shellcheck source=lib/imap.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/imap.sh"
# shellcheck source=lib/results.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/results.sh"

cd "$COBRANZAS_ROOT"
T0=$SECONDS
RESULTS="$COBRANZAS_LOCAL/test-results"
WEB="$COBRANZAS_ROOT/web-client"
API_DLL="$COBRANZAS_ROOT/src/Cobranzas.Api/bin/Release/net10.0/Cobranzas.Api.dll"
E2E_CRED="$COBRANZAS_LOCAL/e2e-credenciales.txt"
PG_DIR=""
HOST_PID=""

# Límites por etapa (2 núcleos, todo debe caber en 25 minutos)
: "${COBRANZAS_TEST_TIMEOUT_DOTNET:=22m}"
: "${COBRANZAS_TEST_TIMEOUT_UNIT:=15m}"  # beside dotnet test: under load ~40 vitest passed 6 min (killed mid-run)
: "${COBRANZAS_TEST_TIMEOUT_E2E:=10m}"
: "${COBRANZAS_TEST_TIMEOUT_REPLICAS:=10m}"

rm -rf "$RESULTS" "$COBRANZAS_LOGS"/test-*.log
mkdir -p "$RESULTS" "$COBRANZAS_LOGS"

SUMMARY_PRINTED=0
cleanup() {
  local rc=$?
  set +e
  if [[ -n "$HOST_PID" ]]; then stop_pid "$HOST_PID" 20; fi
  if [[ -n "${WEB_BG_PID:-}" ]]; then kill "$WEB_BG_PID" 2>/dev/null; fi
  mail_stop
  imap_stop
  if [[ -n "$PG_DIR" ]]; then pg_cluster_stop "$PG_DIR"; fi
  # En CI no deja servidores de compilación vivos; en una máquina de desarrollo no se tocan (otras compilaciones).
  if [[ "${CI:-}" == "true" ]]; then dotnet build-server shutdown >/dev/null 2>&1; fi
  if (( SUMMARY_PRINTED == 0 )); then
    # Fallo de infraestructura antes del resumen: la última línea sigue siendo "N passed, N failed".
    printf '\nERROR: test.sh se detuvo antes de terminar (código %d) / stopped before finishing\n' "$rc"
    printf '%d passed, %d failed\n' "${TOTAL_PASSED:-0}" "$(( ${TOTAL_FAILED:-0} + 1 ))"
    (( rc != 0 )) || exit 1
  fi
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Each header says when its stage started (minutes since the start), so a slow run shows where the time went.
stage() { printf '\n==> [%dm%02ds] %s\n' $(((SECONDS - T0) / 60)) $(((SECONDS - T0) % 60)) "$*"; }

# Resultados por etapa: nombre|passed|failed|skipped|nota
SUMMARY=()
TOTAL_PASSED=0
TOTAL_FAILED=0
record() {
  local name="$1" passed="$2" failed="$3" skipped="$4" note="${5:-}"
  SUMMARY+=("$name|$passed|$failed|$skipped|$note")
  TOTAL_PASSED=$((TOTAL_PASSED + passed))
  TOTAL_FAILED=$((TOTAL_FAILED + failed))
}
# record_parsed NOMBRE "p f s found" RC : sin informe -> 1 fallida; código != 0 sin fallidas -> 1 fallida
record_parsed() {
  local name="$1" parsed="$2" rc="$3" p f s found note=""
  read -r p f s found <<<"$parsed"
  if [[ "$found" != "1" ]]; then
    note="sin informe / no report (código/exit $rc)"; f=$((f + 1))
  elif (( rc != 0 && f == 0 )); then
    note="terminó con código / exited with $rc"; f=1
  fi
  record "$name" "$p" "$f" "$s" "$note"
}

# --- 0. Requisitos ------------------------------------------------------------
stage "Requisitos / prerequisites"
ensure_base_prereqs
ensure_postgres_bins
CHROMIUM_BIN="/usr/bin/chromium"
if [[ ! -x "$CHROMIUM_BIN" ]]; then
  if is_root; then
    apt_install chromium fonts-liberation
  else
    CHROMIUM_BIN="$(command -v chromium || command -v chromium-browser || echo /usr/bin/chromium)"
    [[ -x "$CHROMIUM_BIN" ]] || warn "falta Chromium / Chromium missing: sudo apt-get install -y chromium fonts-liberation"
  fi
elif is_root && ! dpkg -s fonts-liberation >/dev/null 2>&1; then
  apt_install fonts-liberation || true
fi
echo "dotnet $(dotnet --version), node $(node --version), $(postgres --version 2>/dev/null || echo 'postgres ?'), $("$CHROMIUM_BIN" --version 2>/dev/null || echo 'chromium ?')"

# --- Servicios: PostgreSQL desechable + maildev -----------------------------------
stage "PostgreSQL 15 (.local/pg-test) + maildev + dovecot (IMAP)"
PG_DIR="$(pg_cluster_path pg-test)"
pg_cluster_wipe "$PG_DIR"
pg_cluster_init "$PG_DIR" test || die "initdb falló / failed"
mapfile -t PORTS < <(free_ports 5)
PG_PORT="${PORTS[0]}"
pg_cluster_start "$PG_DIR" "$PG_PORT" || die "PostgreSQL no arrancó / did not start (log: $PG_DIR/postgres.log)"
rm -rf "$COBRANZAS_LOCAL/mail-test"
mail_start "$COBRANZAS_LOCAL/mail-test" "${PORTS[1]}" "${PORTS[2]}"
E2E_PORT="${PORTS[3]}"
if is_root; then apt_install dovecot-imapd; fi
rm -rf "$COBRANZAS_LOCAL/imap-test"
imap_start "$COBRANZAS_LOCAL/imap-test" "${PORTS[4]}"

export COBRANZAS_TEST_PG
COBRANZAS_TEST_PG="$(pg_conn_string "$PG_PORT" postgres)"
export COBRANZAS_TEST_SMTP_HOST=127.0.0.1
export COBRANZAS_TEST_SMTP_PORT="$MAIL_SMTP_PORT"
export COBRANZAS_TEST_MAILDEV_URL="http://127.0.0.1:$MAIL_HTTP_PORT"
export COBRANZAS_TEST_IMAP_PORT="$IMAP_PORT" COBRANZAS_TEST_IMAP_USER="$IMAP_USER" COBRANZAS_TEST_IMAP_PASSWORD="$IMAP_PASSWORD"
# The money-conservation property draws a new seed on every `dotnet test`; this run uses a fixed one (overridable), so that CI
# is reproducible: the seed that found the batch defect fixed on 01-12-2026 (tests/README.md), whose 200 cases include it.
export COBRANZAS_PROPIEDAD_SEMILLA="${COBRANZAS_PROPIEDAD_SEMILLA:-8668295299061838697}"
echo "COBRANZAS_TEST_PG=$COBRANZAS_TEST_PG"
echo "COBRANZAS_TEST_SMTP_PORT=$COBRANZAS_TEST_SMTP_PORT"
echo "COBRANZAS_TEST_MAILDEV_URL=$COBRANZAS_TEST_MAILDEV_URL"
echo "COBRANZAS_TEST_IMAP_PORT=$COBRANZAS_TEST_IMAP_PORT"

# --- Checks beside the .NET tests -----------------------------------------------------
# `dotnet test` keeps the machine only partly busy (its two test hosts wait on PostgreSQL, and one idles minutes before the
# other ends). Beside it, one after another, run the checks that need neither its hosts nor its databases: npm ci, vitest,
# Prettier, ESLint and the SPA build; dotnet format; and the e2e stage's seed-demo on its own database of the same cluster.
# Their logs and counts are printed and counted afterwards, in the same order as before.
WEB_BG_PID=""
WEB_BG="$COBRANZAS_LOCAL/web-checks"
E2E_JWT="$(head -c 64 /dev/urandom | base64 -w0)"
DEMO_VOLCADO="$COBRANZAS_LOCAL/demo-sembrada.dump"
DEMO_CREDENCIALES="$COBRANZAS_LOCAL/demo-sembrada-credenciales.txt"
rm -f "$DEMO_VOLCADO" "$DEMO_CREDENCIALES"
e2e_env() {
  export ASPNETCORE_URLS="http://127.0.0.1:$E2E_PORT"
  export ConnectionStrings__Cobranzas
  ConnectionStrings__Cobranzas="$(pg_conn_string "$PG_PORT" cobranzas_e2e)"
  export Smtp__Host=127.0.0.1
  export Smtp__Port="$MAIL_SMTP_PORT"
  export Smtp__Remitente=cobranzas@localhost
  export App__UrlPublica="http://127.0.0.1:$E2E_PORT"
  export Jwt__Clave="$E2E_JWT"
  export Spa__Directorio="$WEB/dist"
  export ASPNETCORE_ENVIRONMENT=Production
  export ASPNETCORE_CONTENTROOT="$(dirname "$API_DLL")"
  # The browser suite logs the same demo users in several times a minute from one IP; the limiter has its own tests.
  export LimitesUso__Login__Permitidas=100000 LimitesUso__LoginPorEmail__Permitidas=100000
  # The webhook screen's test subscribes a loopback receiver, which only an allow-listed address may be.
  export Integraciones__Webhooks__Permitidos__0=127.0.0.1
}
# e2e_seed: the browser suite's database with the demo data (its credentials in $E2E_CRED).
e2e_seed() {
  pg_create_db "$PG_PORT" cobranzas_e2e >/dev/null || { echo "no se pudo crear la base e2e" >"$WEB_BG/e2e-seed.nota"; return 1; }
  rm -f "$E2E_CRED"
  ( e2e_env; run_logged test-e2e-seed timeout 5m dotnet "$API_DLL" seed-demo --credenciales "$E2E_CRED" ) \
    || { echo "seed-demo falló / failed: .local/logs/test-e2e-seed.log" >"$WEB_BG/e2e-seed.nota"; return 1; }
  # The same demo data, before the browser suite changes it, for replicas.sh and caidas.sh (host_seed restores it).
  rm -f "$DEMO_VOLCADO" "$DEMO_CREDENCIALES"
  if run_logged test-demo-volcado pg_dump -Fc -h 127.0.0.1 -p "$PG_PORT" -U postgres -d cobranzas_e2e -f "$DEMO_VOLCADO.tmp"; then
    mv "$DEMO_VOLCADO.tmp" "$DEMO_VOLCADO"; cp "$E2E_CRED" "$DEMO_CREDENCIALES"
  fi
  return 0
}
start_web_checks() {
  rm -rf "$WEB_BG"; mkdir -p "$WEB_BG"
  (
    set +e
    if [[ -f "$WEB/package.json" ]]; then
      npm_ci_if_needed "$WEB" npm-ci-web-client; echo $? >"$WEB_BG/npm-ci.rc"
    fi
    if [[ "$(cat "$WEB_BG/npm-ci.rc" 2>/dev/null)" == 0 ]]; then
      ( cd "$WEB" && CI=true timeout --kill-after=30s "$COBRANZAS_TEST_TIMEOUT_UNIT" \
          npm run test:unit -- --reporter=default --reporter=json --outputFile.json="$RESULTS/vitest-unit.json" ) \
        </dev/null >"$COBRANZAS_LOGS/test-web-unit.log" 2>&1
      echo $? >"$WEB_BG/vitest.rc"
      bash -c "cd '$WEB' && npx prettier --check ." >"$COBRANZAS_LOGS/test-lint-prettier.log" 2>&1; echo $? >"$WEB_BG/prettier.rc"
      bash -c "cd '$WEB' && npm run lint" >"$COBRANZAS_LOGS/test-lint-eslint.log" 2>&1; echo $? >"$WEB_BG/eslint.rc"
      bash -c "cd '$WEB' && npm run build" >"$COBRANZAS_LOGS/test-web-build.log" 2>&1; echo $? >"$WEB_BG/build.rc"
    fi
    run_logged test-lint-dotnet-format-whitespace dotnet format whitespace Cobranzas.sln --verify-no-changes
    echo $? >"$WEB_BG/dotnet-format-whitespace.rc"
    run_logged test-lint-dotnet-format-style dotnet format style Cobranzas.sln --verify-no-changes
    echo $? >"$WEB_BG/dotnet-format-style.rc"
    if (( DOTNET_BUILD_OK )) && [[ -f "$API_DLL" && "$(cat "$WEB_BG/npm-ci.rc" 2>/dev/null)" == 0 ]]; then
      e2e_seed; echo $? >"$WEB_BG/e2e-seed.rc"
    fi
  ) </dev/null >"$COBRANZAS_LOGS/test-web-checks.log" 2>&1 &
  WEB_BG_PID=$!
}
web_rc() { cat "$WEB_BG/$1.rc" 2>/dev/null || echo 1; }

# --- 1. .NET --------------------------------------------------------------------
stage ".NET: dotnet build Cobranzas.sln -c Release (log: .local/logs/test-dotnet-build.log)"
DOTNET_BUILD_OK=0
if run_logged test-dotnet-build dotnet build Cobranzas.sln -c Release -nodeReuse:false; then
  DOTNET_BUILD_OK=1
  grep -E '^\s*(Build succeeded|Compilación correcta|[0-9]+ Warning|Time Elapsed)' "$COBRANZAS_LOGS/test-dotnet-build.log" || true
  start_web_checks
  stage ".NET: dotnet test --no-build (TRX: .local/test-results/dotnet)"
  set +e
  # --blame-hang-timeout is per test: the money-conservation property (one test, 200 cases) took 114 s in CI and over 5 min
  # under load ~45, where the guard killed Cartera's host. A real hang still ends there or at the stage's limit.
  timeout --kill-after=30s "$COBRANZAS_TEST_TIMEOUT_DOTNET" \
    dotnet test Cobranzas.sln -c Release --no-build \
      --logger "trx" \
      --results-directory "$RESULTS/dotnet" \
      --blame-hang-timeout 10m --blame-hang-dump-type none \
      </dev/null 2>&1 | tee "$COBRANZAS_LOGS/test-dotnet.log"
  rc=${PIPESTATUS[0]}
  set -e
  record_parsed ".NET (dotnet test)" "$(results_trx "$RESULTS/dotnet")" "$rc"
else
  record ".NET (dotnet test)" 0 1 0 "dotnet build falló / failed: .local/logs/test-dotnet-build.log"
fi

# --- 2. web-client: unitarias (ran beside the .NET tests) ------------------------------
stage "web-client: npm ci + npm run test:unit (vitest) (logs: .local/logs/npm-ci-web-client.log, test-web-unit.log)"
if [[ -z "$WEB_BG_PID" ]]; then start_web_checks; fi
if [[ -n "$WEB_BG_PID" ]]; then wait "$WEB_BG_PID" || true; fi
NPM_OK=0
if [[ ! -f "$WEB/package.json" ]]; then
  warn "no existe / missing web-client/package.json"
elif [[ "$(web_rc npm-ci)" == 0 ]]; then
  NPM_OK=1
fi

if (( NPM_OK )); then
  cat "$COBRANZAS_LOGS/test-web-unit.log"
  parsed="$(results_vitest_json "$RESULTS/vitest-unit.json")"
  [[ "$parsed" == *" 1" ]] || parsed="$(results_console "$COBRANZAS_LOGS/test-web-unit.log")"
  record_parsed "web-client unit (vitest)" "$parsed" "$(web_rc vitest)"
else
  record "web-client unit (vitest)" 0 1 0 "npm ci falló o falta web-client / npm ci failed or web-client missing"
fi

# --- 2b. Formato y lint (mecánicos: CI falla ante una infracción) -----------------------
# Cada verificación cuenta como una prueba: dotnet format (espacios y estilo según .editorconfig),
# Prettier y ESLint (incluye la regla de límites entre features del SPA).
stage "Formato y lint / format and lint (log: .local/logs/test-lint-*.log)"
lint_result() {
  if [[ "$(web_rc "$1")" == 0 ]]; then
    record "lint: $1" 1 0 0
  else
    record "lint: $1" 0 1 0 "ver / see .local/logs/test-lint-$1.log"
  fi
}
# dotnet format ran beside the .NET tests.
for check in dotnet-format-whitespace dotnet-format-style; do
  if [[ "$(web_rc "$check")" != 0 && -s "$COBRANZAS_LOGS/test-lint-$check.log" ]]; then
    printf '\n---- %s ----\n' "$COBRANZAS_LOGS/test-lint-$check.log"; tail -n 30 "$COBRANZAS_LOGS/test-lint-$check.log"
  fi
  lint_result "$check"
done
if (( NPM_OK )); then
  lint_result prettier
  lint_result eslint
else
  record "lint: web-client" 0 1 0 "npm ci falló / failed"
fi

# --- 3. web-client: navegador (API real + Chromium) ----------------------------------
e2e_stage() {
  stage "web-client: npm run build (ran beside the .NET tests; log: .local/logs/test-web-build.log)"
  [[ "$(web_rc build)" == 0 ]] || { tail -40 "$COBRANZAS_LOGS/test-web-build.log"; E2E_NOTE="npm run build falló / failed"; return 1; }
  [[ -f "$WEB/dist/index.html" ]] || warn "web-client/dist/index.html no existe / missing"

  stage "API host para e2e / e2e API host (127.0.0.1:$E2E_PORT, log: .local/logs/test-e2e-host.log)"
  # seed-demo ran beside the .NET tests.
  [[ "$(web_rc e2e-seed)" == 0 ]] || { E2E_NOTE="$(cat "$WEB_BG/e2e-seed.nota" 2>/dev/null || echo "seed-demo no corrió / did not run")"; return 1; }
  [[ -s "$E2E_CRED" ]] || warn "seed-demo no escribió / did not write $E2E_CRED"
  e2e_env

  dotnet "$API_DLL" </dev/null >"$COBRANZAS_LOGS/test-e2e-host.log" 2>&1 &
  HOST_PID=$!
  if ! wait_for_http "http://127.0.0.1:$E2E_PORT/health/ready" 120 "$HOST_PID"; then
    tail -n 40 "$COBRANZAS_LOGS/test-e2e-host.log" >&2 || true
    E2E_NOTE="la API no quedó lista / API not ready (/health/ready): .local/logs/test-e2e-host.log"
    return 1
  fi
  mail_clear

  stage "web-client: npm run test:e2e (E2E_BASE_URL=http://127.0.0.1:$E2E_PORT)"
  mkdir -p "$RESULTS/e2e"
  set +e
  ( cd "$WEB" && \
    E2E_BASE_URL="http://127.0.0.1:$E2E_PORT" \
    E2E_MAILDEV_URL="http://127.0.0.1:$MAIL_HTTP_PORT" \
    E2E_CREDENCIALES="$E2E_CRED" \
    E2E_REPORT_DIR="$RESULTS/e2e" \
    CHROMIUM_PATH="$CHROMIUM_BIN" \
    TZ=America/Santiago \
    CI=true \
    timeout --kill-after=30s "$COBRANZAS_TEST_TIMEOUT_E2E" npm run test:e2e ) \
    </dev/null 2>&1 | tee "$COBRANZAS_LOGS/test-web-e2e.log"
  E2E_RC=${PIPESTATUS[0]}
  set -e
  return 0
}

E2E_NOTE=""
E2E_RC=0
if (( NPM_OK == 0 )); then
  record "web-client e2e" 0 1 0 "npm ci falló o falta web-client / npm ci failed or web-client missing"
elif (( DOTNET_BUILD_OK == 0 )) || [[ ! -f "$API_DLL" ]]; then
  record "web-client e2e" 0 1 0 "sin API compilada / API not built"
elif e2e_stage; then
  record_parsed "web-client e2e" "$(results_console "$COBRANZAS_LOGS/test-web-e2e.log")" "$E2E_RC"
else
  record "web-client e2e" 0 1 0 "$E2E_NOTE"
fi
if [[ -n "$HOST_PID" ]]; then stop_pid "$HOST_PID" 20; HOST_PID=""; fi

# --- 4. Réplicas y caídas (cada script levanta su PostgreSQL, maildev, réplicas y nginx) -------------------------
# Cada comprobación PASS/FAIL cuenta como una prueba; el resumen de cada script es su última línea "N passed, N failed".
if (( DOTNET_BUILD_OK == 0 )) || [[ ! -f "$API_DLL" ]]; then
  record "réplicas y caídas" 0 1 0 "sin API compilada / API not built"
else
  REPLICAS_P=0 REPLICAS_F=0 REPLICAS_NOTE=""
  for script in replicas caidas; do
    stage "build/$script.sh (log: .local/logs/test-$script.log)"
    set +e
    COBRANZAS_SIN_COMPILAR=1 COBRANZAS_DEMO_VOLCADO="$DEMO_VOLCADO" COBRANZAS_DEMO_CREDENCIALES="$DEMO_CREDENCIALES" timeout --kill-after=30s "$COBRANZAS_TEST_TIMEOUT_REPLICAS" "$COBRANZAS_ROOT/build/$script.sh" \
      </dev/null 2>&1 | tee "$COBRANZAS_LOGS/test-$script.log" | sed 's/^[0-9]* passed, [0-9]* failed$/  build\/'"$script"'.sh: &/'
    rc=${PIPESTATUS[0]}
    set -e
    linea="$(sed -n 's/^\([0-9][0-9]*\) passed, \([0-9][0-9]*\) failed$/\1 \2/p' "$COBRANZAS_LOGS/test-$script.log" | tail -n1)"
    if [[ -z "$linea" ]]; then
      REPLICAS_F=$((REPLICAS_F + 1)); REPLICAS_NOTE+="$script.sh sin resumen (código $rc) "
    else
      read -r p f <<<"$linea"
      if (( rc != 0 && f == 0 )); then f=1; REPLICAS_NOTE+="$script.sh terminó con código $rc "; fi
      REPLICAS_P=$((REPLICAS_P + p)); REPLICAS_F=$((REPLICAS_F + f))
    fi
  done
  record "réplicas y caídas" "$REPLICAS_P" "$REPLICAS_F" 0 "$REPLICAS_NOTE"
fi

# --- Línea base: el número de pruebas sólo crece ------------------------------------------
# tests/linea-base.txt guarda, por etapa, cuántas pruebas corrieron la última vez que se subió;
# una etapa que corre menos (un TestCaseSource que quedó vacío, un archivo que dejó de cargarse) falla.
BASELINE_FILE="$COBRANZAS_ROOT/tests/linea-base.txt"
check_baseline() {
  local row name p f s minimum ran
  for row in "${SUMMARY[@]}"; do
    IFS='|' read -r name p f s _ <<<"$row"
    minimum="$(awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$BASELINE_FILE" 2>/dev/null)"
    [[ -n "$minimum" ]] || continue
    ran=$((p + f))
    if (( ran < minimum )); then
      record "línea base: $name" 0 1 0 "corrieron $ran pruebas, la línea base es $minimum (tests/linea-base.txt)"
    elif (( ran > minimum )); then
      printf '  %s: %d pruebas (línea base %d): suba la línea base en tests/linea-base.txt\n' "$name" "$ran" "$minimum"
    fi
  done
}
stage "Línea base de pruebas / test count baseline (tests/linea-base.txt)"
check_baseline

# --- Resumen ------------------------------------------------------------------------
ELAPSED=$((SECONDS - T0))
printf '\n==================== Resumen / Summary ====================\n'
for row in "${SUMMARY[@]}"; do
  IFS='|' read -r name p f s note <<<"$row"
  printf '  %-28s passed=%-5s failed=%-4s skipped=%-4s %s\n' "$name" "$p" "$f" "$s" "$note"
  if [[ "$name" == .NET* ]]; then results_trx_details "$RESULTS/dotnet"; fi
done
printf '  Logs: %s   Resultados/results: %s   Tiempo/time: %dm%02ds\n' \
  "$COBRANZAS_LOGS" "$RESULTS" $((ELAPSED / 60)) $((ELAPSED % 60))
SUMMARY_PRINTED=1
printf '%d passed, %d failed\n' "$TOTAL_PASSED" "$TOTAL_FAILED"
if (( TOTAL_FAILED > 0 )); then exit 1; fi
exit 0
