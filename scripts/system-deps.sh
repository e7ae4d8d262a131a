#!/usr/bin/env bash
# Installs the Debian/Ubuntu libraries Qt's widgets and multimedia load at run time, when any is
# missing. Quiet and quick when everything is there already.
#   --test  also the tools some tests drive: a private D-Bus with gdbus, the desktop entry
#           validator, and the speech, sox and Opus tools that check the stand-in audio.
set -euo pipefail
PKGS=(
  libpulse0 libegl1 libgl1 libopengl0 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1
  libfreetype6 libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1
  libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xkb1
  libxrender1 libxi6 libsm6 libice6 fonts-dejavu-core dbus
)
if [ "${1:-}" = "--test" ]; then
  PKGS+=(libglib2.0-bin desktop-file-utils espeak-ng sox libsox-fmt-all opus-tools)
fi
command -v dpkg-query >/dev/null 2>&1 || { echo "not a Debian system: install Qt 6's runtime libraries yourself"; exit 0; }
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
echo "installing system libraries Qt needs: ${missing[*]}"
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
