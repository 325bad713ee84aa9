"""``make eval``: the cleaner on real documents nobody here wrote, against hand-written gold.

Every excerpt ``tests/eval/corpus/<id>.md`` (committed: public domain or openly licensed) and
``tests/eval/local/<id>.md`` (kept out of the repository) has a gold output ``<id>.gold.md``
written by hand (``tests/eval/GOLD.md``). Both texts are split into blocks (runs of lines
between blank lines) and compared as multisets:

- block F1: of the cleaner's output against the gold;
- baseline: the same for the excerpt left as it is (what doing nothing scores);
- harm: of the blocks already correct in the excerpt (equal to a gold block), the share that
  no longer come out equal;
- fix: of the gold blocks the excerpt lacks, the share the cleaner produced;
- fixed point: cleaning the gold must give the gold back.

``python tests/evaluate.py [-v] [ID...]``; ``-v`` lists every harmed and missed block.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from publish import clean
from publish.model import Source

EVAL = Path(__file__).resolve().parent / "eval"
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})", re.M)


def blocks(text: str) -> list[str]:
    """Runs of non-blank lines (a fenced block whole); spaces at line ends dropped but for a
    hard break (two or more, with a line after it in the block)."""
    found: list[str] = []
    current: list[str] = []
    fence = ""
    for line in text.split("\n"):
        opening = _FENCE.match(line)
        if fence:
            current.append(line)
            if opening and opening.group(1)[0] == fence[0] and len(opening.group(1)) >= len(fence):
                fence = ""
            continue
        if opening:
            fence = opening.group(1)
        if line.strip() or fence:
            current.append(line)
        elif current:
            found.append(_tidied(current))
            current = []
    if current:
        found.append(_tidied(current))
    return found


def _tidied(lines: list[str]) -> str:
    kept = [line if line.endswith("  ") else line.rstrip() for line in lines[:-1]]
    return "\n".join([*kept, lines[-1].rstrip()])


@dataclass
class Score:
    name: str
    output: int = 0
    gold: int = 0
    matched: int = 0
    baseline: int = 0
    source: int = 0
    correct: int = 0
    harmed: int = 0
    needed: int = 0
    fixed: int = 0
    suggestions: int = 0
    fixed_point: bool = True

    def add(self, other: Score) -> None:
        for key in (
            "output",
            "gold",
            "matched",
            "baseline",
            "source",
            "correct",
            "harmed",
            "needed",
            "fixed",
            "suggestions",
        ):
            setattr(self, key, getattr(self, key) + getattr(other, key))
        self.fixed_point = self.fixed_point and other.fixed_point

    @staticmethod
    def f1(matched: int, ours: int, gold: int) -> float:
        return 2 * matched / (ours + gold) if ours + gold else 1.0

    @property
    def block_f1(self) -> float:
        return self.f1(self.matched, self.output, self.gold)

    @property
    def baseline_f1(self) -> float:
        return self.f1(self.baseline, self.source, self.gold)

    @property
    def harm(self) -> float:
        return self.harmed / self.correct if self.correct else 0.0

    @property
    def fix(self) -> float:
        return self.fixed / self.needed if self.needed else 1.0


def documents(ids: list[str] | None = None) -> list[tuple[str, Path, bool]]:
    """(id, excerpt path, committed) of every excerpt with a gold, corpus first."""
    found = []
    for folder, committed in ((EVAL / "corpus", True), (EVAL / "local", False)):
        for path in sorted(folder.glob("*.md")) if folder.is_dir() else []:
            if path.name.endswith(".gold.md"):
                continue
            if path.with_suffix(".gold.md").exists() and (not ids or path.stem in ids):
                found.append((path.stem, path, committed))
    return found


def composition(found: list[tuple[str, Path, bool]]) -> str:
    """What the set holds: documents by language, and how many repositories they come from."""
    records = [tomllib.loads(path.with_suffix(".toml").read_text("utf-8")) for _, path, _ in found]
    languages = Counter(str(r["language"]) for r in records)
    by_language = ", ".join(f"{n} {language}" for language, n in sorted(languages.items()))
    sources = len({r["repository"] for r in records})
    return f"{len(records)} documents ({by_language}) from {sources} repositories"


def cleaned(text: str) -> tuple[str, int]:
    """What a build makes of ``text`` (:func:`publish.clean.clean`), and its suggestions."""
    source = Source(Path("eval.md"), "eval.md", "eval", {}, "", text, 1)
    done = clean.clean(source)
    return done.text, sum(1 for change in done.changes if not change.applied)


def score(name: str, path: Path, verbose: bool = False) -> Score:
    source = path.read_text(encoding="utf-8")
    gold = path.with_suffix(".gold.md").read_text(encoding="utf-8")
    output, suggestions = cleaned(source)
    ours, want, given = Counter(blocks(output)), Counter(blocks(gold)), Counter(blocks(source))
    correct = given & want
    harmed = correct - ours
    needed = want - given
    result = Score(
        name,
        output=sum(ours.values()),
        gold=sum(want.values()),
        matched=sum((ours & want).values()),
        baseline=sum(correct.values()),
        source=sum(given.values()),
        correct=sum(correct.values()),
        harmed=sum(harmed.values()),
        needed=sum(needed.values()),
        fixed=sum((needed & ours).values()),
        suggestions=suggestions,
        fixed_point=cleaned(gold)[0] == gold,
    )
    if verbose:
        for block in harmed.elements():
            print(f"  HARMED {name}: {block[:160]!r}")
        for block in (needed - ours).elements():
            print(f"  MISSED {name}: {block[:160]!r}")
        for block in (ours - want).elements():
            print(f"  WRONG  {name}: {block[:160]!r}")
    return result


def row(s: Score, label: str) -> str:
    point = "yes" if s.fixed_point else "NO"
    return (
        f"{label:<36} {s.gold:>5} {s.block_f1:>6.3f} {s.baseline_f1:>8.3f} "
        f"{s.harm:>6.1%} {s.harmed:>3}/{s.correct:<4} {s.fix:>6.1%} {s.suggestions:>5}  {point}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("ids", nargs="*")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    found = documents(args.ids)
    if not found:
        print("no excerpts with gold outputs found under tests/eval/", file=sys.stderr)
        return 1
    print(
        f"{'document':<36} {'gold':>5} {'F1':>6} {'baseline':>8} {'harm':>6} {'':>8} "
        f"{'fix':>6} {'sugg.':>5}  fixed point"
    )
    totals = {True: Score("committed"), False: Score("local")}
    for name, path, committed in found:
        result = score(name, path, args.verbose)
        totals[committed].add(result)
        print(row(result, name + ("" if committed else " (local)")))
    everything = Score("all")
    for total in totals.values():
        everything.add(total)
    print(row(totals[True], "total, committed"))
    if totals[False].gold:
        print(row(everything, "total, with local"))
    print(composition(found))
    return 0


if __name__ == "__main__":
    sys.exit(main())
