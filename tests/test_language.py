"""A document's language: the front matter's, else what the text shows (CJK against Latin
letters, kana, Hangul, Simplified against Traditional characters), else publish.toml's; a
warning when the text contradicts the declared language; the choice reaches every format."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

from conftest import MakeProject, run_cli
from publish.labels import LOCALES, labels, local_date, locale_of
from publish.language import contradicts, shown

SIMPLIFIED = "县里的铁路经过许多乡镇，连接了南北两地的城市与港口。这条线路对经济发展很重要。\n"
TRADITIONAL = "縣裡的鐵路經過許多鄉鎮，連接了南北兩地的城市與港口。這條線路對經濟發展很重要。\n"
ENGLISH = (
    "The county railway runs through many towns, joining the cities and harbours of the "
    "north and the south. Mayor 李明 said the line matters to the economy.\n"
)
JAPANESE = "この鉄道は多くの町を通り、北と南の都市と港を結んでいます。経済にとって大切です。\n"
KOREAN = "이 철도는 많은 마을을 지나 북쪽과 남쪽의 도시와 항구를 연결합니다. 경제에 중요합니다.\n"


@pytest.mark.parametrize(
    ("text", "default", "tag"),
    [
        (SIMPLIFIED, "en", "zh-CN"),
        (TRADITIONAL, "zh-CN", "zh-TW"),
        (ENGLISH, "zh-CN", "en"),
        (ENGLISH, "fr", "fr"),  # Latin letters: the project's language when it is a Latin one
        (JAPANESE, "zh-CN", "ja"),
        (KOREAN, "zh-CN", "ko"),
        ("今日春光明媚，我和朋友去山上看花，大家都很高兴。", "zh-TW", "zh-TW"),  # script not shown
        ("短文", "zh-CN", ""),
        (
            SIMPLIFIED + "```\n" + ENGLISH * 20 + "```\n<https://example.org/a/long/path>\n",
            "en",
            "zh-CN",
        ),
    ],
)
def test_what_the_text_shows(text: str, default: str, tag: str) -> None:
    assert shown(text, default).tag == tag


def test_what_contradicts_a_declared_language() -> None:
    assert contradicts("en", shown(SIMPLIFIED, "en"))
    assert contradicts("zh-CN", shown(ENGLISH, "zh-CN"))
    assert contradicts("zh-CN", shown(TRADITIONAL, "zh-CN"))
    assert contradicts("zh-Hant", shown(SIMPLIFIED, "zh-CN"))
    assert not contradicts("zh-CN", shown(SIMPLIFIED, "zh-CN"))
    assert not contradicts("zh", shown(TRADITIONAL, "zh-CN"))  # no script said
    assert not contradicts("fr", shown(ENGLISH, "zh-CN"))  # Latin either way
    assert not contradicts("zh-CN", shown("短文", "zh-CN"))


def _doc(title: str, body: str, extra: str = "") -> str:
    return f"---\ntitle: {title}\ndate: 2024-05-01\n{extra}---\n\n{body * 3}"


def test_each_document_gets_its_language_in_every_format(make_project: MakeProject) -> None:
    root = make_project(
        {
            "content/english.md": _doc("Railway", ENGLISH),
            "content/traditional.md": _doc("鐵路", TRADITIONAL),
            "content/declared.md": _doc("Declared", ENGLISH, "language: zh-CN\n"),
        }
    )
    result = run_cli(["-v", "build", "--format", "html,epub"], root)
    assert result.returncode == 0, result.stderr
    assert "content/english.md: language en, from the text: " in result.stderr
    assert "content/traditional.md: language zh-TW, from the text: " in result.stderr
    assert "content/declared.md:4: language zh-CN, but the text looks like en (" in result.stderr
    english = (root / "build/site/english/index.html").read_text("utf-8")
    assert '<html lang="en">' in english and "About this document" in english
    assert "关于本文" not in english
    traditional = (root / "build/site/traditional/index.html").read_text("utf-8")
    assert '<html lang="zh-TW">' in traditional
    with zipfile.ZipFile(root / "build/epub/english.epub") as epub:
        opf = epub.read("EPUB/content.opf").decode("utf-8")
    assert re.search(r"<dc:language[^>]*>en</dc:language>", opf)
    log = json.loads((root / "build/clean/english.changes.json").read_text("utf-8"))
    assert log["language"]["tag"] == "en" and "Latin letters" in log["language"]["reason"]
    declared = json.loads((root / "build/clean/declared.changes.json").read_text("utf-8"))
    assert declared["language"] == {"tag": "zh-CN", "reason": "the front matter's 'language'"}
    index = (root / "build/site/index.html").read_text("utf-8")
    assert re.search(r'<li lang="en"[^>]*>.*?Railway', index, re.DOTALL)


def test_every_catalogue_has_every_word_with_its_placeholders() -> None:
    english = labels("en")
    for locale in sorted(p.stem for p in LOCALES.glob("*.po")):
        words = labels(locale.replace("_", "-"))
        assert words.keys() == english.keys(), locale
        for key, text in words.items():
            assert text.count("{}") == english[key].count("{}"), (locale, key)
    assert labels("zh-CN")["contents"] == "目录" and labels("zh-Hant")["contents"] == "目錄"
    assert labels("fr")["contents"] == "Contents"  # no catalogue: English
    assert labels("ja-JP")["contents"] == "目次"


@pytest.mark.parametrize(
    ("language", "locale", "day"),
    [
        ("en", "en", "May 1, 2024"),
        ("zh-CN", "zh_CN", "2024年5月1日"),
        ("zh-HK", "zh_TW", "2024年5月1日"),
        ("zh", "zh_CN", "2024年5月1日"),
        ("ja", "ja", "2024年5月1日"),
        ("ko", "en", "May 1, 2024"),  # no catalogue: English
    ],
)
def test_catalogue_and_date_by_language(language: str, locale: str, day: str) -> None:
    assert locale_of(language) == locale
    assert local_date("2024-05-01T08:00:00+08:00", language) == day
    assert local_date("undated", language) == "undated"


def test_a_traditional_document_speaks_traditional(make_project: MakeProject) -> None:
    root = make_project(
        {"content/t.md": _doc("鐵路", TRADITIONAL) + "\n## 第二節\n\n" + TRADITIONAL}
    )
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0, result.stderr
    page = (root / "build/site/t/index.html").read_text("utf-8")
    assert "關於本文" in page and "目錄" in page and "关于本文" not in page
    assert '<time datetime="2024-05-01">2024年5月1日</time>' in page
