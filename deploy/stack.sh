#!/usr/bin/env bash
# The production stack on one machine, on loopback: Varnish → gunicorn (2 workers, production
# settings) → PostgreSQL, Redis, the task worker. `make stack` / `make stack-stop`.
#
#   deploy/stack.sh start | stop | status | env | web
#
# Ports (override in the environment): STACK_PORT (Varnish, 8300), STACK_APP_PORT (gunicorn,
# 8301), STACK_REDIS_PORT (6380); DATABASE_URL (default postgres://postgres@127.0.0.1:5432/
# hub_stack, created if missing; STACK_DATABASE_URL wins over it); STACK_PRACTICES (grow the demo
# content to that many practices, once: `make loadtest` uses 10,000); STACK_MEDIA_ROOT.
# State, logs, media and e-mails under var/stack/.
# Installs varnish, redis-server, wrk and postgresql from Debian when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
RUN="$ROOT/var/stack"
PY="$ROOT/.venv/bin/python"
STACK_PORT=${STACK_PORT:-8300}
STACK_APP_PORT=${STACK_APP_PORT:-8301}
STACK_REDIS_PORT=${STACK_REDIS_PORT:-6380}
mkdir -p "$RUN"
# The database the stack was started with is kept for its later starts (drills restart parts).
previous=$(sed -n 's/^DATABASE_URL=//p' "$RUN/env" 2>/dev/null || true)
STACK_DATABASE_URL=${STACK_DATABASE_URL:-${DATABASE_URL:-${previous:-postgres://postgres@127.0.0.1:5432/hub_stack}}}
STACK_PRACTICES=${STACK_PRACTICES:-0}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
apt_updated=""
need() {  # need COMMAND PACKAGE
  command -v "$1" >/dev/null 2>&1 || [ -x "/usr/sbin/$1" ] && return 0
  if [ -z "$apt_updated" ]; then as_root apt-get update -qq; apt_updated=1; fi
  echo "installing $2"
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$2" >/dev/null
}

write_env() {
  [ -s "$RUN/secret" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(64))' > "$RUN/secret"
  cat > "$RUN/env" <<EOF
DJANGO_SETTINGS_MODULE=config.settings.production
SECRET_KEY=$(cat "$RUN/secret")
ALLOWED_HOSTS=127.0.0.1,localhost
CSRF_TRUSTED_ORIGINS=http://127.0.0.1:$STACK_PORT
DATABASE_URL=$STACK_DATABASE_URL
REDIS_URL=redis://127.0.0.1:$STACK_REDIS_PORT/0
VARNISH_URL=http://127.0.0.1:$STACK_PORT
STACK_APP_URL=http://127.0.0.1:$STACK_APP_PORT
TASKS_BACKEND=database
EMAIL_URL=file://$RUN/mail
MEDIA_ROOT=${STACK_MEDIA_ROOT:-$RUN/media}
STATIC_ROOT=$RUN/static
HUB_BASE_URL=http://127.0.0.1:$STACK_PORT
SECURE_SSL_REDIRECT=false
SESSION_COOKIE_SECURE=false
CSRF_COOKIE_SECURE=false
SECURE_HSTS_SECONDS=0
LOG_LEVEL=WARNING
EOF
}

load_env() { set -a; . "$RUN/env"; set +a; }

alive() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

wait_http() {  # wait_http URL SECONDS
  for _ in $(seq 1 $(($2 * 5))); do
    code=$(curl -s -o /dev/null -w '%{http_code}' "$1" || true)
    [ "$code" = 200 ] && return 0
    sleep 0.2
  done
  echo "no answer from $1"; return 1
}

ensure_postgresql() {
  local host port
  host=$(echo "$STACK_DATABASE_URL" | sed -E 's#.*@([^:/]+).*#\1#')
  port=$(echo "$STACK_DATABASE_URL" | sed -E 's#.*:([0-9]+)/.*#\1#')
  if ! pg_isready -q -h "$host" -p "$port" 2>/dev/null; then
    "$ROOT/deploy/local-postgresql.sh"
  fi
  "$PY" - "$STACK_DATABASE_URL" <<'EOF'
import sys
import psycopg
from urllib.parse import urlsplit
url = urlsplit(sys.argv[1])
name = url.path.lstrip("/")
admin = url._replace(path="/postgres").geturl()
with psycopg.connect(admin, autocommit=True) as connection:
    if not connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
        connection.execute(f'CREATE DATABASE "{name}"')
        print(f"created database {name}")
EOF
}

start_redis() {
  alive redis && return 0
  if redis-cli -p "$STACK_REDIS_PORT" ping >/dev/null 2>&1; then
    echo "port $STACK_REDIS_PORT already has a Redis that is not the stack's: set STACK_REDIS_PORT"
    return 1
  fi
  redis-server "$ROOT/deploy/redis.conf" --port "$STACK_REDIS_PORT" --daemonize yes \
    --pidfile "$RUN/redis.pid" --dir "$RUN" --logfile "$RUN/redis.log"
  for _ in $(seq 1 50); do redis-cli -p "$STACK_REDIS_PORT" ping >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "Redis did not start: $RUN/redis.log"; return 1
}

start_web() {
  alive gunicorn && return 0
  GUNICORN_BIND="127.0.0.1:$STACK_APP_PORT" "$ROOT/.venv/bin/gunicorn" -c deploy/gunicorn.conf.py \
    config.wsgi:application --daemon --pid "$RUN/gunicorn.pid" --error-logfile "$RUN/gunicorn.log"
  wait_http "http://127.0.0.1:$STACK_APP_PORT/healthz" 30
}

start_worker() {
  # Supervised as systemd does (deploy/systemd/hub-worker.service: Restart=always, requeue_email
  # before each start): a worker that dies (killed, database restarted) is started again.
  # worker.pid is the supervisor, worker-process.pid the current db_worker.
  alive worker && return 0
  setsid nohup bash -c '
    trap "kill -TERM \$child 2>/dev/null; wait \$child; exit 0" TERM
    while :; do
      "$0" manage.py requeue_email
      "$0" manage.py db_worker --no-reload --interval 0.5 & child=$!
      echo $child > "$1/worker-process.pid"
      wait $child
      sleep 1
    done' "$PY" "$RUN" >> "$RUN/worker.log" 2>&1 < /dev/null &
  echo $! > "$RUN/worker.pid"
}

start_varnish() {
  alive varnish && return 0
  sed "s/.port = \"8000\"/.port = \"$STACK_APP_PORT\"/" deploy/varnish.vcl > "$RUN/varnish.vcl"
  chmod 755 "$RUN"; chmod 644 "$RUN/varnish.vcl"
  varnishd -a "127.0.0.1:$STACK_PORT" -f "$RUN/varnish.vcl" -n "$RUN/varnish" \
    -P "$RUN/varnish.pid" -s malloc,128m
  wait_http "http://127.0.0.1:$STACK_PORT/healthz" 30
}

start() {
  need varnishd varnish; need redis-server redis-server; need wrk wrk; need curl curl
  write_env
  ensure_postgresql
  load_env
  start_redis
  "$PY" manage.py compile_translations >/dev/null
  # Varnish is not up yet: nothing to purge while migrating and loading the demo content.
  VARNISH_URL= "$PY" manage.py migrate --noinput >/dev/null
  "$PY" manage.py collectstatic --noinput >/dev/null
  if [ ! -f "$RUN/.demo-loaded" ]; then
    VARNISH_URL= "$PY" manage.py load_demo_content >/dev/null && touch "$RUN/.demo-loaded"
  fi
  if [ "$STACK_PRACTICES" -gt 0 ]; then
    VARNISH_URL= "$PY" manage.py shell -c "
import sys
from django.core.management.base import OutputWrapper
from django.core.cache import cache
from bench.corpus import add_practices
if add_practices($STACK_PRACTICES, OutputWrapper(sys.stdout)):
    cache.clear()
    print('grown')" | tee -a "$RUN/grow.log" | grep '^grown' >/dev/null && stop_one varnish  # cached lists
  fi
  start_worker
  start_web
  start_varnish
  "$PY" manage.py check --deploy --fail-level ERROR >/dev/null 2>&1
  echo "stack up: http://127.0.0.1:$STACK_PORT/ (Varnish) → 127.0.0.1:$STACK_APP_PORT (gunicorn," \
       "$(grep -c . <<<"$(pgrep -P "$(cat "$RUN/gunicorn.pid")")") workers) → PostgreSQL," \
       "Redis :$STACK_REDIS_PORT, task worker"
}

stop_one() {  # stop_one NAME [SIGNAL]
  if alive "$1"; then
    kill "-${2:-TERM}" "$(cat "$RUN/$1.pid")" || true
    for _ in $(seq 1 100); do alive "$1" || break; sleep 0.1; done
  fi
  rm -f "$RUN/$1.pid"
}

stop() {
  stop_one varnish
  stop_one gunicorn
  stop_one worker
  stop_one redis
  echo "stack stopped (PostgreSQL left running: it may serve others)"
}

status() {
  for name in varnish gunicorn worker redis; do
    if alive "$name"; then echo "$name: running ($(cat "$RUN/$name.pid"))"; else echo "$name: stopped"; fi
  done
}

case "${1:-}" in
  start) start ;;
  web) write_env; load_env; stop_one gunicorn; start_web ;;  # gunicorn again, with a new env
  stop) stop ;;
  status) status ;;
  env) write_env; cat "$RUN/env" ;;
  *) echo "usage: $0 start|stop|status|env|web"; exit 2 ;;
esac
