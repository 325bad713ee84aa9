"""WeasyPrint's messages name the document or the theme they are about (issue 14: its
``error:`` lines carried no file name), as warnings that ``--strict`` counts."""

from __future__ import annotations

from conftest import MakeProject, run_cli


def test_weasyprint_messages_name_their_document_and_theme(make_project: MakeProject) -> None:
    root = make_project(
        {
            "content/a.md": "# 图\n\n![坏图](bad.png)\n",
            "content/bad.png": b"\x89PNG\r\n\x1a\n" + bytes(range(200)),
            "publish.toml": 'theme = "mine"\n',
            "themes/mine/theme.toml": 'name = "mine"\nextends = "default"\n',
            "themes/mine/static/custom.css": "p { colr: red; }\n",
        }
    )
    result = run_cli(["build", "--format", "pdf"], root)
    assert result.returncode == 0
    lines = result.stderr.splitlines()
    assert any(
        line.startswith("warning: content/a.md: PDF (WeasyPrint): Failed to load image")
        for line in lines
    ), result.stderr
    assert any(
        line.startswith("warning: theme mine (its print stylesheet): PDF (WeasyPrint): Ignored")
        for line in lines
    ), result.stderr
    assert not any(line.startswith("error:") for line in lines)
    assert run_cli(["build", "--format", "pdf", "--strict"], root).returncode == 1
