"""Command-line interface: ``publish init | build | clean | check | archive | serve | themes |
completion``.

User errors print ``category: problem`` lines and exit 1, without a traceback; ``--strict``
turns warnings into errors. Global options go before or after the command. Run
``publish COMMAND --help`` for the options.
"""

from __future__ import annotations

import _thread
import argparse
import logging
import os
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from publish import __version__, archiveargs, cleanargs, cliparse, formatlist, formats, logs, quick
from publish.buildoptions import BuildOptions
from publish.buildsettings import EXECUTORS
from publish.config import Config, load_config
from publish.errors import ConfigError, PublishError
from publish.formats.pdfvariants import VARIANTS as PDF_VARIANTS
from publish.formats.pdfvariants import described as described_variants

if TYPE_CHECKING:
    from sys import UnraisableHookArgs

log = logging.getLogger("publish")


def _formats_arg(text: str) -> tuple[str, ...]:
    try:
        return formats.parse_formats(text)
    except ConfigError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _port(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"a port is a number from 1 to 65535, got {text!r}")
    return int(text)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"-j takes a whole number of 1 or more, got {text!r}")
    return int(text)


def _parser() -> argparse.ArgumentParser:
    parser = cliparse.Parser(
        prog="publish", description="Republish messy newspaper Markdown as PDF, EPUB and HTML."
    )
    parser.add_argument("--version", action="version", version=f"publish {__version__}")
    cliparse.add_global_options(parser)
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=cliparse.Parser
    )

    b = commands.add_parser("build", help="build PDF, EPUB and site from Markdown sources")
    cliparse.add_sources(b)
    b.add_argument(
        "--format",
        dest="formats",
        type=_formats_arg,
        default=(),
        help=f"comma-separated: {','.join(formatlist.NAMES)} (default: publish.toml's formats)",
    )
    b.add_argument("--theme", default="", help="theme name (default: publish.toml's theme)")
    b.add_argument("--out", type=Path, help="output folder (default: build/)")
    b.add_argument("--strict", action="store_true", help="fail on any warning")
    b.add_argument(
        "--pdf-variant",
        choices=tuple(PDF_VARIANTS),
        default="",
        metavar="VARIANT",
        help=f"{described_variants()} (default: publish.toml's pdf.variant, else "
        f"{Config.pdf_variant})",
    )
    b.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=0,
        metavar="N",
        help="worker processes for the per-document stages (default: [build] jobs, else one "
        "per core)",
    )
    b.add_argument(
        "--no-cache",
        action="store_true",
        help="build without the build cache, and remove it (build/.cache or [build] cache_dir)",
    )
    b.add_argument(
        "--executor",
        choices=EXECUTORS,
        default="",
        help="where the per-document stages run: local processes, or a Dask cluster "
        "(default: [build] executor, else local)",
    )
    b.add_argument(
        "--scheduler",
        default="",
        metavar="ADDRESS",
        help="the Dask scheduler, tcp://HOST:PORT (default: [build] scheduler, else a local "
        "cluster)",
    )

    cleaner = commands.add_parser("clean", help="clean Markdown: print, diff, check or rewrite")
    cleanargs.add_arguments(cleaner)

    c = commands.add_parser(
        "check",
        help="run the validators over a build folder",
        description="Run the six validators over what publish build wrote: EPUBCheck and Ace "
        "(EPUB), pdffonts and veraPDF (PDF, against each standard it claims), the Nu HTML "
        "checker and a link and anchor check (site). Missing tools are all reported first, "
        "with the lines that install them; problems are traced to the source file and line "
        "where they can be, and one problem found by several validators is said once.",
    )
    c.add_argument("out", nargs="?", type=Path, help="build folder (default: build/)")
    c.add_argument(
        "-j", "--jobs", type=int, default=0, metavar="N",
        help="validators run at a time (default: the number of cores)",
    )  # fmt: skip

    a = commands.add_parser(
        "archive", help="one BagIt bag of the collection; --verify BAG checks a bag"
    )
    archiveargs.add_arguments(a)

    s = commands.add_parser("serve", help="serve the site, rebuild on change, reload pages")
    s.add_argument("--host", default="127.0.0.1", help="address to listen on (127.0.0.1)")
    s.add_argument("--port", type=_port, default=8000, help="port (8000)")
    s.add_argument(
        "--strict-port",
        action="store_true",
        help="fail when the port is in use (default: take the next free one)",
    )
    s.add_argument("--out", type=Path, help="output folder (default: build/)")

    themes = commands.add_parser("themes", help="list the themes available to this project")
    themes.add_argument(
        "--variables",
        nargs="?",
        const="default",
        metavar="THEME",
        help="list a theme's variables: kind or allowed words, value, what each does",
    )
    start = commands.add_parser(
        "init",
        help="start a project: publish.toml, example documents, a theme to edit",
        description="Write a new project into DIR (default: .): publish.toml with every key "
        "commented, content/ with a Chinese and an English example, themes/mine/ and a "
        ".gitignore. Nothing is overwritten.",
    )
    start.add_argument("folder", nargs="?", type=Path, default=Path("."), metavar="DIR")
    themed = commands.add_parser("theme", help="theme new NAME: a theme of this project")
    actions = themed.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = actions.add_parser("new", help="themes/NAME/ extending a theme (default: default)")
    new.add_argument("name")
    new.add_argument("--extends", default="default", metavar="THEME")
    shell = commands.add_parser(
        "completion",
        help="print a shell completion script",
        description="Print the completion script for a shell; for bash: "
        "publish completion bash > ~/.local/share/bash-completion/completions/publish",
    )
    shell.add_argument("shell", choices=cliparse.SHELLS)
    for command in commands.choices.values():
        cliparse.add_global_options(command, after=True)
    return parser


