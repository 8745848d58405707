#!/usr/bin/env bash
# kill -9 de la API a mitad de trabajo, y lo que queda después de reiniciarla (PASS/FAIL):
#   1. durante un lote de 100 000 documentos (POST /documentos/lote): queda entero o nada, y el reintento entra entero;
#   2. durante el vaciado de la bandeja de correo (500 correos encolados, maildev de build/mail): ningún correo se
#      pierde; SMTP no permite "exactamente una vez" (la API puede morir entre que el servidor acepta un mensaje y la
#      marca de enviado), así que se mide cuántos se repiten: a lo más el que estaba en vuelo, con el mismo Message-ID;
#   3. durante el envío de 2000 recordatorios de Notificaciones (su bandeja y su despachador): lo mismo que en 2.
# kill -9 of the API mid-work and what is left after a restart. Last line "N passed, N failed"; exit != 0 on failure.
#   CAIDAS_LOTE=100000 CAIDAS_CORREOS=500 CAIDAS_RECORDATORIOS=2000
set -euo pipefail
# shellcheck source=lib/postgres.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/postgres.sh"
# shellcheck source=lib/mail.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/mail.sh"
# shellcheck source=lib/host.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib/host.sh"
cd "$COBRANZAS_ROOT"

LOTE="${CAIDAS_LOTE:-100000}"
CORREOS="${CAIDAS_CORREOS:-500}"
RECORDATORIOS="${CAIDAS_RECORDATORIOS:-2000}"
DIR="$COBRANZAS_LOCAL/caidas"
CRED="$DIR/credenciales.txt"
DB=cobranzas_caidas

ensure_base_prereqs
ensure_postgres_bins

PG_DIR="$(pg_cluster_path pg-caidas)"
cleanup() {
  set +e
  host_stop_all
  mail_stop
  pg_cluster_stop "$PG_DIR"
}
trap cleanup EXIT

host_build
rm -rf "$DIR"; mkdir -p "$DIR"
pg_cluster_wipe "$PG_DIR"
pg_cluster_init "$PG_DIR" test || die "initdb falló / failed"
mapfile -t P < <(free_ports 4)
PG_PORT="${P[0]}" PUERTO="${P[1]}"
pg_cluster_start "$PG_DIR" "$PG_PORT" || die "PostgreSQL no arrancó / did not start"
pg_create_db "$PG_PORT" "$DB" >/dev/null
mail_start "$DIR/mail" "${P[2]}" "${P[3]}"
host_env "$(pg_conn_string "$PG_PORT" "$DB")" "$MAIL_SMTP_PORT"
info "seed-demo (log: .local/logs/credenciales-seed.log)"
host_seed "$CRED" "$PG_PORT" "$DB"
: >"$COBRANZAS_LOGS/caidas-api.log"
arrancar() { host_start caidas-api "$PUERTO" Quartz__Habilitado=true Quartz__EnviarCorreos__Segundos=1 Quartz__EnviarNotificaciones__Segundos=1 \
  Notificaciones__Envios__ArriendoSegundos=60; }
arrancar
BASE="http://127.0.0.1:$PUERTO/api/v1"
CLAVE="$(credencial_api_key "$CRED")"

