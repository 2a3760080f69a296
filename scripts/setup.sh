#!/usr/bin/env bash
# Installs the Debian packages bitext needs, when they are missing. Safe to run again.
#   libicu-dev, pkg-config  ICU: segmentation, normalisation, case folding
#   libstemmer-dev          Snowball stemmers
#   trans-de-en             the Ding German-English dictionary (read at run time)
#   libxml2-utils           xmllint, which the tests use to validate TMX and TBX output
set -euo pipefail

packages=(libicu-dev pkg-config libstemmer-dev trans-de-en libxml2-utils "$@")
if [ "${CI:-}" = true ]; then packages+=(chromium); fi  # BrowserTests; large, so CI only
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "bitext needs these Debian packages: ${missing[*]}" >&2
  echo "install them as root:  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "installing: ${missing[*]}" >&2
if [ -z "${BITEXT_APT_UPDATED:-}" ]; then apt-get update -qq; fi
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
