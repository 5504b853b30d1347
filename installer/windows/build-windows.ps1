# Builds the StatBench Windows installer (.msi) on a Windows machine.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build-windows.ps1 [-PerUser] [-SkipJar]
#
# Needs: JDK 17 (JAVA_HOME or java on PATH), Maven 3.8+, and WiX Toolset 3.x (candle.exe, light.exe
# on PATH) which jpackage 17 uses to make the .msi. Result: installer\target\StatBench-<version>.msi.
# -PerUser installs into the user's profile (no administrator rights needed); the default installs
# for all users under Program Files. Either way user workspaces live in the user's home, never in
# the install folder.
param([switch]$PerUser, [switch]$SkipJar)
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..\..')

$javaHome = if ($env:JAVA_HOME) { $env:JAVA_HOME } else { Split-Path (Split-Path (Get-Command java).Source) }
$bin = Join-Path $javaHome 'bin'
$out = 'installer\target'

if (-not $SkipJar -or -not (Test-Path 'app\target\statbench.jar')) {
  mvn -q -B -DskipTests package
  if ($LASTEXITCODE -ne 0) { throw 'mvn package failed' }
}
$version = (Select-String -Path pom.xml -Pattern '^  <version>([0-9.]+)' | Select-Object -First 1).Matches[0].Groups[1].Value

if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Force "$out\input", "$out\work" | Out-Null

# Only Windows x64 natives go in (OR-Tools and others ship every platform's).
& "$bin\java" installer\tools\StripForeignNatives.java app\target\statbench.jar "$out\input\statbench.jar" win32-x86-64
& "$bin\java" '-Djava.awt.headless=true' installer\tools\MakeIcon.java "$out\work\StatBench.ico"

$modules = (Get-Content installer\jpackage\modules.txt | Where-Object { $_ -and -not $_.StartsWith('#') }) -join ','
$found = & "$bin\jdeps" --ignore-missing-deps --multi-release 17 --print-module-deps "$out\input\statbench.jar" 2>$null
if ($LASTEXITCODE -eq 0 -and $found) { $modules = (($modules + ',' + ($found | Select-Object -Last 1)).Split(',') | Sort-Object -Unique) -join ',' }
& "$bin\jlink" --module-path "$javaHome\jmods" --add-modules $modules --strip-debug --no-header-files `
  --no-man-pages --compress=2 --output "$out\work\runtime"
if ($LASTEXITCODE -ne 0) { throw 'jlink failed' }

# StatBench.exe is the GUI launcher; statbench-cli.exe is a console launcher for the sub-commands
# (a Windows GUI program cannot print to the console it was started from).
$extra = @('--win-menu', '--win-menu-group', 'StatBench', '--win-shortcut', '--win-dir-chooser',
  '--win-upgrade-uuid', '5b0d6f2e-3c4a-4f7e-9a57-2f1c3f7e9b10',
  '--add-launcher', 'statbench-cli=installer\windows\cli-launcher.properties')
if ($PerUser) { $extra += '--win-per-user-install' }
& "$bin\jpackage" '@installer\jpackage\common.args' --type msi --app-version $version `
  --input "$out\input" --runtime-image "$out\work\runtime" --icon "$out\work\StatBench.ico" `
  --dest $out @extra
if ($LASTEXITCODE -ne 0) { throw 'jpackage failed' }
Get-ChildItem "$out\*.msi"
