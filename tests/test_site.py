"""The static site, checked by real tools: the Nu HTML Checker, a link check, Pagefind search
and axe-core in headless Chromium (Playwright on Debian's chromium), screenshots for review."""

from __future__ import annotations

import functools
import http.server
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from conftest import REPO, build_repo
from publish.check import broken_links, vnu
from publish.formats import search

SEED = "daixian-work-report"
ENGLISH = "harbor-bridge-reopens"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    out = build_repo(tmp_path_factory.mktemp("site"))
    yield out / "site"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path="/usr/bin/chromium",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


def test_site_files(site: Path) -> None:
    for name in (
        "index.html",
        "404.html",
        "robots.txt",
        "sitemap.xml",
        "feed.xml",
        "search/index.html",
        f"{SEED}/index.html",
        f"{SEED}/changes.html",
        f"{SEED}/{SEED}.pdf",
        f"{SEED}/{SEED}.epub",
        "pagefind/pagefind-ui.js",
    ):
        assert (site / name).is_file(), name
    styles = list((site / "static").glob("publish.*.css"))
    assert len(styles) == 1 and len(styles[0].name.split(".")[1]) == 10  # fingerprinted
    urls = [
        e.text for e in ET.parse(site / "sitemap.xml").getroot().iter() if e.tag.endswith("loc")
    ]
    assert f"http://localhost:8000/{SEED}/" in urls
    feed = ET.parse(site / "feed.xml").getroot()
    documents = len(list((REPO / "content").glob("*.md"))) + 1  # and the folder huangjiu-festival
    assert len([e for e in feed if e.tag.endswith("entry")]) == documents
    assert "Sitemap: http://localhost:8000/sitemap.xml" in (site / "robots.txt").read_text()


def test_pages_carry_metadata_navigation_and_provenance(site: Path) -> None:
    page = (site / SEED / "index.html").read_text("utf-8")
    assert '<html lang="zh-CN">' in page and '<a class="skip-link" href="#main">' in page
    for needle in (
        'name="description"',
        'property="og:title"',
        'name="DC.source" content="报纸第2版；上接第1版；下转第3版"',
        f'href="{SEED}.pdf"',
        f'href="{SEED}.epub"',
        'href="changes.html"',
        'rel="next"',
        'href="#run-加快发展数字经济"',
        '<main id="main">',
        "<strong>社会保障更加有力。</strong>",
    ):
        assert needle in page, needle
    english = (site / ENGLISH / "index.html").read_text("utf-8")
    assert '<html lang="en">' in english and 'rel="prev"' in english
    changes = (site / SEED / "changes.html").read_text("utf-8")
    assert "(上接第一版)" in changes and "<del>" in changes
    index = (site / "index.html").read_text("utf-8")
    assert index.index('id="year-2025"') < index.index('id="year-2024"')
    assert "http" not in "".join(
        line for line in page.splitlines() if "src=" in line or "stylesheet" in line
    )  # no external requests


def test_nu_html_checker_finds_no_error(site: Path) -> None:
    assert vnu(site, REPO) == []


def test_no_broken_internal_links_or_anchors(site: Path) -> None:
    assert broken_links(site) == []


def _search(page: Page, server: str, start: str, term: str) -> list[str]:
    page.goto(server + start)
    page.fill("#q", term)
    page.click(".site-search button")
    page.wait_for_url("**/search/index.html?q=*")
    page.wait_for_selector(".pagefind-ui__message", timeout=15_000)
    page.wait_for_function(
        "() => !document.querySelector('.pagefind-ui__message').textContent.includes('…')"
        " && !document.querySelector('.pagefind-ui__message').textContent.includes('...')",
        timeout=15_000,
    )
    # The message counts the results at once; each result's link appears when its fragment
    # has loaded (the first five are shown), so wait for them too.
    page.wait_for_function(
        "() => { const m = document.querySelector('.pagefind-ui__message').textContent"
        ".match(/\\d+/); return document.querySelectorAll('.pagefind-ui__result-link').length"
        " >= Math.min(m ? parseInt(m[0]) : 0, 5); }",
        timeout=15_000,
    )
    return [
        a.get_attribute("href") or "" for a in page.query_selector_all(".pagefind-ui__result-link")
    ]


