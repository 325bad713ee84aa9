"""``publish serve``: the site on localhost, rebuilt when a source changes, pages reloaded.

A watcher polls the modification times of the content folder, the project's themes and
``publish.toml``; on a change it rebuilds the site (HTML only: PDF and EPUB are left to
``publish build``) and bumps a version number. Each page is served with a small script that
knows the version the page was read at and asks ``/__publish/state`` once a second: it reloads
the page when the version moved on (so a save made just after a page load is never missed), and
shows a failed build's errors over the page until the next good build. The script is added as
pages are served; nothing of it is written to ``build/``. A busy port moves on to the next free
one, and says so. Each rebuild uses the build cache (:mod:`publish.cache`): only the changed
documents are cleaned and parsed again, only the pages whose document or neighbours changed are
rendered again, and Pagefind runs only when a page it reads changed.
"""

from __future__ import annotations

import dataclasses
import errno
import functools
import http.server
import json
import logging
import threading
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from publish.build import BuildOptions, build
from publish.config import CONFIG_NAME, Config, load_config
from publish.errors import PublishError, ServeError
from publish.servepage import with_reload

log = logging.getLogger(__name__)

PORTS_TRIED = 20  # a busy port moves on to the next one, this many times at most


class Site:
    """The served folder, its version, and the watcher that rebuilds it."""

    def __init__(self, root: Path, options: BuildOptions, interval: float = 0.5) -> None:
        self.root, self.interval, self.version = root, interval, 0
        self.errors: list[str] = []  # the last build's problems; empty after a good build
        self.options = dataclasses.replace(options, formats=("html",), bars=False)
        self.config: Config = load_config(root)
        self.folder = (options.out or root / "build") / "site"
        self._seen = self._snapshot()

    def _snapshot(self) -> dict[Path, tuple[int, int]]:
        config = self.root / CONFIG_NAME
        watched = [config] if config.is_file() else []
        for folder in (self.config.content_dir, self.root / "themes"):
            if folder.is_dir():
                watched += [p for p in folder.rglob("*") if p.is_file()]
        snapshot = {}
        for path in watched:  # size too: two saves within one clock tick differ in it
            try:
                stat = path.stat()
            except OSError:  # removed while we looked: the next look sees it gone
                continue
            snapshot[path] = (stat.st_mtime_ns, stat.st_size)
        return snapshot

    def state(self) -> bytes:
        """What the served pages poll: the version and the last build's errors, as JSON."""
        return json.dumps({"version": self.version, "errors": self.errors}).encode()

    def rebuild(self) -> None:
        try:
            self.config = load_config(self.root)
            build(self.config, self.options)
            self.errors = []
            self.version += 1
            log.info("rebuilt (version %d)", self.version)
        except PublishError as exc:
            self.errors = [f"{exc.category}: {problem}" for problem in exc.problems]
            for problem in self.errors:
                log.error("%s", problem)

    def watch(self, stop: threading.Event) -> None:
        while not stop.wait(self.interval):
            current = self._snapshot()
            if current != self._seen:
                self._seen = current
                self.rebuild()


def _handler(site: Site) -> Any:
    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:
            log.debug(format, *args)

        def do_GET(self) -> None:
            if self.path.startswith("/__publish/state"):
                self._send(site.state(), "application/json")
                return
            path = self._checked()
            if path is not None and path.suffix == ".html" and path.is_file():
                version = site.version  # taken before the page is read: never newer than it
                page = with_reload(path.read_bytes(), version)
                self._send(page, "text/html; charset=utf-8")
            elif path is not None:
                super().do_GET()

        def do_HEAD(self) -> None:
            if self._checked() is not None:
                super().do_HEAD()

        def _checked(self) -> Path | None:
            """The file a request names, inside the site (links resolved); None when an error
            was sent: 400 for a NUL byte, 404 for anything else not found there."""
            if "\0" in unquote(self.path) or "%00" in self.path:
                self.send_error(400, "bad path")
                return None
            try:
                path = Path(self.translate_path(self.path))
                path = path / "index.html" if path.is_dir() else path
                if path.exists() and path.resolve().is_relative_to(site.folder.resolve()):
                    return path
            except (OSError, ValueError):  # a name too long, or not one a file can have
                pass
            self.send_error(404, "not found")
            return None

        def list_directory(self, path: Any) -> None:
            self.send_error(404, "not found")  # a folder without index.html is not listed

        def _send(self, body: bytes, kind: str) -> None:
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

    return functools.partial(Handler, directory=str(site.folder))


def _listen(site: Site, host: str, port: int, tries: int) -> http.server.ThreadingHTTPServer:
    """A server on ``port``, or on the next free one of ``tries`` when it is busy (said)."""
    for tried in range(port, min(port + tries, 65536)):
        try:
            httpd = http.server.ThreadingHTTPServer((host, tried), _handler(site))
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                continue
            raise ServeError(
                f"cannot listen on {host}:{tried}: {exc.strerror}; check --host"
            ) from None
        if tried != port:
            log.warning("port %d on %s is in use; serving on port %d instead", port, host, tried)
        return httpd
    if tries == 1:
        raise ServeError(
            f"port {port} on {host} is in use; choose another with --port, or stop the "
            "program using it (without --strict-port the next free port is taken)"
        )
    raise ServeError(
        f"ports {port} to {tried} on {host} are all in use; choose another with --port"
    )


def serve(
    root: Path,
    options: BuildOptions,
    host: str = "127.0.0.1",
    port: int = 8000,
    strict_port: bool = False,
) -> None:
    site = Site(root, options)
    httpd = _listen(
        site, host, port, 1 if strict_port else PORTS_TRIED
    )  # the port first: a busy one is said before any building
    port = httpd.server_address[1]
    site.rebuild()
    stop = threading.Event()
    watcher = threading.Thread(target=site.watch, args=(stop,), daemon=True)
    watcher.start()
    log.info("Serving %s at http://%s:%d/ (Ctrl-C to stop)", site.folder, host, port)
    try:
        httpd.serve_forever()
    finally:
        stop.set()
        httpd.server_close()
