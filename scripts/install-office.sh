#!/usr/bin/env bash
# Installs LibreOffice Writer for the annotated-document test (tests/it/annotate.rs); without it
# the test says it was skipped. Debian/Ubuntu: needs root or sudo.
set -euo pipefail
if command -v soffice >/dev/null 2>&1; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-writer-nogui
