# Sourced by ./lambdasec, scripts/test and .ci/run: exports JAVA_HOME for a JDK >= 21, or fails clearly.
# The machine's default java may be older; JDKs installed as plain directories under /usr/lib/jvm
# (or pointed at by JAVA_HOME) are probed.

lambdasec_jdk_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java.specification.version = //p' | sed 's/^1\.//' | head -n 1
}

lambdasec_pick_jdk() {
  local candidate major
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/* /Library/Java/JavaVirtualMachines/*/Contents/Home \
                   "$(dirname "$(dirname "$(readlink -f "$(command -v javac 2>/dev/null || echo /nonexistent)")")")"; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(lambdasec_jdk_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 21 ] 2>/dev/null; then
      echo "$candidate"
      return 0
    fi
  done
  return 1
}

if ! LAMBDASEC_JDK=$(lambdasec_pick_jdk); then
  echo "lambdasec: no JDK 21 or newer found (looked at \$JAVA_HOME, /usr/lib/jvm/* and javac on PATH)." >&2
  echo "lambdasec: install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it, then run again." >&2
  exit 3
fi
export JAVA_HOME="$LAMBDASEC_JDK"
export PATH="$JAVA_HOME/bin:$PATH"
if [ "$(lambdasec_jdk_major "$JAVA_HOME")" -ge 24 ] 2>/dev/null; then
  # Maven's bundled guava warns about sun.misc.Unsafe on JDK 24+; harmless, and silenced here only.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
fi
