"""``publish check``: the real validators, traced to the sources; missing tools all said at once
with lines that install them; a validator's crash one clear line; progress shown."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

from conftest import REPO, MakeProject, run_cli
from publish.check import VALIDATORS, vnu
from publish.validators.pdf import verapdf_all

SKIPPED = "# 标题\n\n正文内容。\n\n### 跳级的小标题\n\n更多正文。\n"


def test_one_problem_found_by_three_validators_is_said_once_at_its_source_line(
    make_project: MakeProject,
) -> None:
    """A skipped heading level: Ace (EPUB), veraPDF (PDF/UA-1) and Nu (site) each report it in
    their own words and their own files; the user reads it once, at content/a.md:5."""
    root = make_project({"content/a.md": SKIPPED, "content/b.md": "# 乙\n\n正文。\n"})
    assert run_cli(["build"], root).returncode == 0
    result = run_cli(["check"], root)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if ".md" in line]
    assert problems == [
        "check: content/a.md:5: heading levels skip a level (found by Ace in the EPUB, veraPDF "
        "in the PDF, Nu in the site); make each heading at most one level below the one before "
        "it (## after #)"
    ], result.stderr
    progress = [line for line in result.stderr.splitlines() if "problem(s)," in line]
    assert len(progress) == 7  # EPUBCheck, Ace, veraPDF (one run each), 2 pdffonts, Nu, links
    assert progress[-1].startswith("check: 7/7 ")
    assert "check: 1 problem(s)" in result.stderr


def test_every_missing_tool_is_said_at_once_with_its_install_line(
    make_project: MakeProject, tmp_path: Path
) -> None:
    root = make_project({"content/a.md": "# 甲\n\n正文。\n"})
    assert run_cli(["build", "--format", "pdf,html"], root).returncode == 0
    bare = tmp_path / "bin"  # a PATH without java, javac and pdffonts
    bare.mkdir()
    result = run_cli(["check"], root, env={**os.environ, "PATH": str(bare)})
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for line in (
        "check: EPUBCheck cannot run: java not found; apt-get install default-jre-headless",
        "check: pdffonts cannot run: pdffonts not found; apt-get install poppler-utils",
        "check: veraPDF cannot run: javac not found; apt-get install default-jdk-headless",
        "check: Nu cannot run: java not found; apt-get install default-jre-headless",
    ):
        assert line in result.stderr.splitlines(), result.stderr
    assert "links, the site's links and anchors: 0 problem(s)" in result.stderr  # the rest ran


def test_a_validator_that_crashes_is_one_clear_problem(
    make_project: MakeProject, monkeypatch: pytest.MonkeyPatch
) -> None:
    import publish.check
    from publish.build import BuildOptions, build
    from publish.config import load_config

    root = make_project({"content/a.md": "# 甲\n\n正文。\n"})
    build(load_config(root), BuildOptions(formats=("html",)))

    def crash(site: Path, root: Path) -> list[str]:
        raise ValueError("unexpected output from the checker")

    monkeypatch.setattr(publish.check, "vnu", crash)
    problems = publish.check.check_build(root / "build", root)
    assert problems == [
        "Nu failed on the site's pages and CSS: ValueError: unexpected output from the checker; "
        "run it alone to see its output, and report it if it persists"
    ]


def test_a_java_validator_that_stops_without_a_verdict_is_a_problem_not_a_pass(
    make_project: MakeProject,
) -> None:
    """With too little memory each JVM stops before it reads a file: EPUBCheck, veraPDF and Nu
    each say they failed (Nu's empty report read as no errors would pass a site unchecked)."""
    root = make_project({"content/a.md": SKIPPED})
    assert run_cli(["build", "--format", "pdf,epub,html"], root).returncode == 0
    result = run_cli(["check"], root, env={**os.environ, "_JAVA_OPTIONS": "-Xmx4m"})
    assert result.returncode == 1 and "Traceback" not in result.stderr, result.stderr
    failed = re.findall(r"(\w+) failed on (.*)", result.stderr)
    assert {name for name, _ in failed} == {"EPUBCheck", "veraPDF", "Nu"}, result.stderr
    for _, why in failed:  # the one line that says why, not the stack trace
        assert "OutOfMemoryError: Java heap space; run it alone" in why, why
    assert "\tat " not in result.stderr


def test_nu_checks_pages_and_styles_in_one_run_at_their_own_lines(tmp_path: Path) -> None:
    """Nu moves every line one up once it checks CSS too: a page's error is still at its line,
    and a style sheet's at its own."""
    site = tmp_path / "site"
    (site / "static").mkdir(parents=True)
    page = "<!DOCTYPE html>\n<html lang=en>\n<head><title>x</title></head>\n<body>\n<p>ok\n"
    (site / "index.html").write_text(page + "<foo>bad</foo>\n</body>\n</html>\n", "utf-8")
    (site / "static" / "site.css").write_text("p {\n  color: red;\n  colr: blue;\n}\n", "utf-8")
    found = vnu(site, REPO)
    assert [line.split(": vnu: ")[0] for line in found] == [
        f"{site / 'index.html'}:6",
        f"{site / 'index.html'}:6",
        f"{site / 'static' / 'site.css'}:3",
    ], found


def test_a_pdf_verapdf_cannot_check_is_its_own_problem(tmp_path: Path) -> None:
    """A file that is no PDF, and a claim of a standard veraPDF has no profile for: a problem
    each, and the run goes on (they stopped veraPDF for every PDF with a Java exception)."""
    junk, odd = tmp_path / "junk.pdf", tmp_path / "odd.pdf"
    junk.write_bytes(b"%PDF-1.7\nnot really a PDF\n")
    odd.write_bytes(b"%PDF-1.7\n")
    found = verapdf_all([(junk, "3u"), (odd, "9u")])
    assert len(found) == 2, found
    assert found[0].startswith(f"{junk}: veraPDF 3u could not be read: "), found
    assert (
        found[1] == f"{odd}: veraPDF 9u no veraPDF profile for what the PDF claims; see its "
        "pdfaid/pdfuaid metadata"
    )


def test_help_names_all_six_validators() -> None:
    result = run_cli(["check", "--help"], Path(sys.prefix))
    text = " ".join(result.stdout.split())
    for name in ("EPUBCheck", "Ace", "pdffonts", "veraPDF", "Nu HTML checker", "link"):
        assert name in text
    assert len(VALIDATORS) == 6
