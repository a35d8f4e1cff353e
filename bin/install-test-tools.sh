#!/usr/bin/env bash
# What the tests drive besides Node, from Debian's or Ubuntu's packages, installed only when
# missing: Chromium for the browser tests (Playwright cannot download browsers here), LibreOffice
# (Calc and Writer) to open our workbooks and the draft report as an analyst would, and Python's
# openpyxl and XlsxWriter, which write workbooks as analysts' scripts do and open ours.
# Without apt, it says what to install and which variables name the programs instead.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || [ -n "${SOFFICE_PATH:-}" ] || missing+=(libreoffice-calc-nogui)
has_package() { command -v dpkg >/dev/null 2>&1 && dpkg -s "$1" >/dev/null 2>&1; }
# Writer opens the draft report (.docx); the Calc package alone cannot.
if [ -z "${SOFFICE_PATH:-}" ] && ! has_package libreoffice-writer-nogui && ! has_package libreoffice-writer; then
  missing+=(libreoffice-writer-nogui)
fi
if [ -z "${PYTHON_WITH_OPENPYXL:-}" ] && ! python3 -c "import openpyxl, xlsxwriter" >/dev/null 2>&1 &&
  ! /usr/bin/python3 -c "import openpyxl, xlsxwriter" >/dev/null 2>&1; then
  missing+=(python3-openpyxl python3-xlsxwriter)
fi
[ ${#missing[@]} -eq 0 ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-test-tools: no apt-get here; install ${missing[*]} yourself, or set CHROMIUM_PATH," \
    "SOFFICE_PATH and PYTHON_WITH_OPENPYXL (a Python with openpyxl and xlsxwriter) to them" >&2
  exit 0
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "install-test-tools: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
