#!/usr/bin/env bash
# Smoke test of the packaged app: starts the jpackage app-image under a private Xvfb, waits for the
# wizard's first frame (the app's READY_FRAME probe) and its X window, takes a real X screenshot
# (screenshots/packaged-app.png), checks the picture is not blank and that the app printed nothing on
# standard error, closes the app. Exit 0 = passed.
#
#   mvn -Ppackage package && packaging/smoke-test.sh [app-image dir, default target/jpackage/retl-setup]
#
# Needs: Xvfb, xwininfo (x11-utils), ImageMagick (import/convert), libgtk-3-0.
set -uo pipefail
cd "$(dirname "$0")/.."
. packaging/xvfb.sh

IMAGE="${1:-target/jpackage/retl-setup}"
LAUNCHER="$IMAGE/bin/retl-setup"
SHOT="${SMOKE_SCREENSHOT:-screenshots/packaged-app.png}"
TITLE="Databricks Reverse ETL Setup"
TIMEOUT="${SMOKE_TIMEOUT:-60}"
OUT="$(mktemp -d)"
APP_PID=""

fail() { echo "SMOKE TEST FAILED: $*" >&2; [ -s "$OUT/app.err" ] && sed 's/^/  app: /' "$OUT/app.err" | tail -20 >&2; cleanup; exit 1; }
cleanup() {
    if [ -n "$APP_PID" ] && kill -0 "$APP_PID" 2>/dev/null; then
        kill "$APP_PID" 2>/dev/null; sleep 0.5; kill -9 "$APP_PID" 2>/dev/null
    fi
    stop_xvfb
    rm -rf "$OUT"
}
trap cleanup INT TERM

[ -x "$LAUNCHER" ] || fail "no launcher at $LAUNCHER (run: mvn -Ppackage package)"
for tool in xwininfo import convert; do command -v "$tool" >/dev/null || fail "$tool not found"; done
start_xvfb || fail "no X server"
echo "display $DISPLAY, launching $LAUNCHER"

start=$(date +%s%N)
# The launcher takes no JVM options on its command line; JAVA_TOOL_OPTIONS carries the probe flag.
JAVA_TOOL_OPTIONS="-Dretl.startup.probe=true" NO_AT_BRIDGE=1 "$LAUNCHER" >"$OUT/app.out" 2>"$OUT/app.err" &
APP_PID=$!

first_frame=""
for _ in $(seq $((TIMEOUT * 10))); do
    kill -0 "$APP_PID" 2>/dev/null || fail "the app exited early (code $(wait "$APP_PID"; echo $?))"
    first_frame=$(sed -n 's/^READY_FRAME \([0-9-]*\).*/\1/p' "$OUT/app.out" | head -1)
    [ -n "$first_frame" ] && break
    sleep 0.1
done
[ -n "$first_frame" ] || fail "no first frame within ${TIMEOUT}s"
wall=$(( ($(date +%s%N) - start) / 1000000 ))

window=$(xwininfo -root -tree | grep -F "\"$TITLE\"" | head -1)
[ -n "$window" ] || fail "no X window titled \"$TITLE\""
wid=$(echo "$window" | awk '{print $1}')
geometry=$(xwininfo -id "$wid" | awk '/Width:/{w=$2} /Height:/{h=$2} /Map State:/{m=$3} END{print w "x" h " " m}')
echo "window $wid \"$TITLE\" $geometry; first frame ${first_frame} ms after process start (seen after ${wall} ms)"
case "$geometry" in *IsViewable*) ;; *) fail "window is not mapped: $geometry" ;; esac

sleep 1 # let the first frames settle (fonts, focus ring) before the picture
mkdir -p "$(dirname "$SHOT")"
import -window root "$SHOT" 2>/dev/null || fail "import could not capture the screen"
# Crop to the wizard window (Xvfb has no window manager, the window sits at its own position).
read -r x y w h < <(xwininfo -id "$wid" | awk '/Absolute upper-left X:/{x=$4} /Absolute upper-left Y:/{y=$4} /Width:/{w=$2} /Height:/{h=$2} END{print x, y, w, h}')
convert "$SHOT" -crop "${w}x${h}+${x}+${y}" +repage "$SHOT" || fail "could not crop the screenshot"

stddev=$(convert "$SHOT" -colorspace Gray -format '%[fx:standard_deviation]' info:)
colors=$(convert "$SHOT" -format '%k' info:)
size=$(stat -c %s "$SHOT")
echo "screenshot $SHOT: $(identify -format '%wx%h' "$SHOT"), $size bytes, $colors colours, grey stddev $stddev"
awk -v s="$stddev" -v c="$colors" 'BEGIN{exit !(s > 0.02 && c > 50)}' || fail "the screenshot looks blank"

kill -0 "$APP_PID" 2>/dev/null || fail "the app died while on screen"
# Nothing on standard error at start (JDK 25 warns about JavaFX's native access and Unsafe use unless
# the launcher allows them); the JVM's own line about JAVA_TOOL_OPTIONS is this script's doing.
stderr=$(grep -v '^Picked up JAVA_TOOL_OPTIONS:' "$OUT/app.err")
[ -z "$stderr" ] || fail "the app printed on standard error at start"
echo "standard error: empty"
echo "SMOKE TEST PASSED"
cleanup
exit 0
