#!/usr/bin/env bash
# Startup benchmark of the packaged app against the plain jar on JDK 17, medians over N runs (default 7).
#
# Wizard start, each variant under a private Xvfb, exiting on the wizard's first frame
# (-Dretl.startup.exitAfterFirstFrame=true). Three figures per run:
#   first-frame  the app's FIRST_FRAME probe: ms from process start (/proc) until the window's first
#                frame is rendered (it shows "Starting…" while the wizard is built)
#   wizard       the READY_FRAME probe: ms until the wizard's own first frame is rendered
#   wall         ms from fork in this script to process exit (includes the JVM's exit)
# Command line: `retl-setup test` against one demo workspace (started once, by the jar), whole process,
# fork to exit, the test passing (exit 0) or the run counts as failed.
#
# Variants (interleaved: jar, noaot, image, [baseline], jar, ... after one unmeasured warm-up each, so a
# busy machine slows them alike; the load average is printed before and after):
#   jar       java -jar target/retl-setup.jar   ($JAVA, default the java on PATH: JDK 17)
#   noaot     the app-image with its AOT cache switched off (-XX:AOTMode=off)
#   image     the app-image as shipped (JDK 25 runtime, AOT cache $APPDIR/app.aot)
#   baseline  BASELINE=<app-image dir>: another image to compare, e.g. one built by the previous
#             packaging (JDK 17 + AppCDS) with `mvn -Ppackage package` in a copy of an older commit
# Then sizes: app-image, AOT cache, .deb, and the .deb's installed size (its Installed-Size field plus
# the cache its postinst writes), and the targets checked on this run's medians.
#
#   mvn -Ppackage package && packaging/startup-benchmark.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
. packaging/xvfb.sh

N="${1:-7}"
IMAGE="${IMAGE:-target/jpackage/retl-setup}"
BASELINE="${BASELINE:-}"
LAUNCHER="$IMAGE/bin/retl-setup"
JAR="target/retl-setup.jar"
JAVA="${JAVA:-java}"
DEB="$(ls target/jpackage/retl-setup_*.deb 2>/dev/null | head -1)"
PROBE="-Dretl.startup.probe=true -Dretl.startup.exitAfterFirstFrame=true"
[ -x "$LAUNCHER" ] || { echo "no launcher at $LAUNCHER (run: mvn -Ppackage package)" >&2; exit 1; }
[ -f "$IMAGE/lib/app/app.aot" ] || echo "warning: $IMAGE/lib/app/app.aot missing, 'image' runs without an AOT cache" >&2
[ -z "$BASELINE" ] || [ -x "$BASELINE/bin/retl-setup" ] || { echo "no launcher at $BASELINE/bin/retl-setup" >&2; exit 1; }
OUT="$(mktemp -d)"
DEMO_PID=""
cleanup() {
    [ -n "$DEMO_PID" ] && kill "$DEMO_PID" 2>/dev/null && wait "$DEMO_PID" 2>/dev/null
    stop_xvfb
    rm -rf "$OUT"
}
trap cleanup EXIT
start_xvfb || exit 1
export NO_AT_BRIDGE=1
VARIANTS="jar noaot image${BASELINE:+ baseline}"

launch() { # variant, java options, args... (stdout to $OUT/run.out, stderr dropped)
    local v="$1" opts="$2"; shift 2
    case "$v" in
        jar)      "$JAVA" $opts -jar "$JAR" "$@" ;;
        noaot)    _JAVA_OPTIONS="-XX:AOTMode=off $opts" "$LAUNCHER" "$@" ;;
        image)    _JAVA_OPTIONS="$opts" "$LAUNCHER" "$@" ;;
        baseline) _JAVA_OPTIONS="$opts" "$BASELINE/bin/retl-setup" "$@" ;;
    esac >"$OUT/run.out" 2>/dev/null
}
gui_run() { # variant -> "first_frame wall wizard"
    local t0 t1 ff rf
    t0=$(date +%s%N); launch "$1" "$PROBE"; t1=$(date +%s%N)
    ff=$(sed -n 's/^FIRST_FRAME \([0-9-]*\).*/\1/p' "$OUT/run.out" | head -1)
    rf=$(sed -n 's/^READY_FRAME \([0-9-]*\).*/\1/p' "$OUT/run.out" | head -1)
    echo "${ff:-NA} $(( (t1 - t0) / 1000000 )) ${rf:-NA}"
}
cli_run() { # variant -> "wall" (NA if the test did not pass)
    local t0 t1 code
    t0=$(date +%s%N)
    DATABRICKS_CLIENT_SECRET="$DEMO_SECRET" launch "$1" "" test --host localhost --port "$DEMO_PORT" \
        --http-path "$DEMO_PATH" --client-id "$DEMO_CLIENT" --catalog main --schemas main.marketing \
        --trust-store "$DEMO_TRUST" --trust-store-password "$DEMO_TRUST_PW"
    code=$?; t1=$(date +%s%N)
    if [ "$code" -eq 0 ]; then echo $(( (t1 - t0) / 1000000 )); else echo NA; fi
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2) }'; }
label() {
    case "$1" in
        jar)      echo "java -jar target/retl-setup.jar ($("$JAVA" -version 2>&1 | head -1 | sed 's/.*version "\([^"]*\)".*/JDK \1/'))" ;;
        noaot)    echo "app-image, AOT cache off" ;;
        image)    echo "app-image as shipped (JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$IMAGE/lib/runtime/release") + AOT cache)" ;;
        baseline) echo "baseline $BASELINE (JDK $(sed -n 's/^JAVA_VERSION="\(.*\)"/\1/p' "$BASELINE/lib/runtime/release"))" ;;
    esac
}
mb() { awk -v b="$1" 'BEGIN{printf "%.1f MB", b / 1e6}'; }

