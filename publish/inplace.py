"""``publish clean --write``: a file rewritten in place the way an editor would, keeping what
the file is besides its text.

A link is followed and its target rewritten (the link stays a link). The mode and owner stay.
A file with other hard links is rewritten in the same inode, after a backup beside it that is
restored if writing fails; any other file is replaced atomically. A read-only file is refused
unless ``--force``, and keeps its mode when forced.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import stat
from pathlib import Path

from publish.errors import CleanError
from publish.fsutil import atomic_path


def rewrite(path: Path, data: bytes, shown: str, force: bool = False) -> None:
    target = path.resolve()
    try:
        info = target.stat()
    except OSError as exc:
        raise CleanError(f"{shown}: cannot read: {exc.strerror}") from None
    read_only = not info.st_mode & stat.S_IWUSR
    if read_only and not force:
        raise CleanError(
            f"{shown}: the file is read-only; make it writable, or pass --force to rewrite it "
            "and keep its mode"
        )
    try:
        if info.st_nlink > 1:
            _same_inode(target, data, info, read_only)
        else:
            with atomic_path(target) as tmp:
                tmp.write_bytes(data)
            os.chmod(target, stat.S_IMODE(info.st_mode))
            with contextlib.suppress(PermissionError):
                os.chown(target, info.st_uid, info.st_gid)
    except OSError as exc:
        raise CleanError(f"{shown}: cannot write: {exc.strerror}; the file is as it was") from None


def _same_inode(target: Path, data: bytes, info: os.stat_result, read_only: bool) -> None:
    """Write ``data`` into ``target``'s own inode, so its other hard links see it too."""
    backup = target.with_name(f".{target.name}.publish-backup")
    shutil.copy2(target, backup)
    try:
        if read_only:
            os.chmod(target, stat.S_IMODE(info.st_mode) | stat.S_IWUSR)
        with open(target, "r+b") as handle:
            handle.truncate(0)
            handle.write(data)
    except OSError:
        shutil.copy2(backup, target)
        raise
    finally:
        os.chmod(target, stat.S_IMODE(info.st_mode))
        backup.unlink(missing_ok=True)
