"""The command line's parser: global options before or after the command, "did you mean" for a
mistyped command or choice, checked paths, and shell completion (``publish completion bash``,
written by shtab from the parser itself, so it never falls behind the options)."""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path
from typing import Any, NoReturn

from publish.errors import ConfigError

_CHOICE = re.compile(r"invalid choice: '([^']*)' \(choose from (.*)\)")
SHELLS = ("bash", "zsh", "tcsh")


class Parser(argparse.ArgumentParser):
    """An ``ArgumentParser`` whose wrong choices end in "did you mean …?"."""

    def error(self, message: str) -> NoReturn:
        found = _CHOICE.search(message)
        if found:
            given, choices = found[1], re.findall(r"'([^']*)'", found[2])
            close = difflib.get_close_matches(given, choices, n=1, cutoff=0.5)
            hint = f"did you mean {close[0]!r}?" if close else f"choose from {', '.join(choices)}"
            message = f"{message.split(':')[0]}: unknown {given!r}; {hint}"
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def add_global_options(parser: argparse.ArgumentParser, *, after: bool = False) -> None:
    """``-C``, ``-v``, ``-q``, ``--debug``: on the main parser, and again on each command's
    (``after``), where an option left out does not undo the one given before the command."""

    def default(value: Any) -> dict[str, Any]:
        return {"default": argparse.SUPPRESS if after else value}

    project_help = "project folder holding publish.toml (default: .)"
    parser.add_argument("-C", "--project", type=Path, help=project_help, **default(Path(".")))
    parser.add_argument("-v", "--verbose", action="count", help="say more", **default(0))
    quiet = "warnings and errors only"
    parser.add_argument("-q", "--quiet", action="store_true", help=quiet, **default(False))
    debug = "show the traceback of an internal error"
    parser.add_argument("--debug", action="store_true", help=debug, **default(False))


def add_sources(parser: argparse.ArgumentParser) -> None:
    """The sources a build or an archive takes (default: the content folder)."""
    parser.add_argument(
        "sources",
        nargs="*",
        type=Path,
        metavar="SOURCE",
        help="Markdown files or folders (default: the content folder)",
    )


def project_folder(given: Path) -> Path:
    """``-C``'s folder, resolved; an error when it is not a folder."""
    root = given.expanduser().resolve()
    if not root.is_dir():
        what = "is not a folder" if root.exists() else "not found"
        raise ConfigError(f"-C {given}: project folder {what}; give the folder with publish.toml")
    return root


def completion(parser: argparse.ArgumentParser, shell: str) -> str:
    """The completion script for ``shell``, from the parser itself."""
    import shtab

    return str(shtab.complete(parser, shell=shell))
