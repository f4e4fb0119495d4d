#!/usr/bin/env bash
# A real Spark standalone cluster on this machine, from the Maven jars (issue 16, docs/scale-out.md):
# starts a master and one worker on 127.0.0.1, submits 'corpusbench spark evaluate' to them with Spark's
# own spark-submit class (org.apache.spark.deploy.SparkSubmit), prints the result, and stops both.
#
#   scripts/spark-standalone.sh --task entities --format conll --pred /abs/path/file.conll [evaluate options]
#
# Needs 'mvn -B -DskipTests package' first (target/corpusbench.jar, target/lib, target/spark-lib). The
# worker gets WORKER_CORES cores (default 2) and WORKER_MEMORY (default 2g); the master listens on
# MASTER_PORT (default 17077). Logs and the worker's directory are kept in a temporary folder, named at the
# end. Exit status: spark-submit's, which is corpusbench's (0, 1 for a refused input, 2, 3).
set -euo pipefail
here="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
jar="$here/target/corpusbench.jar"
for d in "$jar" "$here/target/lib" "$here/target/spark-lib"; do
  [ -e "$d" ] || { echo "spark-standalone: $d is missing; run 'mvn -B -DskipTests package' in $here" >&2; exit 2; }
done
port="${MASTER_PORT:-17077}"
work="$(mktemp -d "${TMPDIR:-/tmp}/corpusbench-standalone.XXXXXX")"

# A SPARK_HOME whose jars/ the worker puts on its executors' class path: Spark's jars and the ones Maven
# resolved for corpusbench at compile scope (Jackson, commons-io, SLF4J's API, which Spark needs too).
# SLF4J's no-op binding is left out, so that the daemons log through Spark's log4j2 profile.
mkdir -p "$work/home/jars" "$work/worker"
for j in "$here"/target/spark-lib/*.jar "$here"/target/lib/*.jar; do
  case "$(basename "$j")" in slf4j-nop-*) ;; *) ln -sf "$j" "$work/home/jars/" ;; esac
done
export SPARK_HOME="$work/home"
# a distribution's scripts set these: the worker's launcher needs the Scala version to find jars/, and
# everything binds to 127.0.0.1
export SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1
# the driver (spark-submit) logs warnings and errors only, on stderr
cat > "$work/driver-log4j2.properties" <<'LOG'
rootLogger.level = warn
rootLogger.appenderRef.stderr.ref = console
appender.console.type = Console
appender.console.name = console
appender.console.target = SYSTEM_ERR
appender.console.layout.type = PatternLayout
appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n%ex
LOG
cp="$SPARK_HOME/jars/*"
opens="-XX:+IgnoreUnrecognizedVMOptions -Dio.netty.tryReflectionSetAccessible=true"
for p in java.lang java.lang.invoke java.lang.reflect java.io java.net java.nio java.util java.util.concurrent \
         java.util.concurrent.atomic jdk.internal.ref sun.nio.ch sun.nio.cs sun.security.action sun.util.calendar; do
  opens="$opens --add-opens=java.base/$p=ALL-UNNAMED"
done

pids=()
stop() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
  echo "spark-standalone: stopped; logs in $work" >&2
}
trap stop EXIT

# waits until FILE holds PATTERN (the daemon's own log line), or fails after 120 s
await() {
  for _ in $(seq 240); do
    grep -q "$2" "$1" 2>/dev/null && return 0
    sleep 0.5
  done
  echo "spark-standalone: timed out waiting for '$2' in $1" >&2
  tail -20 "$1" >&2
  exit 3
}

t0=$(date +%s.%N)
java $opens -cp "$cp" org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port 0 \
  > "$work/master.log" 2>&1 &
pids+=($!)
await "$work/master.log" "I have been elected leader"
java $opens -cp "$cp" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 0 \
  --cores "${WORKER_CORES:-2}" --memory "${WORKER_MEMORY:-2g}" --work-dir "$work/worker" \
  "spark://127.0.0.1:$port" > "$work/worker.log" 2>&1 &
pids+=($!)
await "$work/worker.log" "Successfully registered with master"
t1=$(date +%s.%N)
echo "spark-standalone: master spark://127.0.0.1:$port and a worker up in $(echo "$t1 - $t0" | bc) s" >&2

set +e
java $opens -Dlog4j2.configurationFile="$work/driver-log4j2.properties" -cp "$cp" \
  org.apache.spark.deploy.SparkSubmit --master "spark://127.0.0.1:$port" --conf spark.ui.enabled=false \
  --class org.corpusbench.cli.Main "$jar" spark evaluate "$@"
code=$?
set -e
t2=$(date +%s.%N)
echo "spark-standalone: spark-submit exited $code after $(echo "$t2 - $t1" | bc) s" >&2
grep -h "Launching executor\|Executor app-.* finished\|Registered app" "$work/master.log" "$work/worker.log" >&2 || true
exit $code
