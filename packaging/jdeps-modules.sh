#!/usr/bin/env bash
# Prints the JDK/JavaFX modules the app and its libraries need, as jdeps sees them. The list in
# packaging/jpackage/runtime.args (--add-modules) is this output plus jdk.crypto.ec (a security
# provider, found by service lookup, which jdeps cannot see). Takes ~1 min (the driver jar is 43 MB).
#   mvn package -DskipTests && packaging/jdeps-modules.sh
set -euo pipefail
cd "$(dirname "$0")/.."
fx=$(mktemp -d); trap 'rm -rf "$fx"' EXIT
cp target/lib/javafx-*-*-*.jar "$fx"/   # the platform jars; the plain javafx-*.jar are empty
libs=$(ls target/lib/*.jar | grep -v '/javafx-')
jdeps --multi-release 17 --ignore-missing-deps --print-module-deps \
    --module-path "$fx" --class-path "$(echo $libs | tr ' ' ':')" \
    target/retl-setup.jar $libs 2>/dev/null | tail -1
