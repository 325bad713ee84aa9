"""Running the Java validators: :func:`java`, the command that starts a validator's JVM;
:func:`compiled`, our own Java helpers compiled once; and :func:`unsigned`, a copy of a signed
jar that the JVM loads without checking every class against its signature. Both are kept in
the user's cache (``$XDG_CACHE_HOME/publish``, else ``~/.cache/publish``)."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import subprocess
import tempfile
import zipfile
from pathlib import Path

from publish.validators.tools import JDK, JRE, tool

#: A validator's JVM lives for seconds: the quick compiler alone and one collector thread start
#: it sooner (EPUBCheck on seven EPUBs: 7.2 s to 4.6 s) and leave the other core to the
#: validator beside it. Code from the quick compiler takes more stack: Nu's schema needs 2 MB.
_QUICK_JVM = ("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss2m")
_SIGNATURE = re.compile(r"META-INF/[^/]+\.(?:SF|RSA|DSA|EC)", re.IGNORECASE)


def java() -> list[str]:
    """The command that starts a validator's JVM (the arguments follow)."""
    return [tool("java", f"install a JRE: {JRE}"), *_QUICK_JVM]


def _cached(stem: str, key: bytes) -> Path:
    cache = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "publish"
    cache.mkdir(parents=True, exist_ok=True)
    return cache / f"{stem.lower()}-{hashlib.sha256(key).hexdigest()[:16]}"


def compiled(source: Path, jars: list[Path]) -> str:
    """The class path running ``source`` (a Java class of ours) against ``jars``: compiled once
    into the user's cache, again when the source or the jars' places change."""
    classes = _cached(source.stem, source.read_bytes() + "".join(map(str, jars)).encode())
    if not (classes / f"{source.stem}.class").is_file():
        javac = tool("javac", f"install a JDK: {JDK}")
        classpath = os.pathsep.join(map(str, jars))
        with tempfile.TemporaryDirectory(dir=classes.parent) as made:  # whole, or not there
            subprocess.run(
                [javac, "-d", made, "-cp", classpath, str(source)], check=True, capture_output=True
            )
            with contextlib.suppress(OSError):  # another run put the same classes there first
                os.rename(made, classes)
    return os.pathsep.join(str(p) for p in [classes, *jars])


def unsigned(jar: Path) -> Path:
    """``jar`` itself, or, when it is signed, a copy without its signature files. The JVM
    hashes every class it loads from a signed jar to compare it with the signature: for Saxon,
    0.4 to 1.3 s of EPUBCheck's 5 s. The signature proves nothing here (a jar on the class path is
    trusted whoever signed it, and the package manager installed it); the classes are the same
    bytes. The copy is made once, again when the jar changes."""
    with zipfile.ZipFile(jar) as signed:
        signatures = {name for name in signed.namelist() if _SIGNATURE.fullmatch(name)}
        if not signatures:
            return jar
        state = jar.stat()
        copy = _cached(jar.stem, f"{jar}:{state.st_size}:{state.st_mtime_ns}".encode())
        copy = copy.with_name(f"{copy.name}.jar")
        if not copy.is_file():
            with tempfile.TemporaryDirectory(dir=copy.parent) as made:  # whole, or not there
                part = Path(made) / copy.name
                with zipfile.ZipFile(part, "w") as plain:
                    for entry in signed.infolist():
                        if entry.filename not in signatures:
                            plain.writestr(entry, signed.read(entry))
                os.replace(part, copy)
    return copy
