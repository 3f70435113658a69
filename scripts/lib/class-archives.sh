# shellcheck shell=bash
# Class-data sharing (AppCDS) for the stack's JVMs, sourced by scripts/run-local. Start-up CPU is what makes a cold
# start slow on two cores (five JVMs loading and verifying ~20,000 classes each at once); a JVM that maps a class
# archive skips most of that work. Once per build (a jar newer than its archive):
#   - each service's exec jar is extracted (Spring Boot's `-Djarmode=tools extract`: the app jar plus lib/, the
#     layout CDS needs) into <app>/target/fast/;
#   - a training start records the classes it loads in a dynamic archive (-XX:ArchiveClassesAtExit) and stops after
#     the application context refreshed (-Dspring.context.exit=onRefresh). It needs a broker (the services create
#     their topics while the context refreshes): a throwaway one, on a temp dir and spare ports, whose own run is
#     the broker's training.
# A start then maps the archive (-XX:SharedArchiveFile, -Xshare:auto). An archive that does not match (another JDK,
# a changed class path) is ignored by the JVM, and a failed training only costs the speed-up: never fatal.
# ALMACEN_CDS=0 starts without archives (to compare). Measured in docs/performance.md ("Local stack start-up").

archives_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
ARCHIVE_VERSION="0.1.0-SNAPSHOT"

fast_dir() { echo "$archives_root/$1/target/fast"; }
fast_jar() { echo "$(fast_dir "$1")/$1-$ARCHIVE_VERSION-exec.jar"; }
archive_of() { echo "$(fast_dir "$1")/$1.jsa"; }
broker_archive() { echo "$archives_root/infra/kafka-local/target/broker.jsa"; }

# The java options and jar of service $1: the extracted jar and its archive when they are as new as the exec jar,
# else the exec jar (a rebuilt jar restarted by the supervisor before the next run-local records a new archive).
service_jvm_args() {
  local jar="$archives_root/$1/target/$1-$ARCHIVE_VERSION-exec.jar"
  if [ "${ALMACEN_CDS:-1}" != 0 ] && [ -f "$(archive_of "$1")" ] && [ -f "$(fast_jar "$1")" ] && [ ! "$jar" -nt "$(archive_of "$1")" ]; then
    echo "-XX:SharedArchiveFile=$(archive_of "$1") -Xshare:auto -jar $(fast_jar "$1")"
  else
    echo "-jar $jar"
  fi
}

broker_jvm_args() {
  [ "${ALMACEN_CDS:-1}" != 0 ] && [ -f "$(broker_archive)" ] && echo "-XX:SharedArchiveFile=$(broker_archive) -Xshare:auto"
  return 0
}

# ensure_class_archives APP... : (re)build the archives older than their jar. Prints one line per step.
ensure_class_archives() {
  local stale=() app jar
  for app in "$@"; do
    jar="$archives_root/$app/target/$app-$ARCHIVE_VERSION-exec.jar"
    [ -f "$jar" ] || continue
    if [ ! -f "$(archive_of "$app")" ] || [ "$jar" -nt "$(archive_of "$app")" ]; then
      stale+=("$app")
    fi
  done
  local kafka_cp="$archives_root/infra/kafka-local/target/kafka-local-$ARCHIVE_VERSION.jar"
  [ -f "$kafka_cp" ] || return 0
  if [ ${#stale[@]} = 0 ] && [ -f "$(broker_archive)" ] && [ ! "$kafka_cp" -nt "$(broker_archive)" ]; then
    return 0
  fi
  local started=$SECONDS tmp
  tmp="$(mktemp -d)"
  echo "Recording class archives for a fast start (once per build): broker ${stale[*]}"
  for app in "${stale[@]}"; do
    rm -rf "$(fast_dir "$app")"
    java -Djarmode=tools -jar "$archives_root/$app/target/$app-$ARCHIVE_VERSION-exec.jar" \
      extract --destination "$(fast_dir "$app")" >/dev/null
  done
  rm -f "$(broker_archive)"
  kafka_cp="$kafka_cp:$(cat "$archives_root/infra/kafka-local/target/classpath.txt")"
  # without the metrics agent: a JVM does not dump an archive while an agent runs (its classes stay unarchived)
  java -Xms256m -Xmx1g -XX:ArchiveClassesAtExit="$(broker_archive)" \
    -Dlogback.configurationFile="$archives_root/infra/kafka-local/broker-logback.xml" \
    -cp "$kafka_cp" almacen.kafkalocal.KafkaLocalBroker \
    --data-dir "$tmp/kafka" --port 39092 --controller-port 39093 >"$tmp/broker.log" 2>&1 </dev/null &
  local broker=$! deadline=$((SECONDS + 90))
  until (exec 3<>/dev/tcp/127.0.0.1/39092) 2>/dev/null; do
    if [ $SECONDS -ge $deadline ] || ! kill -0 "$broker" 2>/dev/null; then
      echo "  class archives skipped: the training broker did not start (see $tmp/broker.log)" >&2
      kill "$broker" 2>/dev/null || true
      return 0
    fi
    sleep 0.5
  done
  # two trainings at a time: one per core
  local pids=() port=39100
  for app in "${stale[@]}"; do
    port=$((port + 1))
    (
      mkdir -p "$tmp/home-$app"
      if KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:39092 OMP_THREAD_LIMIT=1 \
        java -Xmx512m -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$(archive_of "$app").part" \
          -Dspring.context.exit=onRefresh -Dalmacen.home="$tmp/home-$app" -Dserver.port="$port" \
          -jar "$(fast_jar "$app")" >"$tmp/$app.log" 2>&1 </dev/null \
        && [ -s "$(archive_of "$app").part" ]; then
        mv "$(archive_of "$app").part" "$(archive_of "$app")"
      else
        rm -f "$(archive_of "$app").part"
        cp "$tmp/$app.log" "$(fast_dir "$app")/training.log" 2>/dev/null || true
        echo "  $app: no class archive (training failed, see $(fast_dir "$app")/training.log); it starts without one" >&2
      fi
    ) &
    pids+=($!)
    if [ ${#pids[@]} -ge 2 ]; then
      wait "${pids[0]}" || true
      pids=("${pids[@]:1}")
    fi
  done
  for app in "${pids[@]}"; do wait "$app" || true; done
  kill "$broker" 2>/dev/null || true
  wait "$broker" 2>/dev/null || true
  [ -f "$(broker_archive)" ] || echo "  broker: no class archive; it starts without one" >&2
  echo "  class archives ready in $((SECONDS - started)) s"
  rm -rf "$tmp"
}
