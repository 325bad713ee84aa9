"""Large outputs: written and cached beside the build's own work, and a long document's page
read by the search indexer without the end it ignores; the bytes always those of the plain
way."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from conftest import MakeProject, run_cli
from publish import fsutil
from publish.build import BuildOptions, build
from publish.cache.store import Store
from publish.config import load_config
from publish.formats import search
from publish.formats.indexer import Indexer

SEED = Path(__file__).resolve().parent.parent / "content" / "daixian-work-report.md"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".cache" not in p.relative_to(folder).parts
    }


def test_a_large_change_log_is_cached_beside_the_build(make_project: MakeProject) -> None:
    """A scraped source of 1.5 MB: its change log (some 5 MB) and its page are hashed and
    copied into the cache by a thread beside the build; the next build takes them from it,
    and every byte is that of a build without the cache."""
    body = SEED.read_text("utf-8").split("---\n", 2)[2]
    root = make_project(
        {
            "content/big.md": "# 大\n\n" + "\n\n".join([body] * (1_500_000 // len(body.encode()))),
            "content/small.md": "# Small\n\nA short one.\n",
            "publish.toml": "[limits]\nheadings = 100000\n",
        }
    )
    env = {"SOURCE_DATE_EPOCH": "1735689600"}
    assert run_cli(["-q", "build", "--format", "html"], root, env).returncode == 0
    log = root / "build" / "clean" / "big.changes.json"
    assert log.stat().st_size > 4 << 20  # (a file put beside the build)
    (root / "content" / "small.md").write_text("# Small\n\nEdited.\n", encoding="utf-8")
    again = run_cli(["build", "--format", "html"], root, env)
    assert "1 of 2 document(s) from the cache" in again.stderr, again.stderr
    cached = _tree(root / "build")
    assert run_cli(["-q", "build", "--format", "html", "--no-cache"], root, env).returncode == 0
    assert cached == _tree(root / "build")


def test_a_file_put_beside_that_fails_fails_the_block(tmp_path: Path) -> None:
    store = Store(tmp_path / "cache")
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / "objects").write_text("not a folder", encoding="utf-8")
    with pytest.raises(OSError), store.writing():
        store.put("k" * 64, [("a.bin", b"x" * (5 << 20))])
    with pytest.raises(KeyError), store.writing():  # (the block's own failure is the one told)
        store.put("k" * 64, [("a.bin", b"y" * (5 << 20))])
        raise KeyError("the block's")
    with store.writing(), pytest.raises(OSError):  # (a small file is put at once)
        store.put("k" * 64, [("a.bin", b"small")])


def test_a_long_text_written_in_parts_is_every_part(tmp_path: Path) -> None:
    parts = [f"{n:08d} 第{n}段\n" * 5000 for n in range(60)]  # (some 7 MB: a thread writes)
    fsutil.write_parts(tmp_path / "out.txt", iter(parts))
    assert (tmp_path / "out.txt").read_text("utf-8") == "".join(parts)


def test_a_long_text_is_written_whole(tmp_path: Path) -> None:
    text = ("第一段𠀀 a line\n" * 200_000)[:-3]  # (2.8 million characters: in pieces)
    fsutil.write_text(tmp_path / "long.md", text)
    assert (tmp_path / "long.md").read_bytes() == text.encode("utf-8")


class _Full:
    def write(self, data: bytes) -> int:
        raise OSError(28, "No space left on device")


def test_a_failed_write_in_the_thread_is_raised() -> None:
    def parts() -> Iterator[str]:
        yield from ("x" * 1000 for _ in range(100))

    with pytest.raises(OSError, match="No space"):
        fsutil._beside(_Full(), parts())  # type: ignore[arg-type]


@pytest.fixture
def long_site(make_project: MakeProject, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A site with a document over ``limits.search_chars``, headings in its ignored end."""
    section = "## 第{0}节\n\n第{0}节的文字，足够长的一句话。TAIL{0}\n\n"
    sections = "".join(section.format(n) for n in range(40))

    root = make_project(
        {
            "content/long.md": "# 长文\n\n开头的一段话。\n\n" + sections,
            "content/short.md": "# 短文\n\n一段话。\n",
            "publish.toml": "[limits]\nsearch_chars = 100\n",
        }
    )
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1735689600")
    return root


def test_pagefind_reads_a_long_page_without_its_ignored_end(
    long_site: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """The build gives Pagefind the long page without the end it ignores, and the index is
    byte for byte the one Pagefind makes of the whole page."""
    read: dict[str, str] = {}
    real = search.index

    def index(indexer: Indexer, pages: Iterable[tuple[str, str]], output: Path) -> None:
        def seen() -> Iterator[tuple[str, str]]:
            for slug, text in pages:
                read[slug] = text
                yield slug, text

        real(indexer, seen(), output)

    monkeypatch.setattr(search, "index", index)
    build(load_config(long_site), BuildOptions(formats=("html",), cache="skip", jobs=1))
    site = long_site / "build" / "site"
    page = (site / "long" / "index.html").read_text("utf-8")
    assert "TAIL39" in page and sorted(read) == ["long", "short"]
    assert read["short"] == (site / "short" / "index.html").read_text("utf-8")
    start = page.index("<div data-pagefind-ignore>") + len("<div data-pagefind-ignore>")
    assert read["long"] == page[:start] + page[page.index("</div>", page.index("TAIL39")) :]
    assert "TAIL39" not in read["long"]
    whole = [(slug, (site / slug / "index.html").read_text("utf-8")) for slug in ("long", "short")]
    real(Indexer("zh-CN"), whole, tmp_path / "whole")  # (the whole pages)
    assert _tree(tmp_path / "whole") == _tree(site / "pagefind")


def test_a_page_is_read_whole_unless_its_end_is_all_ignored() -> None:
    body = "<p>kept</p><h2 id='a'>A</h2><p>end</p>"
    page = f"<main><div>{body[:11]}<div data-pagefind-ignore>{body[11:]}</div></div></main>"
    assert search.without_ignored(page, body, 11) == (
        "<main><div><p>kept</p><div data-pagefind-ignore></div></div></main>"
    )
    assert search.without_ignored(page.replace(" data-pagefind-ignore", ""), body, 11) is None
    marked = body.replace("<p>end", "<p data-pagefind-filter='x'>end")
    page = f"<div data-pagefind-ignore>{marked[11:]}</div>"
    assert search.without_ignored(page, marked, 11) is None  # (Pagefind reads filters there)
    page = f"<div data-pagefind-ignore>{body[11:].upper()}</div>"  # (not the end as it is)
    assert search.without_ignored(page, body, 11) is None
