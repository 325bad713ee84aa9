"""Links between documents (issue 14): ``other.md`` and ``other.md#heading`` become the other
page's address in the site and its absolute URL (or plain text) in the EPUB and the PDF;
links and references that lead nowhere are warnings with the source's file and line."""

from __future__ import annotations

import re
import subprocess
import zipfile
from pathlib import Path

from conftest import MakeProject, run_cli
from publish.model import Article, Source
from publish.parse.links import Named, linked

RIVER = "# 河流\n\n见[洪水](flood.md#第二节)与[专题](story/part-1.md)。\n"
FLOOD = "# 洪水\n\n## 第二节\n\n正文。\n"
PARTS = {  # an article in two fragments, chained by their jump lines
    "content/story/part-1.md": "# 专题\n\n上篇的正文（下转第2版）\n",
    "content/story/part-2.md": "（上接第1版）下篇的正文。\n",
}


def _project(make_project: MakeProject, settings: str = "") -> Path:
    files = {"content/river.md": RIVER, "content/flood.md": FLOOD, **PARTS}
    return make_project({**files, "publish.toml": settings})


def test_links_to_other_documents_in_every_format(make_project: MakeProject) -> None:
    root = _project(make_project)
    result = run_cli(["build"], root)
    assert result.returncode == 0 and "warning" not in result.stderr, result.stderr
    page = (root / "build/site/river/index.html").read_text("utf-8")
    links = dict(
        (text, href) for href, text in re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', page)
    )
    assert (
        links["洪水"].startswith("../flood/index.html#") and links["专题"] == "../story/index.html"
    )
    target = (root / "build/site/flood/index.html").read_text("utf-8")
    assert 'id="第二节"' in target  # the anchor the link names is there
    with zipfile.ZipFile(root / "build/epub/river.epub") as epub:
        chapter = epub.read("EPUB/river.xhtml").decode("utf-8")
    assert "见洪水与专题。" in chapter and "flood" not in chapter  # no link to a missing file
    text = subprocess.run(
        ["pdftotext", str(root / "build/pdf/river.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "见洪水与专题。" in text


def test_with_a_public_url_the_epub_links_to_the_site(make_project: MakeProject) -> None:
    root = _project(make_project, 'url = "https://archive.example.org/papers/"\n')
    assert run_cli(["build", "--format", "epub"], root).returncode == 0
    with zipfile.ZipFile(root / "build/epub/river.epub") as epub:
        chapter = epub.read("EPUB/river.xhtml").decode("utf-8")
    assert 'href="https://archive.example.org/papers/story/"' in chapter


def test_links_that_lead_nowhere_are_warnings_with_file_and_line(
    make_project: MakeProject,
) -> None:
    body = "# 河流\n\n正文。\n\n见[不存在](nowhere.md)与[本节](#no-such-anchor)。注[^9]。\n"
    root = make_project({"content/river.md": body})
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0
    for expected in (
        "warning: content/river.md:5: link to nowhere.md: no such document in this build",
        "warning: content/river.md:5: link to #no-such-anchor: no heading or note has that id",
        "warning: content/river.md:5: footnote reference [^9] has no note",
    ):
        assert expected in result.stderr, result.stderr
    assert run_cli(["build", "--format", "html", "--strict"], root).returncode == 1


def test_a_link_into_another_document_names_one_of_its_ids(make_project: MakeProject) -> None:
    river = "# 河流\n\n见[洪水](flood.md#第九节)与[上文](river.md#no-such-anchor)。\n"
    root = make_project({"content/river.md": river, "content/flood.md": FLOOD})
    for _ in range(2):  # built, then again with nothing changed (the cache): said both times
        result = run_cli(["build", "--format", "html"], root)
        assert result.returncode == 0
        assert (
            "warning: content/river.md:3: link to #第九节 of flood: that document has no "
            "heading or note with that id"
        ) in result.stderr, result.stderr
        # a link into its own source is a link within the page
        assert "warning: content/river.md:3: link to #no-such-anchor: no heading" in result.stderr
    assert run_cli(["build", "--format", "html", "--strict"], root).returncode == 1
    (root / "content/river.md").write_text(river.replace("第九节", "第二节"), encoding="utf-8")
    result = run_cli(["build", "--format", "html"], root)
    assert "of flood" not in result.stderr, result.stderr


def test_what_a_document_depends_on_is_every_document_its_text_names(tmp_path: Path) -> None:
    """The documents whose change must rebuild this one (its cache key): each it names as a
    link's last part, typed, %-encoded, behind ``../`` or with a fragment, names with spaces
    too; not those it doesn't name (``river.md`` is not ``bigriver.md``)."""
    names = ["river.md", "bigriver.md", "flood.md", "雨 季.md", "tide.md", "notes.md"]
    documents = {str(tmp_path / name): Path(name).stem for name in names}
    body = (
        "见[河](../content/river.md#源头)、[洪水](<flood.md>)、[雨季](%E9%9B%A8%20%E5%AD%A3.md)"
        "与[潮](tide\\.md)。notes.mdx 与 flood.markdown 不是链接。\n"
    )
    source = Source(tmp_path / "a.md", "a.md", "a", {}, "", body, 1)
    article = Article("a", source.path, "a.md", (source,))
    found = linked(article, Named.of(documents))
    assert [slug for _, slug in found] == ["flood", "river", "tide", "雨 季"]
