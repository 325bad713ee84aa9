"""CJK line layout in the PDF, rule by rule: justification opportunities, line-break tailoring
around quotation marks, punctuation squeezing."""

from __future__ import annotations

import pytest

from publish.formats import cjk_breaks, cjk_justify, cjk_squeeze


def _breaks(text: str) -> str:
    """``text`` with ``|`` at every tailored break opportunity."""
    allowed = cjk_breaks.opportunities(text, cjk_breaks.pango_breaks(text, "zh-CN"))
    return "".join(("|" if i and allowed[i] == ord("1") else "") + c for i, c in enumerate(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Pango alone: 幼|保|健|院“二|甲”医|院 (no break on either side of a quotation mark)
        ("幼保健院“二甲”医院", "幼|保|健|院|“二|甲”|医|院"),
        ("他说：“好。”然后", "他|说：|“好。”|然|后"),
        ("“走出去”“请进来”", "“走|出|去”|“请|进|来”"),
        ("（“一”）", "（“一”）"),
        ("《“十四五”规划》", "《“十|四|五”|规|划》"),
        ("“好”，", "“好”，"),
        ("他说“OK”吧", "他|说|“OK”|吧"),
    ],
)
def test_quotation_marks_break_like_brackets(text: str, expected: str) -> None:
    assert _breaks(text) == expected


def test_text_without_quotation_marks_keeps_pangos_breaks() -> None:
    assert cjk_breaks.unbreakable_runs("铸魂、以学", "zh-CN") is None
    assert cjk_breaks.can_break("到4", "zh-CN") is None
    assert cjk_breaks.unbreakable_runs("院“二甲”医", "zh-CN") == ((1, 3), (3, 5))


@pytest.mark.parametrize(
    ("pair", "expected"),
    [("院“", True), ("“二", False), ("甲”", False), ("”医", True), ("”。", False), ("，“", True)],
)
def test_breaks_between_inline_boxes(pair: str, expected: bool) -> None:
    assert cjk_breaks.can_break(pair, "zh-CN") is expected


@pytest.mark.parametrize(
    ("line", "order"),
    [
        ("以学铸魂、", [4]),
        ("甲，乙“丙”丁。", [7, 5, 3, 1]),
        ("“甲”，乙", [3, 2]),  # the opening mark at the start is left alone
        ("甲”“乙", [1]),  # and after a closing mark
        ("无标点", []),
    ],
)
def test_marks_are_squeezed_from_the_end_of_the_line(line: str, order: list[int]) -> None:
    assert cjk_squeeze.candidates(line) == order


@pytest.mark.parametrize(
    ("text", "expected"),
    [("文体事业", 3), ("195个行政村", 3.5), ("达到45.8", 1.5), ("文", 0), ("a b\u00a0c", 2)],
)
def test_justification_opportunities_count_half_at_cjk_ends(text: str, expected: float) -> None:
    assert cjk_justify.opportunities(text) == expected


def test_the_extension_is_in_place_only_while_publish_renders() -> None:
    """Scoped, and complete: ``preferred`` measures with the same line breaking as ``inline``
    lays out, and any other WeasyPrint user in the process gets WeasyPrint as it is."""
    from weasyprint.layout import inline, preferred
    from weasyprint.text import line_break

    def current() -> tuple[object, ...]:
        return (
            inline.split_first_line,
            preferred.split_first_line,
            inline.can_break_text,
            preferred.can_break_text,
            inline.count_expandable_spaces,
            inline.add_word_spacing,
            line_break.Layout.set_text,
        )

    weasyprint_own = current()
    assert weasyprint_own[0] is line_break.split_first_line
    with cjk_justify.applied():
        ours = current()
        with cjk_justify.applied():  # nested: still ours, and ours again after
            assert current() == ours
        assert current() == ours
    assert all(a is not b for a, b in zip(ours, weasyprint_own, strict=True))
    assert ours[0] is ours[1] and ours[2] is ours[3]
    assert current() == weasyprint_own
