#!/usr/bin/env bash
# Builds the Linux application image and .deb:
#   target/jpackage/retl-setup/            (app-image, run bin/retl-setup)
#   target/jpackage/retl-setup_<version>-1_amd64.deb
# Needs: JDK 17 (with jpackage), Maven 3.8+, dpkg-deb and fakeroot; for the AppCDS step a display
# or xvfb-run (apt-get install xvfb xauth libgtk-3-0).
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -B -Ppackage package "$@"
