"""Reviewable decisions: suggestions below the threshold, accept and reject by id in a side
file or front matter, ``[clean]`` in publish.toml, and how a build reports them."""

from __future__ import annotations

import json
import re

from conftest import REPO, MakeProject, run_cli
from publish.check import vnu

#: A paragraph cut where the second half starts with a capital: only a suggestion.
CUT = (
    "Work on the approach roads will continue until spring, with the Harbor\n\n"
    "Bridge closed in one direction at night.\n"
)
JOINED = (
    "Work on the approach roads will continue until spring, with the Harbor "
    "Bridge closed in one direction at night.\n"
)


def _suggestion(root: object) -> str:
    result = run_cli(["clean", "a.md", "--changes", "log.json"], root)  # type: ignore[arg-type]
    assert result.returncode == 0, result.stderr
    log = json.loads((root / "log.json").read_text("utf-8"))  # type: ignore[operator]
    (seam,) = [c for c in log["changes"] if c["pass"] == "seams"]
    assert seam["applied"] is False and seam["confidence"] < log["threshold"]
    assert log["summary"]["suggested"] == 1 and seam["evidence"]
    return str(seam["id"])


def test_a_suggestion_is_listed_not_applied(make_project: MakeProject) -> None:
    root = make_project({"a.md": CUT})
    assert run_cli(["clean", "a.md"], root).stdout == CUT
    edit_id = _suggestion(root)
    listed = run_cli(["clean", "a.md", "--suggest"], root)
    assert edit_id in listed.stdout and "+Work on the approach roads" in listed.stdout
    diff = run_cli(["clean", "a.md", "--diff"], root)
    assert diff.stdout == "" and "1 suggestion(s) not applied" in diff.stderr


def test_accepting_by_id_applies_it_and_survives_a_rebuild(make_project: MakeProject) -> None:
    root = make_project({"a.md": CUT})
    edit_id = _suggestion(root)
    accepted = run_cli(["clean", "a.md", "--accept", edit_id], root)
    assert accepted.returncode == 0 and accepted.stdout == JOINED
    review = (root / "a.review.yaml").read_text("utf-8")
    assert f"- {edit_id}" in review and "accept:" in review
    assert run_cli(["clean", "a.md"], root).stdout == JOINED  # the decision holds
    rejected = run_cli(["clean", "a.md", "--reject", edit_id], root)
    assert rejected.stdout == CUT and "accept:" not in (root / "a.review.yaml").read_text()


def test_rejecting_an_applied_edit(make_project: MakeProject) -> None:
    root = make_project({"a.md": "今年,我们完成了任务。\n"})
    log = root / "log.json"
    run_cli(["clean", "a.md", "--changes", "log.json"], root)
    (comma,) = json.loads(log.read_text("utf-8"))["changes"]
    kept = run_cli(["clean", "a.md", "--reject", comma["id"], "--changes", "log.json"], root)
    assert kept.stdout == "今年,我们完成了任务。\n"
    assert json.loads(log.read_text("utf-8"))["changes"][0]["decision"] == "rejected"


def test_front_matter_and_threshold(make_project: MakeProject) -> None:
    front = "---\nclean:\n  threshold: 0.5\n---\n"
    root = make_project({"a.md": front + CUT})
    assert run_cli(["clean", "a.md"], root).stdout == front + JOINED
    assert run_cli(["clean", "a.md", "--threshold", "0.95"], root).stdout == front + CUT


def test_project_settings_and_their_errors(make_project: MakeProject) -> None:
    root = make_project({"publish.toml": "[clean]\nthreshold = 0.5\n", "a.md": CUT})
    assert run_cli(["clean", "a.md"], root).stdout == JOINED
    bad = make_project(
        {"publish.toml": '[clean]\nthreshold = 2\ndisable = ["nope"]\n', "a.md": CUT}
    )
    result = run_cli(["clean", "a.md"], bad)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "publish.toml:2: clean threshold must be between 0 and 1, got 2" in result.stderr
    assert "unknown clean pass nope; passes are: indents" in result.stderr


