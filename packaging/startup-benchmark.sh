#!/usr/bin/env bash
# Startup benchmark: median launch-to-first-frame over N runs (default 7) for
#   jar      java -jar target/retl-setup.jar          (the JDK on PATH; its default CDS for JDK classes)
#   image    the jpackage app-image without AppCDS   (_JAVA_OPTIONS=-Xshare:off)
#   appcds   the jpackage app-image as shipped        (-XX:SharedArchiveFile=$APPDIR/app.jsa)
# Each run opens the real wizard under a private Xvfb and exits on its first frame
# (-Dretl.startup.exitAfterFirstFrame=true). Two figures per run:
#   first-frame  the app's FIRST_FRAME probe: ms from process start (/proc) until the window's first
#                frame is rendered (it shows "Starting…" while the wizard is built)
#   wizard       the READY_FRAME probe: ms until the wizard's own first frame is rendered
#   wall         ms from fork in this script to process exit (includes the JVM's exit)
# The three variants run interleaved (jar, image, appcds, jar, ...) after one unmeasured warm-up
# each, so a busy machine slows them alike; the load average is printed before and after.
#
#   mvn -Ppackage package && packaging/startup-benchmark.sh [N]
set -uo pipefail
cd "$(dirname "$0")/.."
. packaging/xvfb.sh

N="${1:-7}"
IMAGE="${IMAGE:-target/jpackage/retl-setup}"
LAUNCHER="$IMAGE/bin/retl-setup"
JAR="target/retl-setup.jar"
JAVA="${JAVA:-java}"
PROBE="-Dretl.startup.probe=true -Dretl.startup.exitAfterFirstFrame=true"
[ -x "$LAUNCHER" ] || { echo "no launcher at $LAUNCHER (run: mvn -Ppackage package)" >&2; exit 1; }
[ -f "$IMAGE/lib/app/app.jsa" ] || echo "warning: $IMAGE/lib/app/app.jsa missing, 'appcds' runs without an archive" >&2
start_xvfb || exit 1
trap stop_xvfb EXIT
OUT="$(mktemp -d)"
export NO_AT_BRIDGE=1

run() { # variant -> prints "first_frame wall"
    local out="$OUT/run.out" t0 t1
    t0=$(date +%s%N)
    case "$1" in
        jar)    "$JAVA" $PROBE -jar "$JAR" >"$out" 2>/dev/null ;;
        image)  _JAVA_OPTIONS="-Xshare:off $PROBE" "$LAUNCHER" >"$out" 2>/dev/null ;;
        appcds) _JAVA_OPTIONS="$PROBE" "$LAUNCHER" >"$out" 2>/dev/null ;;
    esac
    t1=$(date +%s%N)
    local ff rf; ff=$(sed -n 's/^FIRST_FRAME \([0-9-]*\).*/\1/p' "$out" | head -1)
    rf=$(sed -n 's/^READY_FRAME \([0-9-]*\).*/\1/p' "$out" | head -1)
    echo "${ff:-NA} $(( (t1 - t0) / 1000000 )) ${rf:-NA}"
}
median() { sort -n | awk '{a[NR]=$1} END{ if (NR==0) print "NA"; else if (NR%2) print a[(NR+1)/2]; else print int((a[NR/2]+a[NR/2+1])/2) }'; }

echo "cores $(nproc), load average before: $(cut -d' ' -f1-3 /proc/loadavg), runs per variant: $N, display $DISPLAY"
VARIANTS="jar image appcds"
for v in $VARIANTS; do run "$v" >/dev/null; done   # warm-up: page cache, ~/.openjfx native cache
for i in $(seq "$N"); do
    for v in $VARIANTS; do
        r=$(run "$v")
        echo "$r" >>"$OUT/$v.txt"
        printf '  run %d %-6s first-frame %5s ms  wall %5s ms  wizard %5s ms\n' "$i" "$v" $r
    done
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '%-8s %-52s %18s %14s %12s\n' variant "" "median first-frame" "median wizard" "median wall"
for v in $VARIANTS; do
    case "$v" in
        jar)    label="java -jar target/retl-setup.jar" ;;
        image)  label="packaged app-image, no AppCDS (-Xshare:off)" ;;
        appcds) label="packaged app-image with AppCDS (as shipped)" ;;
    esac
    ff=$(awk '{print $1}' "$OUT/$v.txt" | grep -v NA | median)
    wall=$(awk '{print $2}' "$OUT/$v.txt" | median)
    ready=$(awk '{print $3}' "$OUT/$v.txt" | grep -v NA | median)
    printf '%-8s %-52s %15s ms %11s ms %9s ms\n' "$v" "$label" "$ff" "$ready" "$wall"
done
rm -rf "$OUT"
