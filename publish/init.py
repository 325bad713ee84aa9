"""``publish init [DIR]``: a new project to start from; ``publish theme new NAME``: a new theme.

It writes ``publish.toml`` (every key, commented, with its default), ``content/`` with a
Chinese and an English example, ``themes/mine/`` (a theme extending the default, its variables
commented) and a ``.gitignore`` for ``build/``. It never overwrites: when any of those files
exists, nothing is written and the error names them.
"""

from __future__ import annotations

import logging
from pathlib import Path

from publish.errors import ConfigError

log = logging.getLogger(__name__)
SCAFFOLD = Path(__file__).resolve().parent / "scaffold"
#: Scaffold files written under another name (a packaged ``.gitignore`` would be read as one).
_RENAMED = {"gitignore": ".gitignore"}


def files() -> dict[str, bytes]:
    """Project-relative name -> content of every file ``init`` writes, in sorted order."""
    found = {}
    for path in sorted(p for p in SCAFFOLD.rglob("*") if p.is_file()):
        name = path.relative_to(SCAFFOLD).as_posix()
        found[_RENAMED.get(name, name)] = path.read_bytes()
    return found


def init(folder: Path) -> list[Path]:
    """Write the new project into ``folder`` (made if missing); return the files written."""
    if folder.exists() and not folder.is_dir():
        raise ConfigError(f"{folder}: is a file; give a folder for the new project")
    wanted = files()
    taken = sorted(name for name in wanted if (folder / name).exists())
    if taken:
        raise ConfigError(
            f"{folder}: {', '.join(taken)} already there; nothing was written. Run publish "
            "init in an empty folder, or move those files away"
        )
    written = []
    for name, content in wanted.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)
        written.append(target)
    log.info(
        "A new project in %s: publish -C %s build, then open build/site/index.html", folder, folder
    )
    return written


def new_theme(root: Path, name: str, parent: str) -> Path:
    """``themes/<name>/theme.toml`` extending ``parent``, with the scaffold's comments."""
    from publish.theme import available

    if not name.replace("-", "").replace("_", "").isalnum():
        raise ConfigError(f"theme name {name!r}: use letters, digits, - and _")
    if parent not in available(root):
        raise ConfigError(
            f"--extends {parent}: no such theme; themes here: {', '.join(available(root))}"
        )
    target = root / "themes" / name / "theme.toml"
    if target.parent.exists():
        raise ConfigError(f"{target.parent}: already there; nothing was written")
    text = (SCAFFOLD / "themes" / "mine" / "theme.toml").read_text("utf-8")
    text = text.replace('name = "mine"', f"name = {name!r}").replace("mine", name)
    text = text.replace('extends = "default"', f"extends = {parent!r}")
    (target.parent / "templates").mkdir(parents=True)
    (target.parent / "static").mkdir()
    target.write_text(text, encoding="utf-8")
    log.info("A new theme in %s: use it with theme = %r in publish.toml", target.parent, name)
    return target
