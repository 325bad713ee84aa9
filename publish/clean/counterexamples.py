"""A style guide's counter-examples: text written wrong on purpose, which no pass may repair.

Chinese style guides (the copywriting guidelines many projects copy, documentation style
guides) show each rule with a right and a wrong example, the wrong one labelled ``错误：``
(``錯誤：``, ``反例：``, ``不推荐：``, ``❌``)::

    错误：嗨!你知道嘛?              the rest of the labelled line
    错误：                          a label alone: the block after it, or the blocks quoted
                                    ⏎ > 德国队竟然战胜了巴西队!!   deeper than the label
                                    ⏎ > 她竟然对你说「喵」,真是…   (``> 錯誤：`` ⏎ ``> > …``)

Repairing the wrong example's marks would make the guide show the right form twice and say
the opposite of what it says. Only spans with a CJK character count: the rule is about
Chinese text. :class:`~publish.clean.protect.Protected` holds them.
"""

from __future__ import annotations

import re

from publish.cjk import has_cjk

_LABEL = re.compile(
    r"^(?P<quote>(?:[ \t]*>)*)[ \t]*(?:[-*+][ \t]+)?[*_]*"
    r"(?:(?:错误|錯誤|反例|不推荐|不推薦|不建议|不建議|不正确|不正確)"
    r"(?:的?(?:写法|寫法|示例|範例|范例|用法|例子|做法))?[*_]*[ \t]*[：:]|[❌✗✘])"
    r"[*_]*[ \t]*(?P<rest>[^\n]*)$",
    re.MULTILINE,
)
_TRIGGERS = ("错误", "錯誤", "反例", "不推", "不建", "不正", "❌", "✗", "✘")
_EMPTY = re.compile(r"[ \t>]*")


def _quoted(line: str) -> int:
    """How deep ``line`` is quoted (its leading ``>`` markers)."""
    return line[: len(line) - len(line.lstrip(" \t>"))].count(">")


def _following(text: str, start: int, depth: int) -> tuple[int, int] | None:
    """The example after a label alone, from ``start`` (the label quoted ``depth`` deep): the
    blocks after it quoted deeper than it, or else the one block after it (not a heading)."""
    pos, first, end, deeper = start, -1, start, False
    while pos <= len(text):
        stop = text.find("\n", pos)
        stop = len(text) if stop < 0 else stop
        line = text[pos:stop]
        if _EMPTY.fullmatch(line) is None:
            if first < 0:
                if line.lstrip(" \t>").startswith("#"):
                    return None
                first, deeper = pos, _quoted(line) > depth
            elif deeper and _quoted(line) <= depth:
                break
            end = stop
        elif first >= 0 and not deeper:
            break
        pos = stop + 1
    return (first, end) if first >= 0 else None


def counter_examples(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` a style guide shows as written wrong (see the module)."""
    if not any(trigger in text for trigger in _TRIGGERS):
        return []
    found: list[tuple[int, int]] = []
    for label in _LABEL.finditer(text):
        if label.group("rest").strip(" \t*_"):
            span: tuple[int, int] | None = label.span("rest")
        elif label.end() < len(text):
            span = _following(text, label.end() + 1, label.group("quote").count(">"))
        else:
            span = None
        if span is not None and has_cjk(text[span[0] : span[1]]):
            found.append(span)
    return found
