#!/usr/bin/env bash
# Dos réplicas de la API sobre un PostgreSQL detrás de nginx, y sus comprobaciones (PASS/FAIL):
#   a) los trabajos Quartz en clúster corren cada disparo una vez (control de crédito cada 5 s, bandeja de correo);
#   b) la sesión sirve en ambas réplicas (login por nginx, solicitudes en las dos, logout cierra en las dos);
#   c) una réplica muerta con kill -9 a mitad de un lote de documentos no deja nada a medias: el reintento del
#      cliente entra entero una vez, la otra réplica atiende y el mismo lote otra vez no cambia nada.
# Two API replicas on one PostgreSQL behind nginx (.local/replicas/nginx.conf), checks printed as PASS/FAIL.
#   ./build/replicas.sh            última línea "N passed, N failed"; código != 0 si algo falla
#   REPLICAS_LOTE=30000            documentos del lote interrumpido
set -euo pipefail
# shellcheck source=lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
# shellcheck source=lib/mail.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/mail.sh"
# shellcheck source=lib/host.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/host.sh"
cd "$COBRANZAS_ROOT"

LOTE="${REPLICAS_LOTE:-30000}"
DIR="$COBRANZAS_LOCAL/replicas"
CRED="$DIR/credenciales.txt"
DB=cobranzas_replicas
NGINX_PID=""

ensure_base_prereqs
ensure_postgres_bins
command -v nginx >/dev/null 2>&1 || apt_install nginx-light

PG_DIR="$(pg_cluster_path pg-replicas)"
cleanup() {
  set +e
  host_stop_all
  stop_pid "$NGINX_PID" 5
  mail_stop
  pg_cluster_stop "$PG_DIR"
}
trap cleanup EXIT

host_build
rm -rf "$DIR"; mkdir -p "$DIR/tmp"
pg_cluster_wipe "$PG_DIR"
pg_cluster_init "$PG_DIR" test || die "initdb falló / failed"
mapfile -t P < <(free_ports 6)
PG_PORT="${P[0]}" PUERTO_A="${P[1]}" PUERTO_B="${P[2]}" PUERTO_NGINX="${P[3]}"
pg_cluster_start "$PG_DIR" "$PG_PORT" || die "PostgreSQL no arrancó / did not start"
pg_create_db "$PG_PORT" "$DB" >/dev/null
mail_start "$DIR/mail" "${P[4]}" "${P[5]}"
host_env "$(pg_conn_string "$PG_PORT" "$DB")" "$MAIL_SMTP_PORT"
info "seed-demo (log: .local/logs/credenciales-seed.log)"
host_seed "$CRED" "$PG_PORT" "$DB"

# Los trabajos, a intervalos cortos para poder contarlos: control de crédito cada 5 s, bandeja cada 2 s.
REPLICA_ENV=(Quartz__Habilitado=true "Quartz__ControlCredito__Cron=0/5 * * * * ?" Quartz__EnviarCorreos__Segundos=2)
arrancar() { # arrancar a|b
  local puerto=$PUERTO_A; [[ "$1" == b ]] && puerto=$PUERTO_B
  host_start "replica-$1" "$puerto" "${REPLICA_ENV[@]}"
}
: >"$COBRANZAS_LOGS/replica-a.log"; : >"$COBRANZAS_LOGS/replica-b.log"
info "réplicas a (:$PUERTO_A) y b (:$PUERTO_B), nginx (:$PUERTO_NGINX)"
arrancar a
arrancar b

# --- nginx: round robin; reintenta en la otra réplica sólo lo que no llegó a enviarse o es idempotente ---------------
# proxy_next_upstream: un error de conexión (la réplica no estaba) pasa a la otra para cualquier método, porque la
# solicitud no se alcanzó a enviar; nginx nunca reenvía un POST/PATCH ya enviado (falta "non_idempotent"), así que una
# réplica que muere a mitad de un POST responde 502 y reintentar es decisión del cliente (los lotes son idempotentes).
cat >"$DIR/nginx.conf" <<NGINX
# Generado por build/replicas.sh
$(is_root && echo 'user root;')
worker_processes 1;
pid $DIR/nginx.pid;
error_log $DIR/nginx-error.log warn;
events { worker_connections 512; }
http {
  access_log $DIR/nginx-access.log;
  client_body_temp_path $DIR/tmp/body;
  proxy_temp_path $DIR/tmp/proxy;
  fastcgi_temp_path $DIR/tmp/fastcgi;
  uwsgi_temp_path $DIR/tmp/uwsgi;
  scgi_temp_path $DIR/tmp/scgi;
  client_max_body_size 64m;
  upstream cobranzas {
    server 127.0.0.1:$PUERTO_A max_fails=1 fail_timeout=5s;
    server 127.0.0.1:$PUERTO_B max_fails=1 fail_timeout=5s;
  }
  server {
    listen 127.0.0.1:$PUERTO_NGINX;
    location / {
      proxy_pass http://cobranzas;
      proxy_http_version 1.1;
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_read_timeout 600s;
      proxy_next_upstream error timeout http_502 http_503;
      proxy_next_upstream_tries 2;
      add_header X-Replica \$upstream_addr always;
    }
  }
}
NGINX
nginx -t -p "$DIR" -e "$DIR/nginx-error.log" -c "$DIR/nginx.conf" >"$COBRANZAS_LOGS/replicas-nginx-t.log" 2>&1 \
  || { cat "$COBRANZAS_LOGS/replicas-nginx-t.log" >&2; die "nginx.conf inválido"; }
nginx -p "$DIR" -e "$DIR/nginx-error.log" -c "$DIR/nginx.conf" -g 'daemon off;' </dev/null >"$DIR/nginx.out" 2>&1 &
NGINX_PID=$!
wait_for_http "http://127.0.0.1:$PUERTO_NGINX/health/ready" 30 "$NGINX_PID" || die "nginx no responde"
BASE="http://127.0.0.1:$PUERTO_NGINX/api/v1"
CLAVE="$(credencial_api_key "$CRED")"
# sed quits at the first match: a `| head -n1` under pipefail dies of SIGPIPE (141) when sed writes the next line late.
ADMIN="$(sed -n '/^Usuario: admin@/{s/^Usuario: \(admin@[^ ]*\) \/ \([^ ]*\) .*/\1 \2/p;q}' "$CRED")"
read -r ADMIN_EMAIL ADMIN_CLAVE <<<"$ADMIN"

# replica_de ARCHIVO_CABECERAS -> puerto de la réplica que respondió (cabecera X-Replica de nginx)
replica_de() { sed -n 's/^X-Replica: .*:\([0-9]*\)\r*$/\1/Ip' "$1" | tail -n1; }

# --- b) sesiones entre réplicas -----------------------------------------------------------------------------------
echo "== b) sesión por nginx en ambas réplicas"
TOKEN="$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_CLAVE\"}" \
  "$BASE/auth/login" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')"
declare -A VISTAS=()
OK_SESION=1
for i in $(seq 1 10); do
  code="$(curl -sS -o /dev/null -D "$DIR/h" -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$BASE/clientes?tamanoPagina=1")"
  [[ "$code" == 200 ]] || OK_SESION=0
  VISTAS[$(replica_de "$DIR/h")]=1
done
echo "   réplicas que respondieron: ${!VISTAS[*]} (a=$PUERTO_A, b=$PUERTO_B)"
check "b) el token del login por nginx es aceptado en 10 de 10 solicitudes" test "$OK_SESION" = 1
check "b) las solicitudes se repartieron entre ambas réplicas" test "${VISTAS[$PUERTO_A]:-0}${VISTAS[$PUERTO_B]:-0}" = 11
curl -fsS -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" "$BASE/auth/logout"
ca="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PUERTO_A/api/v1/clientes")"
cb="$(curl -sS -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PUERTO_B/api/v1/clientes")"
check "b) tras el logout el token es rechazado en ambas réplicas ($ca, $cb)" test "$ca$cb" = 401401

# --- a) trabajos Quartz: cada disparo una vez --------------------------------------------------------------------
echo "== a) Quartz en clúster"
TOKEN="$(curl -fsS -H 'Content-Type: application/json' -d "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_CLAVE\"}" \
  "$BASE/auth/login" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token')"
