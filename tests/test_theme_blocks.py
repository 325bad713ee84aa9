"""A child theme overrides one block of a default template and keeps the rest (issue 14: a
``pdf.html`` that extended ``pdf.html`` ended in a RecursionError, so users copied whole
templates out of site-packages)."""

from __future__ import annotations

import subprocess
import zipfile

import pytest

from conftest import MakeProject, run_cli

THEME = 'name = "mine"\nextends = "default"\n'
DOC = "# 河流\n\n正文第一段。\n\n## 第二节\n\n正文第二段。\n"


@pytest.mark.parametrize("parent", ["!pdf.html", "pdf.html", "default/pdf.html"])
def test_one_block_of_pdf_html(make_project: MakeProject, parent: str) -> None:
    root = make_project(
        {
            "publish.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": THEME,
            "themes/mine/templates/pdf.html": f'{{% extends "{parent}" %}}\n'
            "{% block colophon %}<p>本书由某某档案馆整理</p>{% endblock %}\n",
            "content/a.md": DOC,
        }
    )
    result = run_cli(["build", "--format", "pdf"], root)
    assert result.returncode == 0, result.stderr
    text = subprocess.run(
        ["pdftotext", str(root / "build/pdf/a.pdf"), "-"], capture_output=True, text=True
    ).stdout
    assert "本书由某某档案馆整理" in text and "正文第二段" in text  # the block, and the rest


def test_one_block_of_the_site_and_of_the_epub(make_project: MakeProject) -> None:
    root = make_project(
        {
            "publish.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": THEME,
            "themes/mine/templates/site_base.html": '{% extends "!site_base.html" %}\n'
            '{% block site_footer %}<footer class="site-footer">© 某某档案馆</footer>'
            "{% endblock %}\n",
            "themes/mine/templates/epub_chapter.html": '{% extends "!epub_chapter.html" %}\n'
            '{% block colophon %}<p class="colophon">整理：某某档案馆</p>{% endblock %}\n',
            "content/a.md": DOC,
        }
    )
    result = run_cli(["build", "--format", "epub,html"], root)
    assert result.returncode == 0, result.stderr
    page = (root / "build/site/a/index.html").read_text("utf-8")
    assert "© 某某档案馆" in page and 'class="site-search"' in page and "正文第二段" in page
    assert "Atom" not in page  # the default footer replaced
    with zipfile.ZipFile(root / "build/epub/a.epub") as epub:
        chapters = [n for n in epub.namelist() if n.endswith(".xhtml") and "nav" not in n]
        texts = [epub.read(n).decode("utf-8") for n in sorted(chapters)]
    assert sum("整理：某某档案馆" in t for t in texts) == 1  # the last chapter only


def test_extending_a_theme_that_is_not_there_is_one_clear_error(
    make_project: MakeProject,
) -> None:
    root = make_project(
        {
            "publish.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": THEME,
            "themes/mine/templates/pdf.html": '{% extends "!nothing.html" %}\n',
            "content/a.md": DOC,
        }
    )
    result = run_cli(["build", "--format", "pdf"], root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("theme: ") and "nothing.html" in last


def test_theme_new_scaffolds_a_theme_that_builds(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": DOC})
    made = run_cli(["theme", "new", "river", "--extends", "gongwen"], root)
    assert made.returncode == 0, made.stderr
    toml = (root / "themes/river/theme.toml").read_text("utf-8")
    assert "name = 'river'" in toml and "extends = 'gongwen'" in toml
    assert run_cli(["themes"], root).stdout.split() == ["default", "gongwen", "river"]
    assert run_cli(["build", "--theme", "river", "--format", "html"], root).returncode == 0
    again = run_cli(["theme", "new", "river"], root)
    assert again.returncode == 1 and "already there" in again.stderr
    wrong = run_cli(["theme", "new", "lake", "--extends", "nope"], root)
    assert wrong.returncode == 1 and "no such theme" in wrong.stderr
