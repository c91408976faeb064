"""Finding (and on Debian/Ubuntu as root, installing) the system Chromium."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
INSTRUCTIONS = """\
The browser tests drive the system Chromium, and none was found.
Install it, then run the tests again:
  Debian / Ubuntu:  sudo apt-get install chromium        (Ubuntu: chromium-browser)
  Fedora:           sudo dnf install chromium
  macOS:            brew install --cask chromium
Or point CHROMIUM_PATH at an existing Chromium or Chrome executable."""


def find_chromium() -> Path | None:
    """The Chromium executable to use: $CHROMIUM_PATH, else the first on PATH."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured:
        path = Path(configured)
        return path if path.is_file() and os.access(path, os.X_OK) else None
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return Path(found)
    return None


def _can_apt_install() -> bool:
    return hasattr(os, "geteuid") and os.geteuid() == 0 and shutil.which("apt-get") is not None


def ensure_main() -> int:
    found = find_chromium()
    if found:
        print(f"Chromium: {found}")
        return 0
    if not _can_apt_install():
        print(INSTRUCTIONS, file=sys.stderr)
        return 1
    print("Installing Chromium from the system packages (apt-get)...")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    steps = (
        ["apt-get", "update", "-qq"],
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium"],
    )
    for step in steps:
        if subprocess.run(step, env=env, check=False).returncode != 0:
            print(f"error: {' '.join(step)} failed.\n\n{INSTRUCTIONS}", file=sys.stderr)
            return 1
    found = find_chromium()
    if not found:
        print(f"error: Chromium is still missing after apt-get.\n\n{INSTRUCTIONS}", file=sys.stderr)
        return 1
    print(f"Chromium: {found}")
    return 0