# Invitaciones por nginx (cada una vacía la bandeja en su réplica, y el trabajo de cada réplica también la vacía).
INVITADOS=40
INVITACIONES=()
for i in $(seq 1 "$INVITADOS"); do
  curl -fsS -o /dev/null -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    -d "{\"email\":\"invitado$i@replicas.test\",\"nombre\":\"Invitado $i\",\"rol\":\"Consulta\"}" "$BASE/usuarios/invitaciones" &
  INVITACIONES+=($!)
  if (( i % 8 == 0 )); then wait "${INVITACIONES[@]}" || true; INVITACIONES=(); fi
done
# Espera a que el control de crédito haya corrido al menos 5 disparos y la bandeja quede vacía.
disparos() { cat "$COBRANZAS_LOGS/replica-a.log" "$COBRANZAS_LOGS/replica-b.log" | grep -o 'Control de crédito del disparo [^ ]*' | awk '{print $6}'; }
for _ in $(seq 1 90); do
  pendientes="$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM plataforma.correos_salientes WHERE enviado IS NULL")"
  if (( $(disparos | sort -u | wc -l) >= 5 )) && [[ "$pendientes" == 0 ]]; then break; fi
  sleep 1
done
total="$(disparos | wc -l)"; distintos="$(disparos | sort -u | wc -l)"
en_a="$(grep -c 'Control de crédito del disparo' "$COBRANZAS_LOGS/replica-a.log" || true)"
en_b="$(grep -c 'Control de crédito del disparo' "$COBRANZAS_LOGS/replica-b.log" || true)"
instancias="$(psql_valor "$PG_PORT" "$DB" "SELECT string_agg(instance_name, ', ') FROM quartz.qrtz_scheduler_state")"
echo "   control de crédito: $total ejecuciones de $distintos disparos (réplica a: $en_a, b: $en_b); nodos Quartz registrados: $instancias"
check "a) control de crédito: al menos 5 disparos en 90 s" test "$distintos" -ge 5
check "a) control de crédito: ningún disparo corrió en las dos réplicas" test "$total" = "$distintos"
conteo_correos() { # conteo_correos PREFIJO -> "recibidos distintos duplicados"
  curl -fsS "http://127.0.0.1:$MAIL_HTTP_PORT/email" | node -e '
    const prefijo = process.argv[1];
    const correos = JSON.parse(require("fs").readFileSync(0)).filter(c => c.to.some(t => t.address.startsWith(prefijo)));
    const por = new Map();
    for (const c of correos) { const k = c.to[0].address; por.set(k, (por.get(k) || 0) + 1); }
    console.log(correos.length, por.size, [...por.values()].filter(n => n > 1).length);
  ' "$1"
}
read -r recibidos distintos_correo duplicados <<<"$(conteo_correos invitado)"
pendientes="$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM plataforma.correos_salientes WHERE enviado IS NULL")"
echo "   bandeja: $INVITADOS invitaciones, maildev recibió $recibidos ($distintos_correo destinatarios, $duplicados repetidos), pendientes $pendientes"
check "a) bandeja con dos réplicas: cada invitación llegó exactamente una vez" test "$recibidos/$distintos_correo/$duplicados/$pendientes" = "$INVITADOS/$INVITADOS/0/0"

# --- c) kill -9 de una réplica a mitad de un lote -------------------------------------------------------------------
echo "== c) kill -9 a mitad de POST /documentos/lote ($LOTE documentos) por nginx"
RUTS="$(ruts_clientes "$BASE" "$CLAVE")"
DESDE=800000000; HASTA=$((DESDE + LOTE - 1))
lote_documentos "$LOTE" "$DESDE" "$RUTS" >"$DIR/lote.json"
enviar_lote() { # enviar_lote SALIDA -> código HTTP (000 si no hubo respuesta)
  curl -sS -o "$1" -D "$1.h" -w '%{http_code}' --max-time 600 -H "X-Api-Key: $CLAVE" -H 'Content-Type: application/json' \
    --data-binary @"$DIR/lote.json" "$BASE/documentos/lote" 2>/dev/null || true
}
enviar_lote "$DIR/r1.json" >"$DIR/r1.code" &
CURL_PID=$!
VICTIMA=""
for _ in $(seq 1 600); do
  if [[ -n "$(ss -Htn state established "( dport = :$PUERTO_A )" 2>/dev/null)" ]]; then VICTIMA=a; break; fi
  if [[ -n "$(ss -Htn state established "( dport = :$PUERTO_B )" 2>/dev/null)" ]]; then VICTIMA=b; break; fi
  kill -0 "$CURL_PID" 2>/dev/null || break
  sleep 0.1
