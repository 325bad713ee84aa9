"""A [[fonts]] face whose CIDs are not its glyph indices (FandolFang's case) still prints the
right glyphs: veraPDF finds no .notdef and no width mismatch in the PDF."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pdfplumber
import pytest

from conftest import MakeProject, run_cli
from publish.check import verapdf
from publish.fontfiles import _identity

NOTO = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc"
TEXT = "政府工作报告‐–€"


@pytest.fixture(scope="module")
def renumbered(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A CID-keyed subset of Noto Serif CJK with new glyph indices but its old CIDs."""
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(NOTO, fontNumber=0)
    subsetter = subset.Subsetter(subset.Options(retain_gids=False, layout_features=[]))
    subsetter.populate(text=TEXT)
    subsetter.subset(font)
    assert not _identity(font.getGlyphOrder())
    path = tmp_path_factory.mktemp("font") / "Renumbered.otf"
    font.save(path)
    return path


def test_cid_keyed_font_with_other_glyph_order_prints_right(
    renumbered: Path, make_project: MakeProject, tmp_path: Path
) -> None:
    toml = (
        'name = "mine"\nextends = "default"\n[variables]\nfont_body = \'"Mine", serif\'\n'
        '[[fonts]]\nfamily = "Mine"\nsrc = ["Renumbered.otf"]\n'
    )
    root = make_project({"themes/mine/theme.toml": toml, "content/a.md": f"# 题\n\n{TEXT}\n"})
    shutil.copyfile(renumbered, root / "themes/mine/Renumbered.otf")  # fonts come from the theme
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for _ in range(2):  # the second build uses the cached copy
        result = run_cli(["build", "--theme", "mine", "--format", "pdf"], root, env)
        assert result.returncode == 0, result.stderr
        pdf = root / "build/pdf/a.pdf"
        assert verapdf([pdf], "3u") == []
        with pdfplumber.open(pdf) as document:
            chars = [c for page in document.pages for c in page.chars if "Mine" in c["fontname"]]
        assert "".join(c["text"] for c in chars) == TEXT
    assert len(list((tmp_path / "cache/publish/fonts").glob("Renumbered-*.otf"))) == 1


def test_a_damaged_font_file_is_a_clear_error(make_project: MakeProject) -> None:
    toml = 'name = "mine"\nextends = "default"\n[[fonts]]\nfamily = "Mine"\nsrc = ["bad.otf"]\n'
    root = make_project({"themes/mine/theme.toml": toml, "content/a.md": "# 题\n\n正文。\n"})
    (root / "themes/mine/bad.otf").write_bytes(b"OTTO not really a font")
    result = run_cli(["build", "--theme", "mine", "--format", "pdf"], root)
    assert result.returncode != 0
    assert "bad.otf" in result.stderr and "Traceback" not in result.stderr


def test_a_build_leaves_no_temporary_file_behind(make_project: MakeProject, tmp_path: Path) -> None:
    """WeasyPrint copies the theme's fonts into a temporary folder: it is gone when the build
    ends, the workers' of ``-j 2`` too (it stayed behind, 4 MB a build); nothing else of any
    format is left in the temporary folder either."""
    root = make_project({"content/a.md": "# 甲\n\n正文。\n", "content/b.md": "# 乙\n\n正文。\n"})
    temp = tmp_path / "temp"
    temp.mkdir()
    for jobs in ("1", "2"):
        args = ["build", "--format", "pdf,epub,html", "-j", jobs, "--no-cache"]
        result = run_cli(args, root, {"TMPDIR": str(temp)})
        assert result.returncode == 0, result.stderr
        assert sorted(p.name for p in temp.iterdir()) == []
