"""Bad input: one clear line per problem naming file and line, exit 1, no traceback, no output."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import MakeProject, files_under, run_cli
from publish.errors import ContentError
from publish.frontmatter import split_front_matter

GOOD = "# 标题\n\n正文。\n"


def _fails(root: Path, *expected: str, args: tuple[str, ...] = ()) -> list[str]:
    result = run_cli(["build", *args], root)
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    errors = [
        line
        for line in result.stderr.splitlines()
        if not line.startswith(("Step", " ", "warning:"))
    ]
    for text in expected:
        assert any(text in line for line in errors), (text, result.stderr)
    assert files_under(root / "build") == []
    return errors


def test_missing_content_folder(make_project: MakeProject) -> None:
    root = make_project({})
    (root / "content").rmdir()
    _fails(root, "content: content/: content folder not found", "create it")


def test_empty_content_folder(make_project: MakeProject) -> None:
    _fails(make_project({}), "no Markdown (*.md) files found")


def test_invalid_toml_names_the_line(make_project: MakeProject) -> None:
    root = make_project({"publish.toml": 'title = "x"\nlanguage = \n', "content/a.md": GOOD})
    _fails(root, "publish.toml: invalid TOML", "line 2")


def test_wrong_types_in_toml_are_all_reported_with_lines(make_project: MakeProject) -> None:
    toml = 'title = 3\ntheme = "default"\nformats = ["pdf", "docx"]\n'
    root = make_project({"publish.toml": toml, "content/a.md": GOOD})
    errors = _fails(
        root,
        "publish.toml:1: title must be a non-empty string",
        "publish.toml:3: formats must be a list",
    )
    assert len(errors) == 2


def test_bad_front_matter_names_file_and_line(make_project: MakeProject) -> None:
    doc = "---\ntitle: 好\ndate: [2024\n---\n正文\n"
    root = make_project({"content/a.md": GOOD, "content/b.md": doc})
    _fails(root, "content/b.md:4: bad YAML front matter")


def test_unclosed_front_matter(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "---\ntitle: x\n正文\n"})
    _fails(root, "content/a.md:1: front matter opened with '---' is never closed")


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("---\n\n第一页的正文。\n\n---\n\n第二页的正文。\n", "第二页的正文"),  # no YAML
        ("---\n\n只有一条线，后面是正文。\n", "只有一条线"),  # never closed
        ("---\r\n\r\n第一页: [方括号没有闭合\r\n---\r\n第二页。\r\n", "方括号没有闭合"),
    ],
)
def test_a_first_rule_followed_by_a_blank_line_is_body_when_no_yaml_follows(
    make_project: MakeProject, text: str, kept: str
) -> None:
    """For Pandoc a first ``---`` followed by a blank line is a horizontal rule, not a
    metadata block: a converter's page rule. Without ``key: value`` lines after it, the file is
    body (it was an error); with them, front matter as before."""
    root = make_project({"content/a.md": text})
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0, result.stderr
    page = (root / "build/site/a/index.html").read_text("utf-8")
    assert "<hr" in page and kept in page


def test_a_first_rule_never_closed_before_text_is_body(make_project: MakeProject) -> None:
    """An OCR'd page's rule right above its text (``---`` ⏎ ``THE MESSENGER…``, review 104) is
    no front matter when nothing closes it and the next line is no ``key:``: body, not an
    error; ``---`` ⏎ ``title: x`` left open is still one (:func:`test_unclosed_front_matter`)."""
    text = "---\nTHE MESSENGER AND ADVOCATE.\nPittsburgh, the old mill by the river.\n"
    root = make_project({"content/a.md": text})
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0, result.stderr
    page = (root / "build/site/a/index.html").read_text("utf-8")
    assert "<hr" in page and "Pittsburgh, the old mill" in page


def test_front_matter_after_a_blank_line_is_still_read(make_project: MakeProject) -> None:
    text = "---\n\ntitle: 空行之后\n---\n\n正文。\n"
    root = make_project({"content/a.md": text})
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0, result.stderr
    page = (root / "build/site/a/index.html").read_text("utf-8")
    assert "<title>空行之后" in page and "title:" not in page
    bad = make_project({"content/a.md": "---\ntitle: x\n---\n---\n\ndate: [2024\n---\n"})
    assert run_cli(["build", "--format", "html"], bad).returncode == 0  # (a rule in the body)


def test_front_matter_indented_with_tabs_says_so() -> None:
    """A Hexo post's list indented with tabs (review 226): the hint names the tab, not quoting."""
    text = '---\ntitle: 北京\ncategories:\n\t- "地理"\n---\n正文\n'
    with pytest.raises(ContentError, match=r"content/a\.md:4: .* indent with spaces"):
        split_front_matter(text, "content/a.md")