def _run(args: argparse.Namespace, counter: logs.WarningCounter) -> int:
    if args.command == "completion":
        print(cliparse.completion(_parser(), args.shell), end="")
        return 0
    if args.command == "init":
        from publish.init import init

        init(args.project / args.folder)
        return 0
    if args.command == "theme":
        from publish.init import new_theme

        new_theme(cliparse.project_folder(args.project), args.name, args.extends)
        return 0
    root = cliparse.project_folder(args.project)
    if args.command == "themes":
        return _themes(args, root)
    if args.command == "serve":
        from publish.serve import serve

        serve(root, BuildOptions(out=args.out), args.host, args.port, args.strict_port)
        return 0
    if args.command == "clean":
        from publish import cleancmd

        return cleancmd.run(args, root)
    if args.command == "archive":
        from publish.archive import command

        return command.run(args, root, counter)
    if args.command == "check":
        return _check(args, root)
    return _build(args, root, counter)


def _themes(args: argparse.Namespace, root: Path) -> int:
    from publish import theme

    if args.variables:
        from publish.themevars import listing

        print(listing(theme.load_theme(args.variables, root).variables), end="")
        return 0
    for name in theme.available(root):
        print(name)
    return 0


def _check(args: argparse.Namespace, root: Path) -> int:
    from publish.check import check_build

    problems = check_build(args.out or root / "build", root, args.jobs or None)
    for problem in problems:
        print(f"check: {problem}", file=sys.stderr)
    log.info("check: %d problem(s)", len(problems))
    return 1 if problems else 0


def _build(args: argparse.Namespace, root: Path, counter: logs.WarningCounter) -> int:
    """A build; one with nothing to do is known before the build's stages are imported
    (:mod:`publish.quick`)."""
    config = load_config(root)
    options = BuildOptions(
        tuple(args.sources),
        args.formats,
        args.theme,
        args.out,
        args.strict,
        args.pdf_variant,
        jobs=args.jobs,
        executor=args.executor,
        scheduler=args.scheduler,
        cache="clear" if args.no_cache else "use",
    )
    out = quick.unchanged(config, options)
    if out is not None:
        log.info(
            "Nothing changed since the last build into %s (no file it read was touched): its "
            "outputs are as it left them",
            out,
        )
        log.info("Done: 0 file(s) written")
        return 0
    from publish.build import build

    written = build(config, options, counter)
    log.info("Done: %d file(s) written", len(written))
    return 0


def _interrupt_again(unraisable: UnraisableHookArgs) -> None:
    """Ctrl-C that lands in a finaliser (a ``__del__``, which cannot raise it) is raised again
    where it can be, as the signal would: Python would print it as an ignored exception, a
    traceback, and the build would go on. (From a thread a moment later: raised at once, it
    would land in this hook, which cannot raise it either; one landing in a finaliser again
    comes back here.)"""
    if isinstance(unraisable.exc_value, KeyboardInterrupt):
        threading.Timer(0.01, _thread.interrupt_main).start()
        return
    sys.__unraisablehook__(unraisable)


def main(argv: Sequence[str] | None = None) -> int:
    sys.unraisablehook = _interrupt_again
    args = _parser().parse_args(argv)
    counter = logs.setup(-1 if args.quiet else args.verbose)
    try:
        return _run(args, counter)
    except PublishError as exc:
        for problem in exc.problems:
            print(f"{exc.category}: {problem}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # e.g. `publish clean --diff … | head`
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except KeyboardInterrupt:
        print("interrupted; nothing was left half-written", file=sys.stderr)
        return 130
    except Exception as exc:  # a bug: one line, unless --debug asks for the traceback
        if args.debug:
            raise
        print(
            f"error: internal error: {type(exc).__name__}: {str(exc)[:300]}; run again with "
            "--debug to see where, and report it",
            file=sys.stderr,
        )
        return 1
