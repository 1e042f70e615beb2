#!/usr/bin/env bash
# Builds the macOS disk image: target/jpackage/Databricks Reverse ETL Setup-<version>.dmg
# Needs: Maven 3.8+ on JDK 17+, a JDK 25 (JAVA_HOME or -Dpackage.jdk=DIR), Xcode command line tools. Run from a logged-in
# session: the AOT training run opens the wizard window once for a few seconds.
set -euo pipefail
cd "$(dirname "$0")/../.."
exec mvn -B -Ppackage package "$@"