def test_hexo_front_matter_without_its_opening_fence_is_read() -> None:
    text = "title: 周末小记\ndate: 2020-03-01\ntags: [散步,公园]\n---\n\n今天去公园。\n"
    meta, raw, body, line = split_front_matter(text, "content/a.md")
    assert meta["title"] == "周末小记" and meta["tags"] == ["散步", "公园"]
    assert raw + body == text and body == "\n今天去公园。\n" and line == 5
    for text in (
        "Note: read this first\n---\n\ntext\n",  # (a setext heading: no page's key)
        "title: x\n\nA paragraph, no YAML.\n---\n",  # (a line no YAML is)
    ):
        assert split_front_matter(text, "content/a.md") == ({}, "", text, 1)
    with pytest.raises(ContentError, match=r"^content/a\.md:1: bad YAML front matter: mapping"):
        split_front_matter("title: a: b\ndate: 2020-03-01\n---\nbody\n", "content/a.md")


def test_front_matter_value_of_wrong_type(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "---\ntitle: x\ndate: someday\n---\n正文\n"})
    _fails(root, "content/a.md:3: date 'someday' is not a date; write it as YYYY-MM-DD")


def test_unknown_theme_lists_the_available_ones(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": GOOD})
    _fails(
        root,
        "theme: unknown theme 'nonesuch'; available: default, gongwen",
        args=("--theme", "nonesuch"),
    )


def test_undecodable_file_names_file_line_and_the_fix(make_project: MakeProject) -> None:
    gbk = "# 标题\n\n第二段正文。\n".encode("gb18030")
    root = make_project({"content/a.md": GOOD, "content/old.md": gbk})
    _fails(root, "content/old.md:1: not valid UTF-8", "iconv -f GB18030 -t UTF-8")


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("# Notes\n\nThe board\u2019s report \u2014 na\u00efve, but fair.\n" * 3, "cp1252"),
        ("# 公報\n\n中華民國立法院公報，這是會議的紀錄。\n" * 3, "big5"),
        ("# 公报\n\n这是会议的记录，我们的年度报告。\n" * 3, "gb18030"),
    ],
)
def test_undecodable_file_names_the_encoding_it_decodes_in(
    make_project: MakeProject, text: str, codec: str
) -> None:
    """The error names an encoding the file's bytes decode in: a Western one for bytes above
    127 standing alone among ASCII ones, Big5 or GB18030 by the common characters each
    reads; given that encoding, the file cleans."""
    root = make_project({"old.md": text.encode(codec)})
    failed = run_cli(["clean", "old.md"], root)
    assert failed.returncode == 1 and f"--encoding {codec}" in failed.stderr
    assert run_cli(["clean", "--encoding", codec, "old.md"], root).returncode == 0


def test_missing_image(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# T\n\ntext\n\n![chart](images/none.png)\n"})
    _fails(root, "content/a.md:5: image 'images/none.png' not found")


def test_unknown_format_on_the_command_line(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": GOOD})
    result = run_cli(["build", "--format", "pdf,docx"], root)
    assert result.returncode == 2
    assert "unknown format docx" in result.stderr
    assert "Traceback" not in result.stderr


def test_all_problems_of_a_stage_are_reported_together(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": b"\xff broken", "content/b.md": b"ok\n\xfe"})
    assert len(_fails(root, "content/a.md:1: not valid UTF-8", "content/b.md:2")) == 2
    (root / "content" / "b.md").unlink()
    root = make_project(
        {"content/a.md": "---\ndate: nope\n---\nx\n", "content/c.md": "---\nlanguage: 3x\n---\nx\n"}
    )
    assert len(_fails(root, "content/a.md:2: date", "content/c.md:2: language")) == 2


@pytest.mark.parametrize("args", [("--strict",)])
def test_strict_fails_on_warnings_before_writing(
    make_project: MakeProject, args: tuple[str, ...]
) -> None:
    root = make_project({"content/a.md": "---\ncolour: red\n---\n# T\n\nx\n"})
    result = run_cli(["build", *args], root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "unknown front matter key 'colour'" in result.stderr and "strict: " in result.stderr
    assert files_under(root / "build") == []
    ok = run_cli(["build", "--format", "html"], root)
    assert ok.returncode == 0 and "warning: content/a.md:2: unknown front matter key" in ok.stderr
