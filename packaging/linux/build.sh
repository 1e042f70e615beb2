#!/usr/bin/env bash
# Builds the Linux application image and .deb:
#   target/jpackage/retl-setup/            (app-image, run bin/retl-setup)
#   target/jpackage/retl-setup_<version>-1_amd64.deb
# Needs: Maven 3.8+ on JDK 17+, a JDK 25 for jlink/jpackage (-Dpackage.jdk=DIR, JAVA_HOME or
# /usr/lib/jvm/temurin-25-jdk-amd64), dpkg-deb and fakeroot; for the AOT training run a display
# or xvfb-run (apt-get install xvfb xauth libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -B -Ppackage package "$@"
