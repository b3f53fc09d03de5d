#!/usr/bin/env bash
# Installs the outside tools the test suite drives for real, from Debian's packages:
# Chromium (end-to-end and accessibility tests, benchmarks), khal, python3-icalendar,
# python3-vobject and Radicale (the iCal feed against real calendar clients), python3-caldav,
# todoman and vdirsyncer (team sync against real CalDAV clients), LibreOffice Writer, openpyxl and
# poppler-utils (the DOCX, XLSX and PDF exports read back by real readers).
set -euo pipefail
packages=(chromium khal python3-icalendar python3-vobject radicale fonts-dejavu-core
  python3-caldav todoman vdirsyncer python3-openpyxl poppler-utils libreoffice-writer-nogui)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "test tools: all present (${packages[*]})"
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "test tools: installing ${missing[*]}"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
