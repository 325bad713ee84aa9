"""Whole documents through the cleaner: the seed, a shuffled three-fragment article, an English
article with jump lines and hyphenation, a hard-wrapped OCR notice."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import REPO, MakeProject, run_cli
from publish import clean
from publish.errors import ContentError
from publish.model import Article
from publish.read import read_source

SEED = REPO / "content" / "daixian-work-report.md"


@pytest.fixture(scope="module")
def seed() -> tuple[str, str]:
    source = read_source(SEED, REPO)
    return source.body, clean.clean(source).text


def test_seed_jump_lines_removed(seed: tuple[str, str]) -> None:
    raw, cleaned = seed
    assert "上接第一版" in raw and "下转第三版" in raw
    assert "上接" not in cleaned and "下转" not in cleaned
    assert "\n人民群众的获得感、幸福感、安全感进一步增强。\n" in cleaned


def test_seed_cut_paragraphs_joined(seed: tuple[str, str]) -> None:
    _, cleaned = seed
    assert "党的二十和二十届二中全会精神" in cleaned
    assert "互促共进、协同发展。积极创编演艺节目" in cleaned


def test_seed_half_width_marks_converted(seed: tuple[str, str]) -> None:
    _, cleaned = seed
    chinese_context = re.compile(r"[\u4e00-\u9fff][,;:?!()]|[,;:?!()][\u4e00-\u9fff]")
    assert chinese_context.findall(cleaned) == []
    assert not re.search(r"[,;:?!()]", cleaned)  # the seed has no other kind
    assert "### （一）聚力产业转型升级，构建现代化产业体系" in cleaned


def test_seed_headings_nested(seed: tuple[str, str]) -> None:
    _, cleaned = seed
    headings = re.findall(r"^(#+) (.*)$", cleaned, re.M)
    assert [(len(h), t[:3]) for h, t in headings] == [
        (1, "政府工"),
        (2, "202"),
        (3, "（一）"),
        (3, "（二）"),
        (3, "（三）"),
    ]


def test_seed_keeps_every_number(seed: tuple[str, str]) -> None:
    raw, cleaned = seed
    numbers = re.findall(r"\d+(?:\.\d+)?%?", raw)
    assert re.findall(r"\d+(?:\.\d+)?%?", cleaned) == numbers
    for figure in ("1156.78万元", "4.5%", "28.82亿元", "1.47万人次", "45.8%"):
        assert figure in cleaned


def test_seed_bold_run_in_heads_stay_paragraphs(seed: tuple[str, str]) -> None:
    _, cleaned = seed
    assert len(re.findall(r"^\*\*[^*]+。\*\*\S", cleaned, re.M)) == 18


FRAGMENTS = {
    "page1.md": "---\ntitle: 黄酒节开幕\n---\n\n# 黄酒节开幕\n\n"
    "本报讯 第十届代州黄酒文化节昨日开幕,来自各地的客商齐聚古城,共商产业发展(下转第二版)\n",
    "page2.md": "(上接第一版)大计。开幕式上,县领导介绍了黄酒产业的发展情况,并为新建的"
    "酿造园区揭牌。(下转第三版)\n",
    "page3.md": "（上接第二版）活动将持续三天,期间还将举办品鉴会和非遗展演。\n",
}


def test_three_fragments_in_shuffled_order(make_project: MakeProject) -> None:
    root = make_project({f"content/huangjiu/{name}": text for name, text in FRAGMENTS.items()})
    files = [root / "content/huangjiu" / n for n in ("page3.md", "page1.md", "page2.md")]
    sources = [read_source(path, root) for path in files]
    article = Article("huangjiu", root / "content/huangjiu", "content/huangjiu", tuple(sources))
    cleaned = clean.clean_article(article)
    assert [f.path.name for f in cleaned.fragments] == ["page1.md", "page2.md", "page3.md"]
    assert cleaned.source.front_matter["title"] == "黄酒节开幕"
    assert "共商产业发展大计。开幕式上，县领导" in cleaned.text
    assert "揭牌。\n\n活动将持续三天，期间还将举办品鉴会和非遗展演。\n" in cleaned.text
    assert [(j.direction, j.page, Path(j.path).name) for j in cleaned.jumps] == [
        ("to", "2", "page1.md"),
        ("from", "1", "page2.md"),
        ("to", "3", "page2.md"),
        ("from", "2", "page3.md"),
    ]
    seams = [c for c in cleaned.changes if c.pass_name == "seams"]
    assert [(Path(c.path).name, c.line) for c in seams] == [("page1.md", 7)]


def test_fragments_built_as_one_document(make_project: MakeProject) -> None:
    root = make_project({f"content/huangjiu/{name}": text for name, text in FRAGMENTS.items()})
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 0, result.stderr
    page = (root / "build/site/huangjiu/index.html").read_text("utf-8")
    assert "共商产业发展大计。" in page and "期间还将举办品鉴会" in page
    assert "上接" not in page


def test_fragments_that_do_not_chain_are_an_error(make_project: MakeProject) -> None:
    root = make_project({"content/a/x.md": "甲乙丙。(下转第五版)\n", "content/a/y.md": "丁戊。\n"})
    sources = [read_source(root / "content/a" / n, root) for n in ("x.md", "y.md")]
    article = Article("a", root / "content/a", "content/a", tuple(sources))
    with pytest.raises(ContentError, match=r"content/a/x.md .*content/a/y.md.*--keep-order"):
        clean.clean_article(article)
    kept = clean.clean_article(article, keep_order=True)
    assert kept.text == "甲乙丙。\n\n丁戊。\n"


ENGLISH = """# Harbor Bridge Reopens

