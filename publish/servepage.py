"""The script ``publish serve`` adds to each page it serves: reload on a new build, show errors.

The page knows the build version it was read at, so a build that finishes between the page load
and its first poll still reloads it. A failed build's problems are shown over the page (as
text, never as markup) until a good build replaces them. Nothing of this is written to
``build/``: the script exists only in what the development server sends.
"""

from __future__ import annotations

RELOAD = """<script>
(() => {{ const built = {version}; let shown = null; const check = async () => {{
  try {{ const s = await (await fetch("/__publish/state", {{cache: "no-store"}})).json();
    if (s.version !== built) {{ location.reload(); return; }}
    if (s.errors.length && !shown) {{
      shown = document.createElement("pre"); shown.id = "publish-build-error";
      shown.setAttribute("role", "alert");
      shown.style.cssText = "position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;" +
        "margin:0;padding:1em;background:#300;color:#fdd;font:14px/1.5 monospace;" +
        "white-space:pre-wrap;z-index:99999";
      document.body.append(shown);
    }}
    if (shown) {{ shown.hidden = !s.errors.length;
      shown.textContent = "Build failed; the page shows the last good build.\\n\\n" +
        s.errors.join("\\n"); }}
  }} catch (e) {{}} }};
  check(); setInterval(check, 1000); }})();
</script>"""


def with_reload(page: bytes, version: int) -> bytes:
    """``page`` with the script before ``</body>``, knowing it was read at build ``version``."""
    script = RELOAD.format(version=version).encode()
    return page.replace(b"</body>", script + b"\n</body>", 1)
