"""The clean framework and its passes: fixtures, change log, protected spans, idempotence."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixture_file import FIXTURES, Case, read_fixture_file, unescape
from publish import clean
from publish.clean.protect import Protected
from publish.errors import ConfigError
from publish.model import Source

PASS_FIXTURES = [
    (p.name, case)
    for p in clean.PASSES
    for case in read_fixture_file(FIXTURES / "clean" / f"{p.name}.md")
]


@pytest.mark.parametrize(
    ("name", "case"), PASS_FIXTURES, ids=[f"{n}:{c.line}:{c.title}" for n, c in PASS_FIXTURES]
)
def test_pass_fixture(name: str, case: Case) -> None:
    (selected,) = [p for p in clean.PASSES if p.name == name]
    text, _ = clean.clean_text(unescape(case.given), "fixture.md", passes=[selected])
    assert text == unescape(case.expected)


def test_every_pass_has_a_fixture_file() -> None:
    for clean_pass in clean.PASSES:
        assert (FIXTURES / "clean" / f"{clean_pass.name}.md").is_file(), clean_pass.name


def _source(body: str, body_line: int = 1) -> Source:
    return Source(Path("doc.md"), "content/doc.md", "doc", {}, "", body, body_line)


def test_every_change_is_recorded_with_file_and_line() -> None:
    cleaned = clean.clean(_source("甲  \n乙\t\n\n\n\n丙", body_line=5))
    assert cleaned.text == "甲  \n乙\n\n丙\n"
    records = [(c.pass_name, c.path, c.line, c.before, c.after) for c in cleaned.changes]
    assert records == [
        ("whitespace", "content/doc.md", 6, "\t", ""),
        ("whitespace", "content/doc.md", 6, "\n\n\n\n", "\n\n"),
        ("whitespace", "content/doc.md", 8, "", "\n"),
    ]


def test_unchanged_text_records_nothing() -> None:
    assert clean.clean(_source("# 标题\n\n正文。\n")).changes == ()


def test_protected_spans() -> None:
    text = "a `x  ` b <span  a> https://e.com/a  $x^2$ [l](t  u)\n"
    protected = Protected(text)
    for needle in ("`x  `", "<span  a>", "https://e.com/a", "$x^2$", "(t  u)"):
        start = text.index(needle)
        assert protected.overlaps(start + 1, start + 2), needle
    assert not protected.overlaps(0, 1)


def test_unknown_pass_name_lists_the_passes() -> None:
    with pytest.raises(ConfigError, match="passes are: whitespace"):
        clean.select(["nonesuch"])


MESSY = st.text(alphabet=st.sampled_from(list("甲乙ab \t\r\n`~\ufeff*#>-")), max_size=60)


@settings(max_examples=300, deadline=None)
@given(MESSY)
def test_cleaning_twice_equals_cleaning_once(text: str) -> None:
    once, _ = clean.clean_text(text, "x.md")
    twice, editors = clean.clean_text(once, "x.md")
    assert twice == once
    assert not any(editor.changes for editor in editors)


@settings(max_examples=300, deadline=None)
@given(MESSY)
def test_the_log_accounts_for_every_character_removed_or_added(text: str) -> None:
    cleaned, editors = clean.clean_text(text, "x.md")
    changes = [c for e in editors for c in e.changes]
    delta = sum(len(c.after) - len(c.before) for c in changes)
    assert len(cleaned) - len(text) == delta
