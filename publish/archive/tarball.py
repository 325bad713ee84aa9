"""Step 9 - ``--tar``: the bag as one uncompressed POSIX (pax) tar file, the same bytes for the
same bag: members sorted by path, each folder before what it holds, owned by 0:0 with no user
or group names, mode 0755 or 0644, every time the build time (``SOURCE_DATE_EPOCH``).

The bag's folder is the tar's only top-level member (RFC 8493 serialisation: ``tar xf`` gives
the bag back as it was).
"""

from __future__ import annotations

import tarfile
from datetime import datetime
from pathlib import Path


def _member(path: Path, name: str, when: datetime) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.mtime = int(when.timestamp())
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    if path.is_dir():
        info.type, info.mode = tarfile.DIRTYPE, 0o755
    else:
        info.size, info.mode = path.stat().st_size, 0o644
    return info


def write(bag: Path, target: Path, when: datetime) -> None:
    """Write the folder ``bag`` into the tar file ``target``."""
    members = [bag, *sorted(bag.rglob("*"), key=lambda p: p.relative_to(bag).parts)]
    with tarfile.open(target, "w", format=tarfile.PAX_FORMAT) as tar:
        for path in members:
            name = bag.name + "/" + path.relative_to(bag).as_posix() if path != bag else bag.name
            info = _member(path, name, when)
            if info.isdir():
                tar.addfile(info)
            else:
                with path.open("rb") as data:
                    tar.addfile(info, data)