@pytest.mark.parametrize(
    ("start", "term", "expected"),
    [
        ("index.html", "黄酒", SEED),
        (f"{ENGLISH}/index.html", "黄酒", SEED),  # Chinese found from an English page
        (f"{SEED}/index.html", "bridge", ENGLISH),  # English found from a Chinese page
        ("index.html", "commutes", ENGLISH),
    ],
)
def test_search_finds_documents_in_every_language(
    browser: Browser, server: str, start: str, term: str, expected: str
) -> None:
    page = browser.new_page()
    links = _search(page, server, start, term)
    page.close()
    assert any(f"/{expected}/" in link for link in links), links


def test_search_merges_the_shards_of_the_index(
    browser: Browser, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With two pages a shard, the documents are indexed in three bundles; the search page
    merges them, so a search finds a document of any shard, in either language."""
    monkeypatch.setattr(search, "SHARD_PAGES", 2)
    site = build_repo(tmp_path / "out", formats=("html",), jobs=1) / "site"  # (in this process)
    slugs = sorted(p.parent.name for p in site.glob("*/changes.html"))
    groups = search.shards(slugs)
    assert len(groups) == 3 and [ENGLISH in g for g in groups].index(True) != [
        SEED in g for g in groups
    ].index(True)
    assert sorted(p.parent.name for p in site.glob("pagefind/shard-*/pagefind.js")) == [
        "shard-1",
        "shard-2",
    ]
    fragments = {
        bundle: len(list((site / bundle / "fragment").iterdir()))
        for bundle in ("pagefind", "pagefind/shard-1", "pagefind/shard-2")
    }
    assert list(fragments.values()) == [len(g) for g in groups]  # each page in one bundle
    handler = functools.partial(QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        server = f"http://127.0.0.1:{httpd.server_address[1]}/"
        for start, term, expected in (
            (f"{ENGLISH}/index.html", "黄酒", SEED),
            (f"{SEED}/index.html", "bridge", ENGLISH),
        ):
            page = browser.new_page()
            links = _search(page, server, start, term)
            page.close()
            assert any(f"/{expected}/" in link for link in links), links
    finally:
        httpd.shutdown()


def test_search_thumbnails_load(browser: Browser, server: str) -> None:
    """A document with an image shows it in the results; the image is found (it 404ed)."""
    page = browser.new_page()
    links = _search(page, server, "index.html", "柱状图")
    assert any("/huangjiu-notes/" in link for link in links), links
    page.wait_for_selector(".pagefind-ui__result-image", timeout=15_000)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.pagefind-ui__result-image')].every(i => i.complete)",
        timeout=15_000,
    )
    widths = page.eval_on_selector_all(
        ".pagefind-ui__result-image", "images => images.map(i => i.naturalWidth)"
    )
    page.close()
    assert widths and all(width > 0 for width in widths), widths


def test_search_for_nothing_finds_nothing(browser: Browser, server: str) -> None:
    page = browser.new_page()
    links = _search(page, server, "index.html", "zqxjvwk")
    text = page.inner_text(".pagefind-ui__message")
    page.close()
    assert links == [] and "zqxjvwk" in text


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["index.html", f"{SEED}/index.html", f"{SEED}/changes.html"])
def test_axe_finds_no_serious_violation(
    browser: Browser, server: str, path: str, scheme: str
) -> None:
    page = browser.new_page()
    page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
    page.goto(server + path)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    page.close()
    serious = [
        f"{v['id']}: {v['help']} ({len(v['nodes'])})"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_screenshots_for_review(browser: Browser, server: str) -> None:
    shots = REPO / "build" / "screenshots"
    shots.mkdir(parents=True, exist_ok=True)
    for width in (375, 1280):
        page = browser.new_page(viewport={"width": width, "height": 900})
        for name, path in (
            ("index", "index.html"),
            (SEED, f"{SEED}/index.html"),
            (f"{SEED}-changes", f"{SEED}/changes.html"),
        ):
            page.goto(server + path)
            target = shots / f"site-{name}-{width}.png"
            page.screenshot(path=str(target), full_page=False)
            assert target.stat().st_size > 10_000
            scroll = page.evaluate("document.documentElement.scrollWidth")
            assert scroll <= width, f"horizontal scrolling in {path} at {width}px"
        page.close()


def test_contents_come_first_and_folded_on_phones(browser: Browser, server: str) -> None:
    """Issue 14: on phones the contents sat 12,000 px down, below the article."""
    for width, folded in ((375, True), (1280, False)):
        page = browser.new_page(viewport={"width": width, "height": 900})
        page.goto(server + f"{SEED}/index.html")
        nav, article = page.locator(".sidebar"), page.locator("article.document")
        nav_box, article_box = nav.bounding_box(), article.bounding_box()
        assert nav_box is not None and article_box is not None
        is_open = page.eval_on_selector(".toc-box", "d => d.open")
        assert is_open is not folded
        if folded:
            assert nav_box["y"] + nav_box["height"] < article_box["y"] < 300
            page.click(".toc-box > summary")
            assert page.locator(".toc a").first.is_visible()
        else:
            assert nav_box["x"] + nav_box["width"] < article_box["x"]  # beside the text
        page.close()


def test_the_dark_mode_switch_is_remembered(browser: Browser, server: str) -> None:
    page = browser.new_page(color_scheme="light")
    page.goto(server + "index.html")
    light = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    page.click(".theme-toggle")
    dark = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    page.goto(server + f"{SEED}/index.html")  # another page: the choice is kept
    kept = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    page.click(".theme-toggle")
    back = page.evaluate("getComputedStyle(document.documentElement).backgroundColor")
    page.evaluate("localStorage.clear()")
    page.close()
    assert light == back == "rgb(255, 255, 255)" and dark == kept == "rgb(20, 20, 20)"


def test_the_change_log_marks_the_characters_that_changed(site: Path) -> None:
    from publish.diffmarks import MARKED_CHARS, changed_marks

    before, after = changed_marks("甲,乙<b>\n丙", "甲，乙<b>丙")
    assert before == '甲<mark>,</mark>乙&lt;b&gt;<mark><span class="nl">⏎</span>\n</mark>丙'
    assert after == "甲<mark>，</mark>乙&lt;b&gt;丙"
    long = "字" * MARKED_CHARS
    assert "<mark>" not in changed_marks(long, long + "。")[1]  # too long to compare: unmarked
    page = (site / SEED / "changes.html").read_text("utf-8")
    assert page.count("<mark>") > 100 and 'data-label="修改前"' in page


def test_a_long_change_log_lists_the_first_changes_and_links_the_whole_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import json

    from publish.formats import site as site_format

    monkeypatch.setattr(site_format, "CHANGES_SHOWN", 3)
    out = build_repo(tmp_path / "out", formats=("html",), jobs=1)  # (in this process)
    page = (out / "site" / SEED / "changes.html").read_text("utf-8")
    log = json.loads((out / "site" / SEED / "changes.json").read_text("utf-8"))
    applied = [c for c in log["changes"] if c["applied"]]
    assert len(applied) > 3
    table = page.split('<table class="changes">')[1].split("</table>")[0]
    assert table.count("<tr id=") == 3
    assert '<a href="changes.json">changes.json</a>' in table
    assert (out / "site" / SEED / "changes.json").read_bytes() == (
        out / "clean" / f"{SEED}.changes.json"
    ).read_bytes()
    jumps = page.split("<h2>删除的转版标记</h2>")[1].split("</ul>")[0]
    assert jumps.count("<li>") == 2  # the seed's two jump lines, under the cap


def test_a_long_list_of_jump_lines_is_capped_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from publish.formats import site as site_format

    monkeypatch.setattr(site_format, "CHANGES_SHOWN", 3)
    out = build_repo(tmp_path / "out", formats=("html",), jobs=1)  # (in this process)
    page = (out / "site" / "huangjiu-festival" / "changes.html").read_text("utf-8")
    jumps = page.split("<h2>删除的转版标记</h2>")[1].split("</ul>")[0]
    assert jumps.count("<li>") == 3
    assert "这里列出前 3 处（共 4 处）" in jumps and '<a href="changes.json">' in jumps
