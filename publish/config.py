"""``publish.toml``: the project's settings, their defaults and their validation.

Validation reports every problem at once, each with the file and line; unknown keys are
warnings (``--strict`` makes them fail), wrong types and values are errors.
"""

from __future__ import annotations

import logging
import re
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from publish import formatlist
from publish.errors import ConfigError, brief
from publish.limits import DEFAULT as DEFAULT_LIMITS
from publish.limits import Limits
from publish.model import CleanSettings

log = logging.getLogger(__name__)

CONFIG_NAME = "publish.toml"
KNOWN_FORMATS = formatlist.NAMES


@dataclass(frozen=True)
class Config:
    """Project settings. Every field has a default, so ``publish.toml`` is optional."""

    root: Path
    #: Title of the collection (site title, EPUB publisher line).
    title: str = "publish"
    #: Default author of documents whose front matter names none.
    author: str = ""
    #: Default language of documents (BCP 47); ``zh-CN`` selects Simplified Chinese glyphs.
    language: str = "zh-CN"
    #: Theme name, looked up in ``themes/`` of the project, then the built-in themes.
    theme: str = "default"
    #: Formats ``publish build`` writes when ``--format`` is not given.
    formats: tuple[str, ...] = KNOWN_FORMATS
    #: Folder holding the Markdown sources, relative to the project root.
    content: str = "content"
    #: Publisher named in EPUB and PDF metadata.
    publisher: str = ""
    #: Where the site will be served from (absolute URL): sitemap, feed and Open Graph need it.
    url: str = "http://localhost:8000/"
    #: Let raw HTML in sources through. Off: scraped text can carry scripts, so it is escaped.
    allow_html: bool = False
    #: PDF variant, one of :data:`publish.formats.pdfvariants.VARIANTS`: ``pdf/a-3u``
    #: (archival: PDF/A-3u, tagged, PDF/UA-1, sources embedded), ``pdf/a-3b``, ``pdf/a-2u``,
    #: ``pdf/a-2b``, ``pdf/ua-1`` or ``plain``.
    pdf_variant: str = "pdf/a-3u"
    #: Embed the theme's CJK faces in the EPUB, subset to the characters used.
    epub_embed_fonts: bool = False
    #: List the bold run-in heads in the EPUB's table of contents, under their headings.
    epub_toc_run_in: bool = False
    #: ``[clean]``: the threshold for structural edits, passes enabled and disabled.
    clean: CleanSettings = field(default_factory=CleanSettings)
    #: ``[limits]``: sizes, counts and depths no document may pass (:mod:`publish.limits`).
    limits: Limits = DEFAULT_LIMITS
    #: ``[build] allow_remote``: let the site and EPUB refer to images on other servers (a
    #: build still fetches nothing); off: remote images are left out, with a warning.
    allow_remote: bool = False
    #: ``[build] jobs``: worker processes for the per-document stages (0: one per core).
    jobs: int = 0
    #: ``[build] executor``: ``local`` (a process pool) or ``dask`` (see :mod:`publish.executors`).
    executor: str = "local"
    #: ``[build] scheduler``: the Dask scheduler's address, ``tcp://host:port``.
    scheduler: str = ""
    #: ``[build] cache_dir``: the build cache, relative to the project ("": ``build/.cache``).
    cache_dir: str = ""

    @property
    def content_dir(self) -> Path:
        return self.root / self.content

    @property
    def base_url(self) -> str:
        """``url`` ending in ``/``: a page's address is ``base_url + path``."""
        return self.url if self.url.endswith("/") else self.url + "/"


_STRING_KEYS = ("title", "author", "language", "theme", "content", "publisher", "url")
_TOP_KEYS = {*_STRING_KEYS, "formats", "markdown", "pdf", "epub", "clean", "limits", "build"}


def _line_of(text: str, key: str) -> int:
    """The 1-based line where ``key =`` first appears, or 0 when it cannot be found."""
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=", re.MULTILINE)
    match = pattern.search(text)
    return text.count("\n", 0, match.start()) + 1 if match else 0


def load_config(root: Path) -> Config:
    """Read ``root/publish.toml`` (if present) and return validated settings."""
    path = root / CONFIG_NAME
    if not path.is_file():
        return Config(root=root)
    try:
        text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except UnicodeDecodeError:
        raise ConfigError(f"{CONFIG_NAME}: not UTF-8; save it as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{CONFIG_NAME}: invalid TOML: {exc}; fix the syntax there") from None
    return _validate(root, path, text, data)


