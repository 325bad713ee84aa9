"""The Makefile's system-package step: installs as root, else prints the exact apt command."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from conftest import REPO


def test_non_root_gets_the_exact_apt_command() -> None:
    # A copy of the Makefile in a folder any user can read, run as an unprivileged user.
    folder = Path(tempfile.mkdtemp(prefix="publish-make-"))
    try:
        folder.chmod(0o755)
        shutil.copy(REPO / "Makefile", folder / "Makefile")
        (folder / "Makefile").chmod(0o644)
        command = ["make", "-s", "-C", str(folder), "system-packages", "APT_BUILD=publish-no-pkg"]
        if os.geteuid() == 0:
            command = ["runuser", "-u", "nobody", "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    finally:
        shutil.rmtree(folder)
    assert result.returncode != 0
    assert "publish needs these Debian packages: publish-no-pkg" in result.stdout
    assert "Run: sudo apt-get update && sudo apt-get install -y publish-no-pkg" in result.stdout


def test_present_packages_need_nothing() -> None:
    result = subprocess.run(
        ["make", "-s", "-C", str(REPO), "system-packages"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Installing" not in result.stdout
