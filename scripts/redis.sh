#!/usr/bin/env bash
# Redis for CacheFn's tests, benchmarks and local runs.
#
#   scripts/redis.sh install        install Debian's redis-server if it is not on the PATH
#   scripts/redis.sh start [PORT]   install if needed, start it on 127.0.0.1:PORT (default 6379) with no
#                                   persistence, wait (at most 10 s) until it answers PING, print its URI
#   scripts/redis.sh stop [PORT]    stop the server on PORT without saving
#   scripts/redis.sh cluster start [--replicas]
#                                   start a Redis Cluster of three masters (and, with --replicas, one replica
#                                   each) on free local ports, wait until every slot is served, print its URI
#                                   (redis-cluster://127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3)
#   scripts/redis.sh cluster stop   stop the nodes the last `cluster start` started, and delete their files
#
# The cachefn-redis tests do not need a running server: they start their own redis-server on free ports
# (the fault tests stop and restart it), so CI only needs `install`. Pass the URI printed by `start` to a
# benchmark or an application with -Dcachefn.redis.uri=redis://127.0.0.1:PORT.
set -euo pipefail

command=${1:-}
port=${2:-6379}
cluster_dir=/tmp/cachefn-redis-cluster

# a port that nothing listens on, nor on its cluster bus port (port + 10000), from a random start in 20000-49999
free_port() {
  local candidate=$((20000 + RANDOM % 30000))
  while (echo >"/dev/tcp/127.0.0.1/$candidate") 2>/dev/null || (echo >"/dev/tcp/127.0.0.1/$((candidate + 10000))") 2>/dev/null \
    || grep -qx "$candidate" "$cluster_dir/ports" 2>/dev/null; do
    candidate=$((candidate + 1))
  done
  echo "$candidate"
}

cluster_start() {
  install
  if [ -s "$cluster_dir/ports" ]; then
    echo "a cluster started by this script is running (ports $(tr '\n' ' ' <"$cluster_dir/ports")); stop it first" >&2
    exit 1
  fi
  local nodes=3 replicas=0
  if [ "${1:-}" = "--replicas" ]; then
    nodes=6 replicas=1
  fi
  mkdir -p "$cluster_dir"
  : >"$cluster_dir/ports"
  local addresses=()
  for _ in $(seq 1 "$nodes"); do
    local p
    p=$(free_port)
    echo "$p" >>"$cluster_dir/ports"
    redis-server --port "$p" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --cluster-enabled yes --cluster-config-file "nodes-$p.conf" --cluster-node-timeout 2000 --dir "$cluster_dir" \
      --pidfile "$cluster_dir/$p.pid" --logfile "$cluster_dir/$p.log"
    addresses+=("127.0.0.1:$p")
  done
  for address in "${addresses[@]}"; do
    for _ in $(seq 1 200); do
      [ "$(redis-cli -p "${address#*:}" ping 2>/dev/null)" = "PONG" ] && break
      sleep 0.05
    done
  done
  redis-cli --cluster create "${addresses[@]}" --cluster-replicas "$replicas" --cluster-yes >"$cluster_dir/create.log" 2>&1 \
    || { echo "redis-cli --cluster create failed; see $cluster_dir/create.log" >&2; exit 1; }
  for address in "${addresses[@]}"; do
    for i in $(seq 1 200); do
      redis-cli -p "${address#*:}" cluster info 2>/dev/null | grep -q 'cluster_state:ok' && break
      if [ "$i" = 200 ]; then
        echo "node $address did not see every slot served within 10 s; see $cluster_dir/*.log" >&2
        exit 1
      fi
      sleep 0.05
    done
  done
  local seeds
  seeds=$(printf '%s,' "${addresses[@]:0:3}")
  echo "redis-cluster://${seeds%,}"
}

cluster_stop() {
  if [ -f "$cluster_dir/ports" ]; then
    while read -r p; do
      redis-cli -p "$p" shutdown nosave >/dev/null 2>&1 || true
    done <"$cluster_dir/ports"
  fi
  rm -rf "$cluster_dir"
}

install() {
  if ! command -v redis-server >/dev/null 2>&1; then
    echo "redis-server not found: installing Debian's redis-server" >&2
    apt-get update -qq && apt-get install -y -qq redis-server >/dev/null
  fi
}

case "$command" in
  install)
    install
    ;;
  start)
    install
    redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --daemonize yes \
      --pidfile "/tmp/cachefn-redis-$port.pid" --logfile "/tmp/cachefn-redis-$port.log"
    for _ in $(seq 1 200); do
      if [ "$(redis-cli -p "$port" ping 2>/dev/null)" = "PONG" ]; then
        echo "redis://127.0.0.1:$port"
        exit 0
      fi
      sleep 0.05
    done
    echo "redis-server on port $port did not answer PING within 10 s; see /tmp/cachefn-redis-$port.log" >&2
    exit 1
    ;;
  stop)
    redis-cli -p "$port" shutdown nosave >/dev/null 2>&1 || true
    ;;
  cluster)
    case "${2:-}" in
      start) cluster_start "${3:-}" ;;
      stop) cluster_stop ;;
      *) echo "usage: $0 cluster start [--replicas] | cluster stop" >&2; exit 2 ;;
    esac
    ;;
  *)
    echo "usage: $0 install | start [PORT] | stop [PORT] | cluster start [--replicas] | cluster stop" >&2
    exit 2
    ;;
esac
