# shellcheck shell=bash
# Sourced by the scripts that run the single-file tools of scripts/lib. Sets TOOLS_CP: the tools, compiled once
# here into target/scripts-lib (a source-launched tool compiles itself at every start, ~2 s each on this machine),
# then infra/replay's jar and runtime dependencies as the Maven build wrote them (package phase): picocli for the
# arguments, Jackson for JSON, Commons CSV, the Kafka client and the event schemas. Run one as
#   java -cp "$TOOLS_CP" ExactlyOnce ARG...
# DashboardFlow needs the browser's classpath instead (scripts/system-check).
tools_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ ! -f "$tools_root/infra/replay/target/classpath.txt" ] \
  || [ ! -f "$tools_root/infra/replay/target/replay-0.1.0-SNAPSHOT.jar" ]; then
  echo "scripts/lib tools need the build first: ./mvnw -B package -pl infra/replay -am -DskipTests" >&2
  return 1
fi
TOOLS_CP="$tools_root/infra/replay/target/replay-0.1.0-SNAPSHOT.jar:$(cat "$tools_root/infra/replay/target/classpath.txt")"
rm -rf "$tools_root/target/scripts-lib"
mkdir -p "$tools_root/target/scripts-lib"
find "$tools_root/scripts/lib" -maxdepth 1 -name '*.java' ! -name DashboardFlow.java -print0 \
  | xargs -0 javac -d "$tools_root/target/scripts-lib" -cp "$TOOLS_CP"
TOOLS_CP="$tools_root/target/scripts-lib:$TOOLS_CP"
unset tools_root
