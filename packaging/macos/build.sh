#!/usr/bin/env bash
# Builds the macOS disk image: target/jpackage/Databricks Reverse ETL Setup-<version>.dmg
# Needs: JDK 17 (with jpackage), Maven 3.8+, Xcode command line tools. Run from a logged-in
# session: the AppCDS step opens the wizard window once for a second.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -B -Ppackage package "$@"
