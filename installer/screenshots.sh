#!/usr/bin/env bash
# Regenerates the README's screenshots (docs/images/*.png) from the real main window: a TestFX test
# opens Help > Demo (the bundled sample data and the saved demo tables), visits the tabs and the
# tour, and snapshots the window headless (Monocle, no display needed). About a minute.
#
#   bash installer/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
out="$(pwd)/docs/images"
mvn -q -B -pl app -am test -Dtest=ScreenshotsTest -Dsurefire.failIfNoSpecifiedTests=false \
  -Dstatbench.screenshots.dir="$out"
ls -l "$out"
