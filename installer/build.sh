#!/usr/bin/env bash
# Builds the StatBench Linux installer: a self-contained app image (jlink'd Java runtime, no JDK
# needed at run time) and a .deb package.
#
#   bash installer/build.sh                 jar + app image + .deb
#   bash installer/build.sh --app-image     jar + app image only (what CI uses)
#   bash installer/build.sh --skip-jar ...  reuse app/target/statbench.jar (e.g. after `mvn verify`)
#
# Results: installer/target/StatBench/ (launcher installer/target/StatBench/bin/StatBench) and
# installer/target/statbench_<version>_<arch>.deb. Tests are skipped; see installer/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=installer/target
platform=linux-x86-64
case "$(uname -m)" in
  aarch64 | arm64) platform=linux-aarch64 ;;
esac

want_deb=1
build_jar=1
for arg in "$@"; do
  case "$arg" in
    --app-image) want_deb=0 ;;
    --skip-jar) build_jar=0 ;;
    -h | --help)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
      exit 0
      ;;
    *)
      echo "build.sh: unknown option $arg (try --help)" >&2
      exit 2
      ;;
  esac
done

step() { printf '\n== %s (%ss)\n' "$*" "$SECONDS"; }

# --- tools --------------------------------------------------------------------------------------
# jpackage/jlink come with JDK 17; a .deb also needs dpkg-deb, fakeroot and objcopy (binutils).
# On a fresh Debian/Ubuntu machine install what is missing (the script runs as root there).
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")}
jdk_bin="$java_home/bin"
need_pkgs=()
[ -x "$jdk_bin/jpackage" ] || need_pkgs+=(openjdk-17-jdk)
[ -d "$java_home/jmods" ] || need_pkgs+=(openjdk-17-jmods)
if [ "$want_deb" = 1 ]; then
  command -v fakeroot > /dev/null || need_pkgs+=(fakeroot)
  command -v dpkg-deb > /dev/null || need_pkgs+=(dpkg-dev)
  command -v objcopy > /dev/null || need_pkgs+=(binutils)
fi
if [ ${#need_pkgs[@]} -gt 0 ]; then
  step "installing ${need_pkgs[*]}"
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_pkgs[@]}" \
      || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_pkgs[@]}"; }
  else
    echo "build.sh: please install ${need_pkgs[*]} (needs root)" >&2
    exit 2
  fi
  java_home=${JAVA_HOME:-/usr/lib/jvm/java-17-openjdk-$(dpkg --print-architecture)}
  jdk_bin="$java_home/bin"
fi
"$jdk_bin/java" -version 2>&1 | grep -q 'version "17' \
  || { echo "build.sh: JDK 17 expected at $java_home (set JAVA_HOME)" >&2; exit 2; }

# --- the application jar -------------------------------------------------------------------------
if [ "$build_jar" = 1 ] || [ ! -f app/target/statbench.jar ]; then
  step "building app/target/statbench.jar (tests skipped)"
  mvn -q -B -DskipTests package
fi
version=$(sed -n 's:^  <version>\([0-9][0-9.]*\).*</version>:\1:p' pom.xml | head -1)
version=${version:-0.1.0}

rm -rf "$out"
mkdir -p "$out/input" "$out/work"

# Only this platform's native libraries go in (OR-Tools and others ship all platforms').
step "copying the jar without other platforms' native libraries"
"$jdk_bin/java" installer/tools/StripForeignNatives.java app/target/statbench.jar \
  "$out/input/statbench.jar" "$platform" | tail -1

step "drawing the icon"
"$jdk_bin/java" -Djava.awt.headless=true installer/tools/MakeIcon.java "$out/work/StatBench.png" 256

# --- a trimmed Java runtime ------------------------------------------------------------------------
# Modules: installer/jpackage/modules.txt plus whatever `jdeps` finds in the fat jar.
step "jlink: Java runtime"
modules=$(grep -v '^#' installer/jpackage/modules.txt | paste -sd, -)
if found=$("$jdk_bin/jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps \
  "$out/input/statbench.jar" 2> /dev/null | tail -1) && [ -n "$found" ]; then
  modules=$(printf '%s\n' "${modules//,/$'\n'}" "${found//,/$'\n'}" | sort -u | paste -sd, -)
fi
echo "modules: $modules"
# --compress=1 (shared strings), not 2 (zip): every JDK class the CDS archives do not hold would be
# inflated at each start; measured, the zip-compressed runtime cost a short command ~9% more CPU
# for 20 MB less disk. --generate-cds-archive: the base archive the app's archive builds on.
"$jdk_bin/jlink" --module-path "$java_home/jmods" --add-modules "$modules" \
  --strip-debug --no-header-files --no-man-pages --compress=1 --generate-cds-archive \
  --output "$out/work/runtime"

# --- the app image -----------------------------------------------------------------------------
step "jpackage: app image"
"$jdk_bin/jpackage" @installer/jpackage/common.args \
  --type app-image \
  --app-version "$version" \
  --input "$out/input" \
  --runtime-image "$out/work/runtime" \
  --icon "$out/work/StatBench.png" \
  --java-options '-XX:SharedArchiveFile=$APPDIR/statbench.jsa' \
  --java-options '-Xlog:cds*=off' \
  --dest "$out"
# The class-data-sharing archive is made where the image lives (JDK 17 ties it to the jar's path):
# at the end of this script for the app image, by the .deb's postinst under /opt.
cp installer/linux/cds-archive.sh "$out/StatBench/lib/cds-archive.sh"
"$out/StatBench/bin/StatBench" --version

# --- the .deb ----------------------------------------------------------------------------------
if [ "$want_deb" = 1 ]; then
  step "jpackage: .deb"
  # jpackage derives Depends from the runtime's own libraries; JavaFX's natives live inside the jar,
  # so their libraries (GTK 3, GL, fonts) must be declared here. `a | b` covers Ubuntu 24.04's t64
  # rename. installer/linux holds postinst/prerm that also work without a desktop menu directory.
  deps="libgtk-3-0 | libgtk-3-0t64, libgl1, libxxf86vm1, libfontconfig1"
  # The payload is already compressed (jar, jlink --compress=2): gzip packs it as small as xz in a
  # fraction of the time (dpkg 1.21.10+ reads these; older ones keep their default).
  export DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip}
  export DPKG_DEB_THREADS_MAX=${DPKG_DEB_THREADS_MAX:-2}
  "$jdk_bin/jpackage" \
    --type deb \
    --name StatBench \
    --app-image "$out/StatBench" \
    --app-version "$version" \
    --vendor "StatBench project" \
    --description "Offline workbench for tabulation, cohort tracking, area joins and disclosure control of microdata" \
    --icon "$out/work/StatBench.png" \
    --linux-package-name statbench \
    --linux-package-deps "$deps" \
    --linux-deb-maintainer "statbench@example.org" \
    --linux-menu-group "Science;Education;" \
    --linux-app-category science \
    --linux-shortcut \
    --resource-dir installer/linux \
    --install-dir /opt \
    --dest "$out"
  ls -l "$out"/*.deb
fi

step "class-data-sharing archive for the app image"
sh "$out/StatBench/lib/cds-archive.sh" "$(cd "$out/StatBench" && pwd)"
ls -l "$out/StatBench/lib/app/statbench.jsa" || echo "no archive: the launcher starts without it"

rm -rf "$out/input"
step "done: $out/StatBench/bin/StatBench$([ "$want_deb" = 1 ] && echo " and $(ls "$out"/*.deb)")"