done
# La réplica ya lee el lote: se espera a que PostgreSQL trabaje en la fusión y se la mata.
for _ in $(seq 1 300); do
  [[ "$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query ILIKE '%lote_documentos%'")" != 0 ]] && break
  kill -0 "$CURL_PID" 2>/dev/null || break
  sleep 0.1
done
sleep 0.5
EN_CURSO=0; kill -0 "$CURL_PID" 2>/dev/null && EN_CURSO=1
MUERTE="$(date -u +%Y-%m-%dT%H:%M:%S)"
[[ -n "$VICTIMA" ]] && host_kill9 "replica-$VICTIMA"
wait "$CURL_PID" || true
codigo1="$(cat "$DIR/r1.code")"
sleep 1
tras_muerte="$(documentos_en_rango "$PG_PORT" "$DB" "$DESDE" "$HASTA")"
echo "   réplica muerta: ${VICTIMA:-ninguna}; la solicitud seguía en curso: $EN_CURSO; respuesta al cliente: $codigo1; documentos del lote en la base: $tras_muerte"
check "c) la réplica murió con la solicitud en curso y el cliente no recibió un 200 ($codigo1)" test "$EN_CURSO/${codigo1}" != "0/200" -a "$EN_CURSO" = 1
check "c) tras el kill -9 no quedó ningún documento del lote a medias ($tras_muerte de $LOTE)" test "$tras_muerte" = 0
lectura="$(curl -sS -o /dev/null -w '%{http_code}' -H "X-Api-Key: $CLAVE" "$BASE/documentos?tamanoPagina=1")"
check "c) la otra réplica sigue atendiendo por nginx ($lectura)" test "$lectura" = 200
codigo2="$(enviar_lote "$DIR/r2.json")"
creados2="$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).creados' "$DIR/r2.json" 2>/dev/null || echo '?')"
tras_reintento="$(documentos_en_rango "$PG_PORT" "$DB" "$DESDE" "$HASTA")"
echo "   reintento del cliente: $codigo2 por :$(replica_de "$DIR/r2.json.h"), creados $creados2; en la base: $tras_reintento"
check "c) el reintento del cliente entra entero una vez ($tras_reintento de $LOTE)" test "$codigo2/$creados2/$tras_reintento" = "200/$LOTE/$LOTE"
# El nodo muerto dejó el trabajo (DisallowConcurrentExecution) en ejecución: la réplica viva lo recupera cuando nota que
# el otro nodo dejó de registrarse (CheckinInterval 15 s más margen), y los disparos siguen allí.
for _ in $(seq 1 120); do
  despues="$(disparos | awk -v t="$MUERTE" '$1 > t' | wc -l)"
  (( despues >= 1 )) && break
  sleep 1
done
check "a) tras el kill -9 el control de crédito siguió en la otra réplica ($despues disparos), cada disparo una vez" \
  test "$despues" -ge 1 -a "$(disparos | wc -l)" = "$(disparos | sort -u | wc -l)"
if [[ -n "$VICTIMA" ]]; then arrancar "$VICTIMA"; fi
codigo3="$(enviar_lote "$DIR/r3.json")"
sin3="$(node -pe 'const r = JSON.parse(require("fs").readFileSync(process.argv[1])); `${r.creados}/${r.sinCambios}`' "$DIR/r3.json" 2>/dev/null || echo '?')"
final="$(documentos_en_rango "$PG_PORT" "$DB" "$DESDE" "$HASTA")"
check "c) el mismo lote otra vez no cambia nada (creados/sinCambios $sin3, en la base $final)" test "$codigo3/$sin3/$final" = "200/0/$LOTE/$LOTE"
declare -A VISTAS=()
for i in $(seq 1 6); do
  curl -sS -o /dev/null -D "$DIR/h" -H "X-Api-Key: $CLAVE" "$BASE/clientes?tamanoPagina=1"
  VISTAS[$(replica_de "$DIR/h")]=1
done
check "c) la réplica reiniciada vuelve a recibir solicitudes" test "${VISTAS[$PUERTO_A]:-0}${VISTAS[$PUERTO_B]:-0}" = 11

checks_summary
