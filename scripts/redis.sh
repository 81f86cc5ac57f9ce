#!/usr/bin/env bash
# Redis for CacheFn's tests, benchmarks and local runs.
#
#   scripts/redis.sh install        install Debian's redis-server if it is not on the PATH
#   scripts/redis.sh start [PORT]   install if needed, start it on 127.0.0.1:PORT (default 6379) with no
#                                   persistence, wait (at most 10 s) until it answers PING, print its URI
#   scripts/redis.sh stop [PORT]    stop the server on PORT without saving
#
# The cachefn-redis tests do not need a running server: they start their own redis-server on free ports
# (the fault tests stop and restart it), so CI only needs `install`. Pass the URI printed by `start` to a
# benchmark or an application with -Dcachefn.redis.uri=redis://127.0.0.1:PORT.
set -euo pipefail

command=${1:-}
port=${2:-6379}

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
  *)
    echo "usage: $0 install | start [PORT] | stop [PORT]" >&2
    exit 2
    ;;
esac
