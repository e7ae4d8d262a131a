#!/usr/bin/env bash
# Puts Brief Player in the desktop's application menu for the current user: the desktop entry
# and the icon at every size go under $XDG_DATA_HOME (~/.local/share by default), so no root
# is needed and nothing outside the user's home is touched.
#
#   scripts/install-desktop.sh              install (again: it overwrites its own files)
#   scripts/install-desktop.sh --uninstall  remove exactly the files it installs
#
# When `brief-player` is not on PATH but the project's .venv has it, the installed entry runs
# that one by its full path, so the menu item works straight after `make run`.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RES="$HERE/resources"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APPS="$DATA/applications"
ICONS="$DATA/icons/hicolor"
DESKTOP_NAME="brief-player.desktop"
SIZES=(16 32 48 64 128 256)

refresh() {
  if command -v update-desktop-database >/dev/null 2>&1; then
    update-desktop-database -q "$APPS" || true
  fi
  if command -v gtk-update-icon-cache >/dev/null 2>&1 && [ -f "$ICONS/index.theme" ]; then
    gtk-update-icon-cache -q -t -f "$ICONS" || true
  fi
}

uninstall() {
  rm -f "$APPS/$DESKTOP_NAME" "$ICONS/scalable/apps/brief-player.svg"
  for s in "${SIZES[@]}"; do
    rm -f "$ICONS/${s}x${s}/apps/brief-player.png"
  done
  refresh
  echo "removed Brief Player's desktop entry and icons from $DATA"
}

install_all() {
  for s in "${SIZES[@]}"; do
    src="$RES/icons/hicolor/${s}x${s}/apps/brief-player.png"
    [ -f "$src" ] || { echo "missing $src: run scripts/render_icons.py" >&2; exit 1; }
    install -D -m 0644 "$src" "$ICONS/${s}x${s}/apps/brief-player.png"
  done
  install -D -m 0644 "$RES/icons/brief-player.svg" "$ICONS/scalable/apps/brief-player.svg"

  exe="brief-player"
  if ! command -v brief-player >/dev/null 2>&1 && [ -x "$HERE/.venv/bin/brief-player" ]; then
    exe="$HERE/.venv/bin/brief-player"
  fi
  mkdir -p "$APPS"
  tmp="$(mktemp "$APPS/.brief-player.XXXXXX")"
  sed -e "s|^Exec=brief-player|Exec=$exe|" -e "s|^TryExec=brief-player|TryExec=$exe|" \
    "$RES/$DESKTOP_NAME" >"$tmp"
  chmod 0644 "$tmp"
  mv -f "$tmp" "$APPS/$DESKTOP_NAME"
  refresh
  echo "installed Brief Player's desktop entry and icons into $DATA"
}

case "${1:-}" in
  "") install_all ;;
  --uninstall) uninstall ;;
  -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' ;;
  *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac
