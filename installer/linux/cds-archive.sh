#!/bin/sh
# Creates the launcher's class-data-sharing archive, <app image>/lib/app/statbench.jsa, by one
# training run of the commands a user starts most (an import, then a tabulate, in a temporary
# folder). The launcher passes -XX:SharedArchiveFile=$APPDIR/statbench.jsa: the JVM then maps the
# classes it needs already parsed and verified instead of loading them from the 100 MB jar, which
# cuts the start-up of a short command by about a quarter (docs/decisions/0010-start-up.md).
#
#   sh cds-archive.sh APP_IMAGE_DIR      (build.sh for the app image; the .deb's postinst for /opt)
#
# JDK 17 accepts an archive only for the jar path it was made with, so it is made where the image
# lives. A missing or mismatched archive only costs the speed-up: the launcher also passes
# -Xlog:cds*=off, so the JVM says nothing and runs as without it. Never fails the caller.
app=${1:?usage: cds-archive.sh APP_IMAGE_DIR}
java="$app/lib/runtime/bin/java"
jar="$app/lib/app/statbench.jar"
jsa="$app/lib/app/statbench.jsa"
[ -x "$java" ] || java=${CDS_JAVA:-}
if [ -z "$java" ] || [ ! -x "$java" ] || [ ! -f "$jar" ]; then
  echo "cds-archive.sh: no runtime or jar under $app; no archive made" >&2
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf 'id,area,sex,age\n1,E06000001,F,34\n2,E06000002,M,51\n3,E06000001,,19\n' > "$tmp/t.csv"
rm -f "$jsa"
"$java" -Xshare:auto -Xlog:disable -cp "$jar" org.statbench.app.Main \
  import --db "$tmp/ws" --name t --file "$tmp/t.csv" > /dev/null 2>&1 || exit 0
"$java" -XX:ArchiveClassesAtExit="$jsa" -Xlog:disable -cp "$jar" org.statbench.app.Main \
  tabulate --db "$tmp/ws" --dataset t --rows area --cols sex --out "$tmp/o.csv" > /dev/null 2>&1 \
  || rm -f "$jsa"
[ -f "$jsa" ] && chmod 644 "$jsa"
exit 0
