"""What a line opens with that starts a unit of its own, whatever the width of the line
before: a numbered section's title or a clause's number (a standard's, a prospectus's), and
a speaker's name in capitals opening a turn of a transcript, and a note's number opening its
first line where a text sets its notes a line each, no blank line between (pdftotext's). ``unwrap``
splits before them (and after a title) where a line's width alone would have joined them on.
"""

from __future__ import annotations

import regex

from publish.clean import evidence as ev
from publish.clean.shapes import ends_sentence

#: A numbered section's title alone on its line, no mark in it (``5.3.3 摄影测量法``, ``6 数据
#: 整理``, ``1、发行人国有股份情况``, a standard's or a prospectus's).
_SECTION_TITLE = regex.compile(
    r"^\d{1,2}(?:(?:\.\d{1,2}){0,3}[ \t\u3000]+|、)\p{Han}[^\s，。；：！？、,.;:!?]{1,15}[ \t]*$"
)
#: A clause's or an item's number opening a line: a standard's ``11.4.2  ``, ``6.3`` alone,
#: ``3  在出入口``, ``3.国省道``, ``（3）项目库内`` (not ``3.5 亿元``, a figure); a chapter's
#: numbered question or problem before a capital word (a textbook's ``15.2 A square loop…``,
#: review 73; not ``2.4 GHz``); a law's article, its number set apart from its text or title
#: (``第二条 【积极适用范围】…``: review 224's law, its articles typed a line each; not
#: ``第三十条规定的…``, a sentence naming one).
_CLAUSE_NUMBER = regex.compile(
    r"^[ \t\u3000]*(?:\d{1,2}(?:\.\d{1,2}){2,3}[ \t\u3000]"
    r"|\d{1,2}(?:\.\d{1,2})?(?:[ \t\u3000]{2,}|[ \t]*$)"
    r"|\d{1,2}\.\d{1,2}[ \t]+(?:A|[A-Z][a-z]+)\b"
    r"|\d{1,2}[.．、](?=\p{Han})|[（(]\d{1,2}[）)](?=\p{Han})"
    r"|第[一二三四五六七八九十百千零〇\d]+条[ \t\u3000]*[ \t\u3000【])"
)
#: An item's number in the Chinese way, opening a line: ``3.``, ``（3）`` before Han, ``3、``
#: before Han or a figure (``5、70周岁以上的老年人…``).
_ITEM_NUMBER = regex.compile(
    r"^[ \t\u3000]*(?:(\d{1,2})([.．])(?=\p{Han})|(\d{1,2})(、)(?=[\p{Han}\d])"
    r"|[（(](\d{1,2})[）)](?=\p{Han}))"
)


def next_item(cur: str, nxt: str) -> bool:
    """``nxt`` opens the item after the one ``cur`` is, both whole lines numbered the same way
    (``1、…；`` ⏎ ``2、…。``), ``cur`` ending at a clause's or a sentence's end: the items of a
    list typed one a line, each split as the others are (review 190: a park's rules, items
    after a ``；`` left joined where those after a ``。`` were split)."""
    if cur.rstrip(" \t")[-1:] not in "；;。.！？!?":
        return False
    a, b = _ITEM_NUMBER.match(cur), _ITEM_NUMBER.match(nxt)
    if a is None or b is None or a.lastindex != b.lastindex:  # (not numbered the same way)
        return False
    return _number(a) + 1 == _number(b)


def _number(item: regex.Match[str]) -> int:
    return int(item.group(1) or item.group(3) or item.group(5))


#: A name in capitals and a colon opening a line (``HAIGH: Do you think…``).
_CAPS_LABEL = regex.compile(
    r"^[ \t]*((?:(?:MR|MRS|MS|DR)\.[ \t]+)?[A-Z][A-Z'’-]+):[ \t]+[\"“(]?[A-Z]"
)
_CAPS_LABELS = regex.compile(_CAPS_LABEL.pattern, regex.MULTILINE)
TURN = "a speaker's name starts the next line: a turn (a transcript)"


def section_title(line: str) -> bool:
    """``line`` is a numbered section's title alone (:data:`_SECTION_TITLE`)."""
    return _SECTION_TITLE.match(line) is not None


def numbered(line: str) -> bool:
    """``line`` opens a numbered section or clause (a title, or a clause's or item's number)."""
    return _SECTION_TITLE.match(line) is not None or _CLAUSE_NUMBER.match(line) is not None


def turn_labels(text: str) -> frozenset[str]:
    """The names in capitals that open two lines of the text or more: a transcript's
    speakers (``HAIGH:``, ``MOLER:``), not a memo's ``SUBJECT:`` seen once."""
    if ":" not in text:
        return frozenset()
    names = [m.group(1) for m in _CAPS_LABELS.finditer(text)]
    return frozenset(name for name in set(names) if names.count(name) >= 2)