# --- 1. lote de documentos ------------------------------------------------------------------------------------------
echo "== 1. kill -9 durante POST /documentos/lote de $LOTE documentos"
DESDE=700000000; HASTA=$((DESDE + LOTE - 1))
lote_documentos "$LOTE" "$DESDE" "$(ruts_clientes "$BASE" "$CLAVE")" >"$DIR/lote.json"
echo "   lote: $(du -h "$DIR/lote.json" | cut -f1)"
enviar_lote() { # enviar_lote SALIDA -> código HTTP (000 si no hubo respuesta)
  curl -sS -o "$1" -w '%{http_code}' --max-time 900 -H "X-Api-Key: $CLAVE" -H 'Content-Type: application/json' \
    --data-binary @"$DIR/lote.json" "$BASE/documentos/lote" 2>/dev/null || true
}
enviar_lote "$DIR/r1.json" >"$DIR/r1.code" &
CURL_PID=$!
# Se espera a que la fusión trabaje en PostgreSQL (bloques de 10 000 ya copiados) y se mata la API a mitad.
for _ in $(seq 1 600); do
  [[ "$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query ILIKE '%lote_documentos%'")" != 0 ]] && break
  kill -0 "$CURL_PID" 2>/dev/null || break
  sleep 0.1
done
sleep "${CAIDAS_ESPERA_LOTE:-3}"
EN_CURSO=0; kill -0 "$CURL_PID" 2>/dev/null && EN_CURSO=1
host_kill9 caidas-api
wait "$CURL_PID" || true
echo "   la solicitud seguía en curso al matar: $EN_CURSO; respuesta: $(cat "$DIR/r1.code")"
check "1. la API murió con el lote en curso" test "$EN_CURSO" = 1
arrancar
tras="$(documentos_en_rango "$PG_PORT" "$DB" "$DESDE" "$HASTA")"
cuotas="$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM cartera.cuotas c JOIN cartera.documentos d ON d.id = c.documento_id WHERE d.tipo = '33' AND d.folio BETWEEN $DESDE AND $HASTA")"
echo "   tras reiniciar: $tras documentos y $cuotas cuotas del lote"
check "1. tras reiniciar, del lote no quedó nada ($tras documentos, $cuotas cuotas)" test "$tras/$cuotas" = 0/0
t0=$SECONDS
codigo="$(enviar_lote "$DIR/r2.json")"
creados="$(node -pe 'JSON.parse(require("fs").readFileSync(process.argv[1])).creados' "$DIR/r2.json" 2>/dev/null || echo '?')"
tras="$(documentos_en_rango "$PG_PORT" "$DB" "$DESDE" "$HASTA")"
echo "   reintento: $codigo, creados $creados en $((SECONDS - t0)) s; en la base: $tras"
check "1. el reintento entra entero ($tras de $LOTE)" test "$codigo/$creados/$tras" = "200/$LOTE/$LOTE"

# --- 2. bandeja de correo ------------------------------------------------------------------------------------------
echo "== 2. kill -9 durante el vaciado de la bandeja ($CORREOS correos, trabajo cada 1 s)"
mail_clear
recibidos() { curl -fsS "http://127.0.0.1:$MAIL_HTTP_PORT/email" | node -pe 'JSON.parse(require("fs").readFileSync(0)).length'; }
psql_valor "$PG_PORT" "$DB" "
  INSERT INTO plataforma.correos_salientes (id, para, asunto, html, texto, creado, proximo_intento, intentos)
  SELECT gen_random_uuid(), 'caida' || n || '@caidas.test', 'Invitación a Cobranzas ' || n, '<p>Invitación ' || n || '</p>',
         'Invitación ' || n, now(), now(), 0
  FROM generate_series(1, $CORREOS) AS n" >/dev/null
antes=0
for _ in $(seq 1 600); do
  antes="$(recibidos)"
  (( antes >= CORREOS / 5 )) && break
  sleep 0.05
