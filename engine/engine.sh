#!/usr/bin/env bash
# Start and stop the hub's OpenSearch node(s) in the background (see engine/README.md).
#   engine/engine.sh start            one node, HTTP 127.0.0.1:9200, data in var/engine
#   engine/engine.sh cluster          two nodes, HTTP 9201 and 9202, one replica per shard
#   engine/engine.sh stop [NAME...]   stop the named nodes (default: every node started here)
#   engine/engine.sh start-node NAME  (re)start one node of the cluster: hub-a or hub-b
# Environment: ENGINE_HEAP (default 512m), ENGINE_VAR (default var).
set -euo pipefail
cd "$(dirname "$0")/.."

HEAP=${ENGINE_HEAP:-512m}
VAR=${ENGINE_VAR:-var}
JAR=engine/target/hub-engine-1.0.jar

build() {
  if [ ! -f "$JAR" ] || [ engine/pom.xml -nt "$JAR" ] \
     || [ -n "$(find engine/src -newer "$JAR" -type f | head -n1)" ]; then
    command -v mvn >/dev/null || { echo "Maven is missing: apt-get install -y maven"; exit 1; }
    echo "building the engine (the first time, Maven downloads OpenSearch's jars, ~45 MB)"
    (cd engine && mvn -q -B package)
  fi
}

running() { [ -f "$1/engine.pid" ] && kill -0 "$(cat "$1/engine.pid")" 2>/dev/null; }

# launch NAME HTTP_PORT TRANSPORT_PORT [setting=value ...]
launch() {
  local name=$1 http=$2 transport=$3; shift 3
  local home="$VAR/$name"
  mkdir -p "$home"
  if running "$home"; then echo "$name already runs (pid $(cat "$home/engine.pid"))"; return; fi
  nohup java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseSerialGC -Dlog4j2.formatMsgNoLookups=true \
    -cp "$JAR:engine/target/lib/*" org.gcmhub.engine.Engine \
    "path.home=$home" "node.name=$name" "http.port=$http" "transport.port=$transport" "$@" \
    >"$home/engine.log" 2>&1 &
  echo $! >"$home/engine.pid"
  echo "$name starting: pid $!, http://127.0.0.1:$http, log $home/engine.log"
}

# wait_health PORT NODES: until the cluster is yellow or green with NODES nodes (180 s)
wait_health() {
  local url="http://127.0.0.1:$1/_cluster/health?wait_for_status=yellow&wait_for_nodes=$2&timeout=5s"
  for _ in $(seq 1 180); do
    if curl -fsS "$url" 2>/dev/null | grep -q '"timed_out":false'; then
      echo "engine ready on http://127.0.0.1:$1 ($2 node(s))"; return
    fi
    sleep 1
  done
  echo "the engine did not become ready on port $1; see the logs under $VAR/"; exit 1
}

stop() {
  local names=("$@")
  if [ ${#names[@]} = 0 ]; then names=(engine hub-a hub-b); fi
  for name in "${names[@]}"; do
    local home="$VAR/$name"
    if running "$home"; then
      local pid; pid=$(cat "$home/engine.pid")
      kill "$pid"
      for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
      kill -0 "$pid" 2>/dev/null && kill -9 "$pid"
      echo "$name stopped"
    fi
    rm -f "$home/engine.pid"
  done
}

CLUSTER=(cluster.name=hub-cluster "discovery.type=" discovery.seed_hosts=127.0.0.1:9301,127.0.0.1:9302
         cluster.initial_cluster_manager_nodes=hub-a,hub-b)

start_node() {
  case $1 in
    hub-a) launch hub-a 9201 9301 "${CLUSTER[@]}" ;;
    hub-b) launch hub-b 9202 9302 "${CLUSTER[@]}" ;;
    *) echo "unknown node $1"; exit 2 ;;
  esac
}

case ${1:-} in
  build) build ;;
  start) build; launch engine 9200 9300; wait_health 9200 1 ;;
  cluster) build; start_node hub-a; start_node hub-b; wait_health 9201 2 ;;
  start-node) build; start_node "$2" ;;
  stop) shift; stop "$@" ;;
  *) sed -n '2,7p' "$0"; exit 2 ;;
esac
