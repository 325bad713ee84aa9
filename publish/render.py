"""Render stage: a :class:`~publish.model.Document` and a theme -> HTML and CSS.

One Jinja2 environment per build, autoescaping on, templates found child theme first. The
stylesheet of a format is the theme's variables as CSS custom properties (the
``variables.css`` template) followed by the theme's static CSS files for that format, so PDF,
EPUB and site share one design.
"""

from __future__ import annotations

import functools
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from publish import __version__
from publish.config import Config
from publish.diffmarks import changed_marks
from publish.discover import display
from publish.errors import ThemeError
from publish.labels import local_date
from publish.suggestlist import folded
from publish.theme import Theme
from publish.themeloader import ThemeEnvironment
from publish.themevars import with_dark_colours
from publish.typesetting import root_classes

log = logging.getLogger(__name__)

#: Static stylesheets per format, in cascade order; ``custom.css`` of any theme comes last.
STYLESHEETS: dict[str, tuple[str, ...]] = {
    "pdf": ("base.css", "print.css"),
    "epub": ("base.css", "screen.css", "epub.css"),
    "html": ("base.css", "screen.css", "site.css"),
}


@dataclass
class Renderer:
    theme: Theme
    config: Config

    def __post_init__(self) -> None:
        self.env = ThemeEnvironment(
            [(f.name, f / "templates") for f in self.theme.folders if (f / "templates").is_dir()],
            autoescape=jinja2.select_autoescape(("html", "xhtml", "xml"), default=False),
            undefined=jinja2.StrictUndefined,
            keep_trailing_newline=True,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.globals["publish_version"] = __version__  # (the PDF's creator tool)
        self.env.filters["local_date"] = local_date  # {{ doc.meta.date | local_date(lang) }}
        self.env.filters["changed_marks"] = changed_marks  # the change-log page's <mark>s
        self.env.filters["folded"] = folded  # its suggestions, many alike folded (as --suggest)
        # <body class="{{ page_class(lang) }}"> (and the EPUB's chapter <section>, as ebooklib
        # keeps no <body> attributes): what the theme's CSS keys on
        self.env.globals["page_class"] = functools.partial(root_classes, self.theme.variables)
        self._warned: set[str] = set()
        self._css: dict[str, str] = {}
        self._sheets: dict[str, str] = {}
        #: What a format sets up once and shares between documents (the PDF's fonts).
        self.prepared: dict[str, object] = {}
        #: The font files the PDF stylesheet loads (``file:`` URLs): all the PDF may read
        #: besides the documents' images.
        self.font_urls: frozenset[str] = frozenset()

    def render(self, template: str, **context: Any) -> str:
        try:
            return self.env.render(template, {"site": self.config, "theme": self.theme, **context})
        except jinja2.TemplateNotFound as exc:
            raise ThemeError(
                f"template {exc.name!r} not found in theme {self.theme.name!r} "
                f"(looked in {', '.join(str(p) for p in self.theme.template_dirs)})"
            ) from None
        except jinja2.TemplateSyntaxError as exc:
            where = display(Path(exc.filename or template), self.config.root)
            raise ThemeError(f"{where}:{exc.lineno}: template error: {exc.message}") from None
        except jinja2.UndefinedError as exc:
            raise ThemeError(
                f"{self._where(template, exc)}: template {template!r} of theme "
                f"{self.theme.name!r}: {exc}; set it in the theme's variables, or test it "
                "with `is defined`"
            ) from None
        except RecursionError:
            raise ThemeError(
                f"{self._where(template, None)}: the template includes or extends itself; "
                "break the loop"
            ) from None
        except Exception as exc:  # a template's own expression failed (1//0, a bad filter)
            raise ThemeError(
                f"{self._where(template, exc)}: template error: {type(exc).__name__}: "
                f"{str(exc)[:200]}; fix the template"
            ) from None

    def _where(self, template: str, exc: BaseException | None) -> str:
        """file:line of the template frame the error came from (Jinja keeps it)."""
        folders = [str(p.resolve()) for p in self.theme.template_dirs]
        tb = exc.__traceback__ if exc is not None else None
        found = ""
        while tb is not None:
            name = tb.tb_frame.f_code.co_filename
            if any(name.startswith(folder) for folder in folders):
                found = f"{display(Path(name), self.config.root)}:{tb.tb_lineno}"
            tb = tb.tb_next
        if found:
            return found
        path = next(d / template for d in self.theme.template_dirs if (d / template).is_file())
        return display(path, self.config.root)

    def check(self) -> None:
        """Every template of the theme compiles and every stylesheet reads, before any output
        is written."""
        for name in self.env.own_templates():
            try:
                self.env.get_template(name)
            except jinja2.TemplateSyntaxError as exc:
                where = display(Path(exc.filename or name), self.config.root)
                raise ThemeError(f"{where}:{exc.lineno}: template error: {exc.message}") from None
        for fmt in STYLESHEETS:
            self.static_css(fmt)

    def _font_faces(self) -> str:
        from publish.fontfiles import for_pdf

        rules = []
        for face in self.theme.fonts:
            path = next((Path(p) for p in face.src if Path(p).is_file()), None)
            if path is None:
                if face.family not in self._warned:
                    self._warned.add(face.family)
                    log.warning(
                        "theme %s: font %r not found (%s); install %s; using the next font "
                        "of the stack instead",
                        self.theme.name,
                        face.family,
                        ", ".join(face.src),
                        face.package or "it",
                    )
                continue
            url = for_pdf(path).resolve().as_uri()
            self.font_urls |= {url}
            limit = f"unicode-range: {face.unicode_range}; " if face.unicode_range else ""
            rules.append(
                f'@font-face {{ font-family: "{face.family}"; font-weight: {face.weight}; '
                f'font-style: {face.style}; {limit}src: url("{url}"); }}'
            )
        return "\n".join(rules)

    def stylesheet(self, fmt: str) -> str:
        """The stylesheet of ``fmt``: the theme's variables, then its static sheets (made once
        a build: every page of the site names it)."""
        if fmt not in self._sheets:
            self._sheets[fmt] = self._stylesheet(fmt)
        return self._sheets[fmt]

    def _stylesheet(self, fmt: str) -> str:
        values = with_dark_colours(self.theme.variables)
        variables = {name.replace("_", "-"): value for name, value in values.items()}
        # [[fonts]] faces are files on this machine: the PDF embeds them; a site or an EPUB
        # pointing at file:/usr/share/... would be broken anywhere else, so they use the next
        # fonts of the stack (the EPUB can embed its own: [epub] embed_fonts).
        faces = self._font_faces() if fmt == "pdf" else ""
        parts = [faces, self.render("variables.css", variables=variables, format=fmt)]
        return "\n".join([*parts, self.static_css(fmt)])

    def static_css(self, fmt: str) -> str:
        """The theme's static stylesheets for ``fmt``, in cascade order (read once: by
        :meth:`check`, before any output)."""
        if fmt not in self._css:
            self._css[fmt] = self._read_css(fmt)
        return self._css[fmt]

    def _read_css(self, fmt: str) -> str:
        parts = []
        extra = [name for sheet_fmt, name in self.theme.stylesheets if sheet_fmt in ("all", fmt)]
        for name in (*STYLESHEETS[fmt], *extra, "custom.css"):
            path = self.theme.static_file(name)
            if path is None:
                if name != "custom.css":
                    raise ThemeError(f"theme {self.theme.name!r} has no static/{name}")
                continue
            try:
                text = path.read_text("utf-8")
            except UnicodeDecodeError:
                raise ThemeError(
                    f"{display(path, self.config.root)}: not UTF-8; save the stylesheet as UTF-8"
                ) from None
            parts.append(f"/* {self.theme.name}: {name} */\n" + text)
        return "\n".join(parts)
