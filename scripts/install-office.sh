#!/usr/bin/env bash
# Installs LibreOffice Writer for the annotated-document test (tests/it/annotate.rs); without it
# the test says it was skipped. Also a CJK font (Noto CJK), which scripts/make-pdf-fixtures.sh
# sets the PDF fixtures in. Debian/Ubuntu: needs root or sudo.
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && [ -n "$(fc-list :lang=zh)" ]; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != 0 ]; then SUDO="sudo"; fi
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq libreoffice-writer-nogui fonts-noto-cjk
