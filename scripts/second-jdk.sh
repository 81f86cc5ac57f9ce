#!/usr/bin/env bash
# Prints the home of a JDK 21 or later, other than the default java, for the build's second test run and
# Payara Micro (cachefn-it). Looks under /usr/lib/jvm, then tries Debian's openjdk-21 package; prints nothing
# (and says why on stderr) when no such JDK can be had.
set -uo pipefail

feature() { # the feature version in a JDK home's release file, or 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null | head -n 1 | grep . || echo 0
}

find_jdk() {
  local home best="" best_version=0
  for home in /usr/lib/jvm/*/; do
    home=${home%/}
    [ -x "$home/bin/java" ] || continue
    local version; version=$(feature "$home")
    if [ "$version" -ge 21 ] && [ "$version" -gt "$best_version" ]; then
      best=$home; best_version=$version
    fi
  done
  [ -n "$best" ] && echo "$best"
}

jdk=$(find_jdk)
if [ -z "$jdk" ] && command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  echo "no JDK 21+ under /usr/lib/jvm; installing openjdk-21-jdk-headless" >&2
  (apt-get update -qq && apt-get install -y -qq openjdk-21-jdk-headless) >&2 || true
  jdk=$(find_jdk)
fi
if [ -z "$jdk" ]; then
  echo "no JDK 21+ can be had here: Payara Micro (cachefn-it) and the second-JDK test run are skipped" >&2
  exit 0
fi
echo "$jdk"
