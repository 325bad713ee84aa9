"""Generated newspaper documents for the scale tests and ``make bench``: ``count`` Markdown
files of 3-15 KB each, Chinese and English mixed (every third one English, some Chinese ones
with English words), with front matter, headings, run-in heads, lists and the scraped text's
faults the cleaner mends (hard-wrapped lines, ASCII punctuation between Chinese characters).
The same ``seed`` gives the same files.

    python tests/scale_corpus.py FOLDER COUNT   # writes FOLDER/content/ and FOLDER/publish.toml
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

_HANZI = (
    "县政府工作报告指出今年全县经济社会发展稳中有进产业结构持续优化农业生产保持稳定"
    "城乡居民收入不断增加基础设施建设加快推进生态环境明显改善民生事业全面发展教育"
    "医疗文化体育事业取得新进展改革开放深入推进营商环境进一步优化社会治理水平提升"
)
_WORDS = [
    "the",
    "bridge",
    "council",
    "said",
    "on",
    "Monday",
    "that",
    "repair",
    "work",
    "on",
    "the",
    "northern",
    "approach",
    "would",
    "continue",
    "through",
    "spring",
    "while",
    "traffic",
    "returns",
    "to",
    "the",
    "main",
    "span",
    "and",
    "the",
    "ferry",
    "keeps",
    "its",
    "winter",
    "timetable",
    "for",
    "commuters",
    "who",
    "live",
    "across",
    "the",
    "river",
    "in",
    "the",
    "old",
    "district",
]


def _chinese(rng: random.Random, size: int) -> str:
    text = "".join(rng.choice(_HANZI) for _ in range(size))
    # a sentence mark now and then, some as ASCII (the cleaner makes them full width)
    parts = [text[i : i + rng.randint(12, 30)] for i in range(0, len(text), 30)]
    return "".join(p + rng.choice(["。", "，", ",", "。"]) for p in parts)


def _english(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(_WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def _wrapped(text: str, width: int) -> str:
    return "\n".join(text[i : i + width] for i in range(0, len(text), width))


def document(number: int, rng: random.Random) -> str:
    english = number % 3 == 0
    target = rng.randint(3_000, 15_000)  # bytes
    day = f"20{10 + number % 15:02d}-{1 + number % 12:02d}-{1 + number % 28:02d}"
    title = f"Report {number}" if english else f"第{number}号报告"
    lines = [
        "---",
        f"title: {title}",
        f"date: {day}",
        f"language: {'en' if english else 'zh-CN'}",
        f"source: Generated page {number}",
        "---",
        "",
    ]
    size, section = 0, 0
    while size < target:
        section += 1
        lines += [f"## {'Section' if english else '第'}{section}{'' if english else '部分'}", ""]
        for _ in range(rng.randint(2, 4)):
            if english:
                body = _wrapped(_english(rng, rng.randint(40, 90)), 72)
            else:
                body = _wrapped(_chinese(rng, rng.randint(80, 200)), 36)
                if rng.random() < 0.3:
                    body += f" {rng.choice(_WORDS)} {rng.choice(_WORDS)}。"
            lines += [body, ""]
        if rng.random() < 0.4:
            lines += [f"- {rng.choice(_WORDS)}" for _ in range(3)] + [""]
        size = len("\n".join(lines).encode("utf-8"))
    return "\n".join(lines)


def make_corpus(folder: Path, count: int, seed: int = 15) -> Path:
    """Write ``count`` documents under ``folder/content`` and a ``publish.toml``."""
    rng = random.Random(seed)
    content = folder / "content"
    content.mkdir(parents=True, exist_ok=True)
    for number in range(1, count + 1):
        text = document(number, rng)
        (content / f"doc-{number:05d}.md").write_text(text, encoding="utf-8")
    (folder / "publish.toml").write_text(
        'title = "Scale"\nlanguage = "zh-CN"\nformats = ["epub", "html"]\n', encoding="utf-8"
    )
    return folder


if __name__ == "__main__":
    make_corpus(Path(sys.argv[1]), int(sys.argv[2]))