class _Flags:
    """The true-or-false keys of a table of ``publish.toml``: checked, and put in ``values``."""

    def __init__(
        self,
        data: dict[str, object],
        where: Callable[[str], str],
        values: dict[str, object],
        errors: list[str],
        warnings: list[str],
    ) -> None:
        self.data, self.where, self.values = data, where, values
        self.errors, self.warnings = errors, warnings

    def table(self, name: str, keys: tuple[str, ...], prefix: str = "") -> None:
        section = self.data.get(name, {})
        if not isinstance(section, dict):
            self.errors.append(f"{self.where(name)}: [{name}] must be a table")
            return
        for key in sorted(set(section) - set(keys)):
            self.warnings.append(
                f"{self.where(key)}: unknown key {name}.{key}; known: {', '.join(keys)}"
            )
        for key in keys:
            if key in section and isinstance(section[key], bool):
                self.values[prefix + key] = section[key]
            elif key in section:
                self.errors.append(f"{self.where(key)}: {name}.{key} must be true or false")


def _validate(root: Path, path: Path, text: str, data: dict[str, object]) -> Config:
    errors: list[str] = []
    warnings: list[str] = []
    values: dict[str, object] = {}

    def where(key: str) -> str:
        line = _line_of(text, key)
        return f"{CONFIG_NAME}:{line}" if line else CONFIG_NAME

    for key in sorted(set(data) - _TOP_KEYS):
        warnings.append(
            f"{where(key)}: unknown key {key!r}; known keys: {', '.join(sorted(_TOP_KEYS))}"
        )
    for key in _STRING_KEYS:
        if key in data:
            value = data[key]
            if isinstance(value, str) and value.strip():
                values[key] = value.strip()
            else:
                errors.append(f"{where(key)}: {key} must be a non-empty string, got {brief(value)}")
    if "formats" in data:
        formats = data["formats"]
        if (
            not isinstance(formats, list)
            or not formats
            or not all(isinstance(f, str) and f in KNOWN_FORMATS for f in formats)
        ):
            errors.append(
                f"{where('formats')}: formats must be a list drawn from "
                f"{', '.join(KNOWN_FORMATS)}, got {brief(formats)}"
            )
        else:
            values["formats"] = formatlist.ordered(formats)
    flags = _Flags(data, where, values, errors, warnings)
    flags.table("markdown", ("allow_html",))
    pdf = data.get("pdf", {})
    if not isinstance(pdf, dict):
        errors.append(f"{where('pdf')}: [pdf] must be a table")
    else:
        for key in sorted(set(pdf) - {"variant"}):
            warnings.append(f"{where(key)}: unknown key pdf.{key}; known: variant")
        if "variant" in pdf:
            from publish.formats.pdfvariants import VARIANTS as PDF_VARIANTS

            if isinstance(pdf["variant"], str) and pdf["variant"] in PDF_VARIANTS:
                values["pdf_variant"] = pdf["variant"]
            else:
                errors.append(
                    f"{where('variant')}: pdf.variant {brief(pdf['variant'])} is not one of "
                    + ", ".join(PDF_VARIANTS)
                )
    flags.table("epub", ("embed_fonts", "toc_run_in"), prefix="epub_")
    if "limits" in data:
        from publish.limits import parse as parse_limits

        values["limits"], limit_errors, limit_warnings = parse_limits(data["limits"], where)
        errors.extend(limit_errors)
        warnings.extend(limit_warnings)
    if "build" in data:
        from publish.buildsettings import parse as parse_build

        found, build_errors, build_warnings = parse_build(data["build"], where)
        values.update(found)
        errors.extend(build_errors)
        warnings.extend(build_warnings)
    if "clean" in data:
        from publish.clean.settings import PROJECT_KEYS, parse

        clean, clean_errors, clean_warnings = parse(
            data["clean"], where, CleanSettings(), PROJECT_KEYS
        )
        values["clean"] = clean
        errors.extend(clean_errors)
        warnings.extend(clean_warnings)
    if errors:
        raise ConfigError(*errors)
    for warning in warnings:
        log.warning("%s", warning)
    return Config(root=root, **values)  # type: ignore[arg-type]
