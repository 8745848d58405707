# shellcheck shell=bash
# Bandeja SMTP de pruebas (maildev, instalado con `npm ci` desde build/mail/) — se carga con `source`.
# SMTP catcher (maildev from npm, installed with `npm ci` from build/mail/) — sourced.
#
#   mail_start .local/mail-test SMTP_PORT HTTP_PORT   # escucha sólo en 127.0.0.1; espera a ambos puertos
#   echo "$MAIL_SMTP_PORT $MAIL_HTTP_PORT $MAIL_PID"
#   curl http://127.0.0.1:$MAIL_HTTP_PORT/email       # REST: lista de correos (subject, to, html, text…)
#   mail_stop
#
# La API REST de maildev 2.x: GET /email, GET /email/:id, DELETE /email/all, GET /healthz.

# shellcheck source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

MAIL_TOOL_DIR="$COBRANZAS_ROOT/build/mail"
MAIL_PID=""
MAIL_SMTP_PORT=""
MAIL_HTTP_PORT=""

mail_install() {
  npm_ci_if_needed "$MAIL_TOOL_DIR" npm-ci-maildev \
    || die "no se pudo instalar maildev / could not install maildev (npm ci en build/mail)"
}

# mail_start DIR SMTP_PORT HTTP_PORT
mail_start() {
  local dir="$1" smtp="$2" http="$3"
  mail_install
  mkdir -p "$dir/mails"
  local bin="$MAIL_TOOL_DIR/node_modules/maildev/bin/maildev"
  [[ -f "$bin" ]] || die "falta / missing $bin"
  # setsid: grupo de procesos propio, para que un Ctrl-C no lo mate antes que la API.
  setsid node "$bin" --smtp "$smtp" --web "$http" --ip 127.0.0.1 --web-ip 127.0.0.1 \
    --mail-directory "$dir/mails" --silent </dev/null >"$dir/maildev.log" 2>&1 &
  MAIL_PID=$!
  printf '%s\n' "$MAIL_PID" >"$dir/maildev.pid"
  MAIL_SMTP_PORT="$smtp"
  MAIL_HTTP_PORT="$http"
  if ! wait_for_port "$smtp" 30 || ! wait_for_http "http://127.0.0.1:$http/email" 30 "$MAIL_PID"; then
    tail -n 20 "$dir/maildev.log" >&2 || true
    mail_stop
    die "maildev no arrancó / did not start (SMTP $smtp, HTTP $http); log: $dir/maildev.log"
  fi
}

mail_stop() {
  if [[ -n "$MAIL_PID" ]]; then
    stop_pid "$MAIL_PID" 5
    MAIL_PID=""
  fi
}

# mail_clear -> borra todos los correos de la bandeja
mail_clear() {
  [[ -n "$MAIL_HTTP_PORT" ]] || return 0
  curl -fsS -X DELETE "http://127.0.0.1:$MAIL_HTTP_PORT/email/all" >/dev/null 2>&1 || true
}