def test_a_build_warns_about_a_decision_that_matches_nothing(make_project: MakeProject) -> None:
    root = make_project(
        {"content/a.md": "# A\n\n" + CUT, "content/a.review.yaml": "reject: [seams-00000000]\n"}
    )
    result = run_cli(["build", "--format", "html", "--strict"], root)
    assert result.returncode == 1
    assert "content/a.md: review decision seams-00000000 matches no edit any more" in result.stderr
    page = (root / "build/site/a/changes.html").exists()
    assert not page  # --strict stopped the build before anything was written


def test_the_site_log_shows_suggestions(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# A\n\n" + CUT})
    assert run_cli(["build", "--format", "html"], root).returncode == 0
    page = (root / "build/site/a/changes.html").read_text("utf-8")
    assert 'class="changes suggestions"' in page and "seams-" in page
    assert "the second part starts with a capital" in page


def test_the_site_log_folds_suggestions_alike(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# A\n\n" + HALF_WIDTH})
    assert run_cli(["build", "--format", "html"], root).returncode == 0
    log = json.loads((root / "build/clean/a.changes.json").read_text("utf-8"))["changes"]
    offered = [c["id"] for c in log if not c["applied"]]
    page = (root / "build/site/a/changes.html").read_text("utf-8")
    table = page.split('class="changes suggestions"', 1)[1]
    rows = re.findall(r'<tr id="([^"]+)"', table)
    (folded,) = re.findall(r'<tr class="alike">.*?<code>([^<]*)</code>', table)
    assert len(offered) == 48 and rows == offered[:3]  # (the first three in full)
    assert folded.split(", ") == offered[3:] and "另有同类建议 45 条" in table  # (a Chinese page)
    assert vnu(root / "build/site", REPO) == []  # (the folded row is valid HTML)


def test_a_bad_review_file_is_one_clear_error(make_project: MakeProject) -> None:
    root = make_project({"content/a.md": "# A\n\ntext\n", "content/a.review.yaml": "accept: [\n"})
    result = run_cli(["build", "--format", "html"], root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "content/a.review.yaml:2: not a valid review file" in result.stderr


#: Brackets set half-width throughout (widening them is only offered), and a colon after one
#: pair that is widened only once its brackets are.
HALF_WIDTH = "".join(f"第{n}项(可选)包括名称和路径(见附件{n})。\n\n" for n in range(12))
COLON = HALF_WIDTH + "见附件(第二部分):\n"


def test_suggest_lists_the_edits_accepting_brings(make_project: MakeProject) -> None:
    root = make_project({"a.md": COLON, "b.md": CUT})
    listed = run_cli(["clean", "a.md", "--suggest"], root)
    following = listed.stdout.split("following from them once accepted", 1)[1]
    assert "- '附件（第二部分）:'\n  + '附件（第二部分）：'" in following
    assert "+见附件（第二部分）：" in listed.stdout  # (the diff has it: now named)
    assert "accepting them brings 1 edit(s) more" in listed.stderr
    ids = [line.split()[0] for line in listed.stdout.splitlines() if line.startswith("punct")]
    *shown, colon = ids  # (listed last, after the suggestions)
    (folded,) = [line for line in listed.stdout.splitlines() if "more alike" in line]
    suggested = shown + folded.rsplit(" ", 1)[1].split(",")  # (47 alike folded on one line)
    assert len(shown) == 3 and len(suggested) == 50 and colon in following
    accepted = run_cli(["clean", "a.md", "--accept", ",".join(suggested), "--changes", "j"], root)
    assert accepted.stdout.endswith("见附件（第二部分）：\n")  # (the build makes it, as listed)
    log = json.loads((root / "j").read_text("utf-8"))["changes"]
    assert [c["applied"] for c in log if c["id"] == colon] == [True]
    alone = run_cli(["clean", "b.md", "--suggest"], root)
    assert "following from them" not in alone.stdout and "brings" not in alone.stderr