(Continued from Page 1) The council said the gov-
ernment would pay for the well-
known contractor's final repairs, and a well-known
engineer would inspect the cables before the winter
storms arrive on the coast this year.

Work on the approach roads will continue until spring,
with one lane closed in each direction at night and the

footpath reopened on weekends only.
Continued on Page A6
"""


def test_english_article_with_jump_lines_and_hyphenation() -> None:
    text, editors = clean.clean_text(ENGLISH, "en.md")
    assert text == (
        "# Harbor Bridge Reopens\n\n"
        "The council said the government would pay for the well-known contractor's final "
        "repairs, and a well-known engineer would inspect the cables before the winter storms "
        "arrive on the coast this year.\n\n"
        "Work on the approach roads will continue until spring, with one lane closed in each "
        "direction at night and the footpath reopened on weekends only.\n"
    )
    jumps = [(j.direction, j.page) for e in editors for j in e.jumps]
    assert jumps == [("from", "1"), ("to", "A6")]


NOTICE = """关于做好２０２４年春节期间安全生产工作的通知
各乡镇人民政府，县直各有关单位：
　　春节将至，为切实做好节日期间安全生产工作，确保全县人民
度过一个欢乐祥和的节日，现将有关事项通知如下。
一、高度重视
　　各单位要充分认识做好节日期间安全生产工作的重要性，主要
负责同志要亲自部署、亲自检查，切实落实安全生产责任。
二、加强检查
　　各单位要组织开展一次安全生产大检查，对检查中发现的隐患
要立即整改，整改不到位的不得恢复生产经营。

代县人民政府办公室
2024年1月20日
"""


def test_hard_wrapped_ocr_notice() -> None:
    text, _ = clean.clean_text(NOTICE, "notice.md")
    assert text == (
        "关于做好2024年春节期间安全生产工作的通知\n\n"
        "各乡镇人民政府，县直各有关单位：\n\n"
        "春节将至，为切实做好节日期间安全生产工作，确保全县人民度过一个欢乐祥和的节日，"
        "现将有关事项通知如下。\n\n"
        "一、高度重视\n\n"
        "各单位要充分认识做好节日期间安全生产工作的重要性，主要负责同志要亲自部署、亲自检查，"
        "切实落实安全生产责任。\n\n"
        "二、加强检查\n\n"
        "各单位要组织开展一次安全生产大检查，对检查中发现的隐患要立即整改，"
        "整改不到位的不得恢复生产经营。\n\n"
        "代县人民政府办公室\n2024年1月20日\n"
    )
