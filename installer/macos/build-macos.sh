#!/usr/bin/env bash
# Builds the StatBench macOS installer (.pkg) on a Mac.
#
#   bash installer/macos/build-macos.sh [--skip-jar]
#
# Needs: JDK 17 (JAVA_HOME or java on PATH), Maven 3.8+, Xcode command-line tools. Result:
# installer/target/StatBench-<version>.pkg, installing /Applications/StatBench.app. To sign, set
# MAC_SIGNING_KEY_USER_NAME to the "Developer ID" identity name (jpackage --mac-sign).
# The command line is StatBench.app/Contents/MacOS/StatBench <sub-command>.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=installer/target
java_home=${JAVA_HOME:-$(/usr/libexec/java_home -v 17)}
bin="$java_home/bin"
platform=darwin-x86-64
[ "$(uname -m)" = arm64 ] && platform=darwin-aarch64

if [ "${1:-}" != --skip-jar ] || [ ! -f app/target/statbench.jar ]; then
  mvn -q -B -DskipTests package
fi
version=$(sed -n 's:^  <version>\([0-9][0-9.]*\).*</version>:\1:p' pom.xml | head -1)
# macOS bundle versions must start at 1 or more: pre-1.0 builds are packaged as 1.0.0.
case "$version" in 0.*) version=1.0.0 ;; esac

rm -rf "$out"
mkdir -p "$out/input" "$out/work"
"$bin/java" installer/tools/StripForeignNatives.java app/target/statbench.jar \
  "$out/input/statbench.jar" "$platform"
"$bin/java" -Djava.awt.headless=true installer/tools/MakeIcon.java "$out/work/StatBench.icns"

modules=$(grep -v '^#' installer/jpackage/modules.txt | paste -sd, -)
if found=$("$bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps \
  "$out/input/statbench.jar" 2> /dev/null | tail -1) && [ -n "$found" ]; then
  modules=$(printf '%s\n' $(echo "$modules,$found" | tr , ' ') | sort -u | paste -sd, -)
fi
"$bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" --strip-debug \
  --no-header-files --no-man-pages --compress=2 --output "$out/work/runtime"

sign=()
if [ -n "${MAC_SIGNING_KEY_USER_NAME:-}" ]; then
  sign=(--mac-sign --mac-signing-key-user-name "$MAC_SIGNING_KEY_USER_NAME")
fi
"$bin/jpackage" @installer/jpackage/common.args --type pkg --app-version "$version" \
  --input "$out/input" --runtime-image "$out/work/runtime" --icon "$out/work/StatBench.icns" \
  --mac-package-identifier org.statbench.app --mac-package-name StatBench \
  ${sign[@]+"${sign[@]}"} --dest "$out"
ls -l "$out"/*.pkg