echo "cores $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg), runs per variant: $N, display $DISPLAY"
echo "== wizard start"
for v in $VARIANTS; do gui_run "$v" >/dev/null; done   # warm-up: page cache, ~/.openjfx native cache
for i in $(seq "$N"); do
    for v in $VARIANTS; do
        r=$(gui_run "$v"); echo "$r" >>"$OUT/$v.gui"
        printf '  run %d %-8s first-frame %5s ms  wall %5s ms  wizard %5s ms\n' "$i" "$v" $r
    done
done

echo "== command line: test against the demo workspace"
"$JAVA" -jar "$JAR" demo-workspace >"$OUT/demo.out" 2>/dev/null &
DEMO_PID=$!
for _ in $(seq 300); do grep -q '^READY ' "$OUT/demo.out" && break; sleep 0.1; done
ready=$(grep '^READY ' "$OUT/demo.out" | head -1)
[ -n "$ready" ] || { echo "the demo workspace did not start" >&2; exit 1; }
field() { echo "$ready" | tr ' ' '\n' | sed -n "s/^$1=//p"; }
DEMO_PORT=$(echo "$ready" | sed 's|.*https://localhost:\([0-9]*\).*|\1|')
DEMO_PATH=$(field http-path); DEMO_CLIENT=$(field client-id); DEMO_SECRET=$(field client-secret)
DEMO_TRUST=$(field trust-store); DEMO_TRUST_PW=$(field trust-store-password)
for v in $VARIANTS; do cli_run "$v" >/dev/null; done   # warm-up (and the demo server's own JIT)
for i in $(seq "$N"); do
    for v in $VARIANTS; do
        r=$(cli_run "$v"); echo "$r" >>"$OUT/$v.cli"
        printf '  run %d %-8s test %5s ms\n' "$i" "$v" "$r"
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

echo
printf '%-9s %-58s %12s %9s %9s %9s\n' variant "" "first-frame" wizard "gui wall" "cli test"
for v in $VARIANTS; do
    ff=$(awk '{print $1}' "$OUT/$v.gui" | grep -v NA | median); echo "$ff" >"$OUT/$v.ff"
    rf=$(awk '{print $3}' "$OUT/$v.gui" | grep -v NA | median); echo "$rf" >"$OUT/$v.rf"
    wall=$(awk '{print $2}' "$OUT/$v.gui" | median)
    cli=$(grep -v NA "$OUT/$v.cli" | median); echo "$cli" >"$OUT/$v.cl"
    failed=$(grep -c NA "$OUT/$v.cli")
    printf '%-9s %-58s %9s ms %6s ms %6s ms %6s ms%s\n' "$v" "$(label "$v")" "$ff" "$rf" "$wall" "$cli" \
        "$([ "$failed" -gt 0 ] && echo "  ($failed test runs failed)")"
done

echo
echo "== sizes"
echo "app-image $IMAGE: $(du -sb "$IMAGE" | cut -f1 | xargs -I{} awk 'BEGIN{printf "%.1f MB", {}/1e6}') (runtime $(mb "$(du -sb "$IMAGE/lib/runtime" | cut -f1)"), AOT cache $(mb "$(stat -c %s "$IMAGE/lib/app/app.aot" 2>/dev/null || echo 0)"))"
if [ -n "$DEB" ]; then
    deb_bytes=$(stat -c %s "$DEB")
    installed_kb=$(dpkg-deb -f "$DEB" Installed-Size)
    cache_bytes=$(stat -c %s "$IMAGE/lib/app/app.aot" 2>/dev/null || echo 0)
    echo "$DEB: $(mb "$deb_bytes"); installed $(mb $((installed_kb * 1024))) (Installed-Size) + $(mb "$cache_bytes") AOT cache written by postinst = $(mb $((installed_kb * 1024 + cache_bytes)))"
fi

echo
echo "== targets (this run's medians)"
check() { awk -v a="$2" -v b="$3" -v what="$1" 'BEGIN{ if (a == "NA" || b == "NA") { printf "  %-52s n/a\n", what; exit } printf "  %-52s %s\n", what, (a + 0 <= b + 0) ? "met" : "NOT met" }'; }
ff_img=$(cat "$OUT/image.ff"); ff_jar=$(cat "$OUT/jar.ff"); rf_img=$(cat "$OUT/image.rf")
ratio=$(awk -v a="$ff_img" -v b="$ff_jar" 'BEGIN{ if (a == "NA" || b == "NA" || b == 0) print "NA"; else printf "%.2f", a / b }')
check "first frame ${ff_img} ms <= 500 ms" "$ff_img" 500
check "first frame / jar's = ${ratio} <= 0.45" "$ratio" 0.45
check "wizard on screen ${rf_img} ms <= 1000 ms" "$rf_img" 1000
if [ -n "$BASELINE" ]; then
    cl_img=$(cat "$OUT/image.cl"); cl_base=$(cat "$OUT/baseline.cl")
    half=$(awk -v b="$cl_base" 'BEGIN{ if (b == "NA") print "NA"; else print b / 2 }')
    check "cli test ${cl_img} ms <= 50% of baseline's ${cl_base} ms" "$cl_img" "$half"
fi
[ -n "$DEB" ] && check ".deb $(mb "$deb_bytes") <= 60 MB" "$deb_bytes" 60000000
exit 0