def turn(turns: frozenset[str], cur: str, nxt: str) -> tuple[str, float, str] | None:
    """Split: a speaker of the document's (:func:`turn_labels`) opens the next line, a turn,
    after a line that ends a sentence or breaks off at a dash (``…viewed as -``)."""
    end = cur.rstrip()[-1:]
    if not turns or not (end in "-–—" or ends_sentence(cur)):
        return None  # (a turn's words going on; a timestamp over its turn, ``[00:00:00:07]``)
    found = _CAPS_LABEL.match(nxt)
    if found is None or found.group(1) not in turns:
        return None
    return "split", ev.STRONG, TURN


#: A note's first line as an extraction sets a page's notes: its number, a point or not, a
#: space, then a capital, a quotation mark or a bracket (``5 For an effective…``, ``11. See
#: infra Part I.A.``, ``14 Gertz v. Robert Welch…``).
_NOTE_LINE = regex.compile(r"^[ \t]*(\d{1,3})\.?[ \t]+(?=[\p{Lu}“\"‘'(\[])", regex.MULTILINE)
#: Notes in a row, numbered up from the last, that make a text's notes.
_NOTES_RUN = 5
NOTE = "a note starts the next line: its number follows the last note's"
#: A text's lines for each one opening on a number, at least, where such lines are notes: more
#: are a numbered text's own (verses, items).
_SHARE = 4


def note_lines(text: str) -> frozenset[str]:
    """The first lines of the text's notes: lines opening on a number (:data:`_NOTE_LINE`)
    after a line that ends a sentence, in runs whose numbers rise by one, two or three (the
    notes between ran into the text), by one at least half the time, each run
    :data:`_NOTES_RUN` long at least (a law review's notes as pdftotext writes them,
    ``…(2017).`` ⏎ ``5 For an effective introduction…``: review 237, five papers). A
    citation's volume opening a line, ``Games of Status,`` ⏎ ``3 J. PUB. ECON.``, follows no
    sentence's end; page heads rise by two (``510 Civil Justice Quarterly`` … ``512 …``). None
    in a text numbered anew from ``1`` more than three times, or whose lines open on a number
    one time in four or more (a psalter's verses, ``1 Blessed are they…`` ⏎ ``2 But their
    delight…``, each psalm from 1: review 240)."""
    every = [m.group(0).strip() for m in _NOTE_LINE.finditer(text)]
    if len(every) < _NOTES_RUN or every.count("1") > 3:
        return frozenset()  # (numbered anew again and again: a psalter's verses, stanzas)
    if len(every) * _SHARE > text.count("\n") + 1:
        return frozenset()  # (a line in four or more opening on a number: verse, a list's)
    found: list[tuple[int, str]] = []
    for match in _NOTE_LINE.finditer(text):
        start = match.start()
        before = text[text.rfind("\n", 0, max(0, start - 1)) + 1 : max(0, start - 1)]
        if start and before.strip() and not ends_sentence(before):
            continue
        end = text.find("\n", start)
        found.append((int(match.group(1)), text[start : len(text) if end < 0 else end].strip()))
    if len(found) < _NOTES_RUN:
        return frozenset()
    last: dict[int, int] = {}  # a number: the latest line found with it
    run: list[int] = []  # each line's run, the notes before it counted
    ones: list[int] = []  # of those steps, the ones of one
    back: list[int] = []
    for k, (number, _) in enumerate(found):
        steps = [(run[last[number - s]], -s) for s in (1, 2, 3) if number - s in last]
        step = -max(steps)[1] if steps else 0
        previous = last[number - step] if step else -1
        back.append(previous)
        run.append(run[previous] + 1 if step else 1)
        ones.append((ones[previous] if step else 0) + (step == 1))
        last[number] = k
    lines: set[str] = set()
    for k in range(len(found) - 1, -1, -1):
        if run[k] >= _NOTES_RUN and 2 * ones[k] >= run[k] - 1 and found[k][1] not in lines:
            at = k
            while at >= 0 and found[at][1] not in lines:
                lines.add(found[at][1])
                at = back[at]
    return frozenset(lines)


def note(notes: frozenset[str], cur: str, nxt: str) -> tuple[str, float, str] | None:
    """Split: the next line opens one of the text's notes (:func:`note_lines`), after a line
    that ends a sentence (the note before it, or the text over the page's notes)."""
    if not notes or nxt.strip() not in notes or not ends_sentence(cur):
        return None
    return "split", ev.STRONG, NOTE
