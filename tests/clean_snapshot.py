"""Everything the cleaner produces, written to one file, to prove a change byte-identical.

``python tests/clean_snapshot.py OUT.json.gz [N]`` cleans every fixture input and expected
output (each also at a threshold above every confidence, and cleaned twice), the evaluation
corpus, documents of the bench corpus and ``N`` random texts (3,000 by default) of the
pieces the property tests draw from, with a fixed seed, and records the cleaned text and every
record, change (ids, lines, before and after), jump line and furniture line; and the cleaned
text and change log of every document in ``content/``. ``python tests/clean_snapshot.py
--compare A B`` names the entries that differ. Run it before and after a change (from a
checkout of each) and compare. Not a test: nothing here runs in ``pytest``.
"""

from __future__ import annotations

import gzip
import json
import random
import sys
from pathlib import Path

from bench import corpus
from test_clean_properties import PIECES

from fixture_file import FIXTURES, read_fixture_file, unescape
from publish import clean, read
from publish.changelog import change_log
from publish.config import load_config
from publish.model import CleanSettings

REPO = Path(__file__).resolve().parent.parent


def _record(value: object) -> object:
    fields = getattr(value, "__dataclass_fields__", None)
    return [getattr(value, name) for name in fields] if fields else list(value)  # type: ignore[call-overload]


def cleaned(text: str, settings: CleanSettings | None = None) -> dict[str, object]:
    out, editors = clean.clean_text(text, "x.md", passes=clean.select(), settings=settings)
    return {
        "text": out,
        "editors": [
            {
                "pass": e.pass_name,
                "recorded": [list(r) for r in e.recorded],
                "changes": [list(c) for c in e.changes()],
                "jumps": [_record(j) for j in e.jumps],
                "furniture": [_record(f) for f in e.furniture],
            }
            for e in editors
        ],
    }


def texts(randoms: int) -> dict[str, str]:
    found: dict[str, str] = {}
    for path in sorted((FIXTURES / "clean").glob("*.md")):
        for n, case in enumerate(read_fixture_file(path)):
            found[f"fx:{path.name}:{n}:given"] = unescape(case.given)
            found[f"fx:{path.name}:{n}:expected"] = unescape(case.expected)
    for path in sorted((REPO / "tests" / "eval" / "corpus").glob("*.md")):
        found[f"eval:{path.name}"] = path.read_text("utf-8")
    for n, document in enumerate(corpus(0.6)):
        found[f"bench:{n}"] = document
    rng = random.Random(1234)
    for n in range(randoms):
        found[f"rand:{n}"] = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 40)))
    return found


def snapshot(randoms: int) -> dict[str, object]:
    result: dict[str, object] = {}
    for name, text in texts(randoms).items():
        result[name] = first = cleaned(text)
        if name.startswith("fx:") or (name.startswith("rand:") and int(name[5:]) % 5 == 0):
            result[f"{name}:strict"] = cleaned(text, CleanSettings(threshold=1.01))
        if name.startswith("fx:"):
            result[f"{name}:twice"] = cleaned(str(first["text"]))
    config = load_config(REPO)
    for article in read.read_all((config.content_dir,), config.root, defaults=config.clean):
        done = clean.clean_article(article)
        result[f"content:{article.slug}"] = {"text": done.text, "log": change_log(done)}
    return result


def _load(path: str) -> dict[str, object]:
    with gzip.open(path, "rt", encoding="utf-8") as file:
        found: dict[str, object] = json.load(file)
    return found


def main(args: list[str]) -> int:
    if args[:1] == ["--compare"]:
        a, b = (_load(path) for path in args[1:3])
        differ = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        print(f"{len(a)} entries, {len(differ)} differ", *differ[:20], sep="\n")
        return 1 if differ else 0
    result = snapshot(int(args[1]) if len(args) > 1 else 3000)
    with gzip.open(args[0], "wt", encoding="utf-8") as out:
        json.dump(result, out, ensure_ascii=False, sort_keys=True)
    print(f"{len(result)} entries")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
