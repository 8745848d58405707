#!/usr/bin/env bash
# Benchmarks (not part of test.sh): builds bench/Cobranzas.Bench in Release, starts a throw-away
# PostgreSQL in .local/pg-bench and prints API-vs-raw-SQL ratios on the same data.
#   ./build/bench.sh [todo|clientes|cartera|cartera-lista|escalamiento|trabajo] [escala]     (default: todo 1)
#   escala 1 = 100 000 clients; Cartera: 1M open documents, 4M paid history, 100k payments.
#   ./build/bench.sh cartera 0.1   -> 10 000 clients, 100 000 open documents, 400 000 history, 10 000 payments
#   ./build/bench.sh cartera-lista 1 -> only Cartera's import, aging, statement and the client list by debt (no history)
#   ./build/bench.sh trabajo 0.02  -> Gestión mi-trabajo: one collector with 2 000 clients, 10 000 documents, 4 000 tasks
#   ./build/bench.sh notificaciones -> recipient selection for 100 000 clients vs raw SQL; 10 000 reminders delivered vs a raw MailKit loop
#   ./build/bench.sh webhooks 0.01 -> 10 000 documents by /documentos/lote fanned out to a webhook, drained to a loopback receiver vs raw signed POSTs
#   ./build/bench.sh pronostico 0.1 -> 13-week forecast (10 000 clients, 100 000 open, 400 000 history) vs one SQL statement; backtest MAE model vs naive
#   ./build/bench.sh tablero 0.1 -> the home dashboard warm (10 000 clients, 100 000 open, 400 000 history) vs raw SQL of the same figures
#   ./build/bench.sh reportes-cartera 0.1 -> concentration and the 24-month morosity series vs raw SQL, the series vs one aging
#   ./build/bench.sh indicadores-cartera 0.1 -> portfolio KPIs of the month (API) vs raw SQL computing the same figures
#   ./build/bench.sh indicadores-gestion 0.1 -> Gestión KPIs: promises made vs kept and productivity of 20 collectors (100 000 activities, 30 000 promises) vs raw SQL
#   ./build/bench.sh pagos-proveedor 0.1 -> 10 000 Flow confirmations end to end (simulator, getStatus, payment applied) vs the same payments by /pagos/lote
# The whole output, the host's JSON log lines included, is kept in .local/bench-<parte>-<escala>.log (the terminal shows it
# without them); the cluster's own log stays in .local/<cluster>/postgres.log after the run (the next run wipes it).
#   COBRANZAS_BENCH_EXPLICAR=200  -> auto_explain logs the plan (with timing and buffers) of every statement over 200 ms (the
#                                    value) into postgres.log, and every statement over that time is logged with its duration
#   COBRANZAS_BENCH_CLUSTER=name  -> cluster folder .local/<name> instead of pg-bench (two scenarios at once)
#   COBRANZAS_BENCH_REUSAR=1      -> tablero only: keep the cluster of an earlier run of the same scale (its data loaded) and
#                                    measure again, cold (month-end cache emptied, a new host) and warm, without the load
#   COBRANZAS_BENCH_MARCAR=1      -> notificaciones only: prints MIDIENDO-ENTREGA/FIN-ENTREGA and MIDIENDO-SOLO/FIN-SOLO around
#                                    its timed windows, to attach a profiler (perf record -p) to exactly them
set -euo pipefail
# shellcheck source=lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
cd "$COBRANZAS_ROOT"

parte="${1:-todo}"
escala="${2:-1}"
case "$parte" in todo|clientes|cartera|cartera-lista|escalamiento|trabajo|notificaciones|webhooks|pagos-proveedor|pronostico|tablero|reportes-cartera|indicadores-cartera|indicadores-gestion) ;; *) echo "uso: $0 [todo|clientes|cartera|cartera-lista|escalamiento|trabajo|notificaciones|webhooks|pagos-proveedor|pronostico|tablero|reportes-cartera|indicadores-cartera|indicadores-gestion] [escala]" >&2; exit 2 ;; esac

ensure_postgres_bins
dir="$(pg_cluster_path "${COBRANZAS_BENCH_CLUSTER:-pg-bench}")"
if [[ -z "${COBRANZAS_BENCH_REUSAR:-}" ]]; then
  pg_cluster_wipe "$dir"
  pg_cluster_init "$dir" test
fi
if [[ -n "${COBRANZAS_BENCH_EXPLICAR:-}" ]]; then
  printf '%s\n' \
    "shared_preload_libraries = 'auto_explain'" "log_min_duration_statement = ${COBRANZAS_BENCH_EXPLICAR}" \
    "auto_explain.log_min_duration = ${COBRANZAS_BENCH_EXPLICAR}" "auto_explain.log_analyze = on" "auto_explain.log_buffers = on" \
    "auto_explain.log_nested_statements = on" "log_min_messages = log" \
    | pg_as_owner tee -a "$dir/data/cobranzas.conf" >/dev/null
fi
port="$(free_port)"
pg_cluster_start "$dir" "$port"
trap 'pg_cluster_stop "$dir"' EXIT
pg_create_db "$port" cobranzas_bench

# The delivery bench compares our sender with a raw MailKit loop in the same process, the raw loop measured after ours on code our run
# already compiled. With tiered compilation the measured delivery still recompiled ~5 500 methods (9.3 s of JIT on two cores) after two
# warm-up runs; without it every method is compiled optimised once, in the warm-up, and both sides run steady-state code (the bench
# prints how many methods were compiled while it measured).
if [[ "$parte" == notificaciones ]]; then export DOTNET_TieredCompilation="${DOTNET_TieredCompilation:-0}"; fi
[[ -n "${COBRANZAS_SIN_COMPILAR:-}" ]] || run_logged bench-build dotnet build bench/Cobranzas.Bench/Cobranzas.Bench.csproj -c Release
Serilog__MinimumLevel__Default=Warning Logging__LogLevel__Default=Warning dotnet bench/Cobranzas.Bench/bin/Release/net10.0/Cobranzas.Bench.dll \
  "$(pg_conn_string "$port" cobranzas_bench)" "$parte" "$escala" | tee "$COBRANZAS_LOCAL/bench-$parte-$escala.log" | grep -v '^{'