done
host_kill9 caidas-api
al_matar="$(recibidos)"
marcados="$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM plataforma.correos_salientes WHERE enviado IS NOT NULL AND para LIKE '%@caidas.test'")"
echo "   al matar: maildev tenía $al_matar correos; la base marcaba $marcados enviados"
check "2. la API murió con la bandeja a medio vaciar" test "$al_matar" -lt "$CORREOS"
arrancar
for _ in $(seq 1 180); do
  [[ "$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM plataforma.correos_salientes WHERE enviado IS NULL")" == 0 ]] && break
  sleep 1
done
sleep 1
read -r total distintos repetidos mismo_id <<<"$(curl -fsS "http://127.0.0.1:$MAIL_HTTP_PORT/email" | node -e '
  const correos = JSON.parse(require("fs").readFileSync(0)).filter(c => c.to[0].address.endsWith("@caidas.test"));
  const por = new Map();
  for (const c of correos) { const k = c.to[0].address; (por.get(k) || por.set(k, []).get(k)).push(c.messageId); }
  const rep = [...por.values()].filter(ids => ids.length > 1);
  console.log(correos.length, por.size, rep.length, rep.every(ids => new Set(ids).size === 1) ? 1 : 0);
')"
perdidos=$((CORREOS - distintos))
echo "   después: maildev recibió $total correos para $distintos de $CORREOS destinatarios: $perdidos perdidos, $repetidos repetidos (mismo Message-ID: $mismo_id)"
check "2. ningún correo se perdió ($perdidos perdidos)" test "$perdidos" = 0
check "2. a lo más se repitió el correo en vuelo al morir ($repetidos), con el mismo Message-ID" test "$repetidos" -le 1 -a "$mismo_id" = 1

# --- 3. recordatorios de Notificaciones -----------------------------------------------------------------------------
echo "== 3. kill -9 durante el envío de $RECORDATORIOS recordatorios (despachador de Notificaciones, trabajo cada 1 s)"
mail_clear
# Queued as a run queues them: one outbox row per client and day, each to its own address. What the killed drain had claimed and
# not sent waits for its lease (60 s here, 5 min by default) and then goes.
psql_valor "$PG_PORT" "$DB" "
  INSERT INTO notificaciones.envios (id, empresa_id, cliente_id, clave, origen, fecha_negocio, para, contacto_ids, documento_ids, asunto, html, texto,
                                     message_id, estado, intentos, proximo_intento, creado, apertura_probable_automatica, actividad_registrada)
  SELECT gen_random_uuid(), c.empresa_id, c.id, 'caida:' || n, 'manual', current_date, ARRAY['recordatorio' || n || '@caidas-notif.test'], '{}', '{}',
         'Documentos vencidos ' || n, '<p>Recordatorio ' || n || '</p>', 'Recordatorio ' || n, 'caida-' || n || '@notificaciones.cobranzas',
         'pendiente', 0, now(), now(), false, false
  FROM generate_series(1, $RECORDATORIOS) AS n, LATERAL (SELECT empresa_id, id FROM clientes.clientes ORDER BY id OFFSET n % 10 LIMIT 1) c" >/dev/null
recibidos_notif() { curl -fsS "http://127.0.0.1:$MAIL_HTTP_PORT/email" | node -pe 'JSON.parse(require("fs").readFileSync(0)).filter(c => c.to[0].address.endsWith("@caidas-notif.test")).length'; }
# The sender is fast: watch its marks in the database, cheaper to poll than maildev's list.
for _ in $(seq 1 600); do
  (( "$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM notificaciones.envios WHERE estado = 'enviado' AND clave LIKE 'caida:%'")" >= RECORDATORIOS / 5 )) && break
  sleep 0.02
done
host_kill9 caidas-api
al_matar="$(recibidos_notif)"
marcados="$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM notificaciones.envios WHERE estado = 'enviado' AND clave LIKE 'caida:%'")"
echo "   al matar: maildev tenía $al_matar recordatorios; la base marcaba $marcados enviados"
check "3. la API murió con los recordatorios a medio enviar" test "$al_matar" -lt "$RECORDATORIOS"
arrancar
for _ in $(seq 1 180); do
  [[ "$(psql_valor "$PG_PORT" "$DB" "SELECT count(*) FROM notificaciones.envios WHERE estado = 'pendiente' AND clave LIKE 'caida:%'")" == 0 ]] && break
  sleep 1
done
sleep 1
read -r total distintos repetidos mismo_id <<<"$(curl -fsS "http://127.0.0.1:$MAIL_HTTP_PORT/email" | node -e '
  const correos = JSON.parse(require("fs").readFileSync(0)).filter(c => c.to[0].address.endsWith("@caidas-notif.test"));
  const por = new Map();
  for (const c of correos) { const k = c.to[0].address; (por.get(k) || por.set(k, []).get(k)).push(c.messageId); }
  const rep = [...por.values()].filter(ids => ids.length > 1);
  console.log(correos.length, por.size, rep.length, rep.every(ids => new Set(ids).size === 1) ? 1 : 0);
')"
perdidos=$((RECORDATORIOS - distintos))
echo "   después: maildev recibió $total recordatorios para $distintos de $RECORDATORIOS destinatarios: $perdidos perdidos, $repetidos repetidos (mismo Message-ID: $mismo_id)"
check "3. ningún recordatorio se perdió ($perdidos perdidos)" test "$perdidos" = 0
check "3. a lo más se repitió el recordatorio en vuelo al morir ($repetidos), con el mismo Message-ID" test "$repetidos" -le 1 -a "$mismo_id" = 1

checks_summary
