"""--write-baseline and --baseline: known findings stay quiet, new ones are reported,
and matching survives edits elsewhere in the file."""
import hashlib
import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from checker import baseline
from checker.model import Finding, Span

from .conftest import ROOT
from .test_cli import run

SEED = ROOT / "fixtures" / "drafts" / "kursk.txt"
NEW_ERROR = "\nIt happened on Feb 30, 2014.\n"


@pytest.fixture
def draft(tmp_path):
    path = tmp_path / "draft.txt"
    path.write_bytes(SEED.read_bytes())
    return path


def test_write_baseline_records_the_figures_not_the_lines(draft, tmp_path):
    target = tmp_path / "numcheck-baseline.json"
    before = hashlib.sha256(draft.read_bytes()).hexdigest()
    r = run("lint", "--write-baseline", str(target), str(draft))
    assert (r.returncode, r.stdout) == (0, "")
    assert r.stderr == f"numcheck: recorded 1 finding(s) in {target}\n"
    assert json.loads(target.read_text()) == {"version": 1, "findings": [{
        "path": "draft.txt", "rule": "count-conflict", "text": "approximately 3,000 North Korean fighters",
        "related": ["between 10,000 and 12,000 North Korean soldiers"]}]}
    assert hashlib.sha256(draft.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["draft.txt", "numcheck-baseline.json"]


def test_baseline_hides_known_findings_across_edits_elsewhere(draft, tmp_path):
    target = tmp_path / "b.json"
    run("lint", "--write-baseline", str(target), str(draft))
    assert run("lint", "--baseline", str(target), str(draft)).returncode == 0
    # A new paragraph on top moves every line and offset, an edit earlier in the same paragraph
    # moves the column, and a doubled space changes the figure's whitespace.
    text = draft.read_text()
    text = text.replace("Yoon Suk Yeol, confirmed", "Yoon Suk Yeol, on Tuesday confirmed")
    draft.write_text("Editor's note: updated.\n\n" + text.replace("3,000 North Korean", "3,000 North  Korean"))
    r = run("lint", "--baseline", str(target), str(draft))
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    # ... while the finding itself is still there, two lines down.
    assert run("lint", str(draft)).stdout.startswith(f"{draft}:7:140: warning count-conflict")


def test_baseline_reports_only_new_findings(draft, tmp_path):
    target = tmp_path / "b.json"
    run("lint", "--write-baseline", str(target), str(draft))
    draft.write_text(draft.read_text() + NEW_ERROR)
    r = run("lint", "--baseline", str(target), "--format", "json", str(draft))
    assert r.returncode == 1
    data = json.loads(r.stdout)
    assert [f["rule"] for f in data["files"][0]["findings"]] == ["invalid-date"]
    assert data["summary"]["findings"] == 1
    # Without the baseline both are there.
    assert run("lint", "--format", "json", str(draft)).stdout.count('"rule"') == 2


def test_baseline_paths_are_relative_to_the_baseline(draft, tmp_path):
    """Written with an absolute path, used from another directory with a relative one."""
    target = tmp_path / "b.json"
    run("lint", "--write-baseline", str(target), str(draft))
    r = subprocess.run([sys.executable, "-m", "checker", "lint", "--baseline", "b.json", "draft.txt"],
                       cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert (r.returncode, r.stdout) == (0, "")


def test_baseline_does_not_hide_the_same_figures_in_another_file(draft, tmp_path):
    target = tmp_path / "b.json"
    run("lint", "--write-baseline", str(target), str(draft))
    other = tmp_path / "other.txt"
    other.write_bytes(draft.read_bytes())
    r = run("lint", "--baseline", str(target), str(draft), str(other))
    assert r.returncode == 1 and r.stdout.startswith(f"{other}:5:129: warning count-conflict")


def _finding(text, related=()):
    return Finding("count-conflict", "warning", "m", 0, len(text), 1, 1, text,
                   [Span(0, len(t), 1, 1, t) for t in related])


def test_a_second_copy_of_a_known_finding_is_new(tmp_path):
    known = Counter({("a.txt", ("count-conflict", "5 troops", "9 troops")): 1})
    results = [(str(tmp_path / "a.txt"), [_finding("5 troops", ["9 troops"]), _finding("5  troops", ["9 troops"]),
                                          _finding("5 troops", ["7 troops"])])]
    kept, dropped = baseline.apply(str(tmp_path / "b.json"), known, results)
    assert dropped == 1
    assert [(f.text, f.related[0].text) for f in kept[0][1]] == [("5  troops", "9 troops"), ("5 troops", "7 troops")]


@pytest.mark.parametrize("content, message", [
    (None, "cannot read the baseline"),
    ("not json", "not a numcheck baseline (not JSON"),
    ('{"version": 2, "findings": []}', "not a numcheck baseline"),
    ('[]', "not a numcheck baseline"),
    ('{"version": 1, "findings": [{"path": "a", "rule": "r"}]}', "finding 0 needs path, rule, text and related"),
])
def test_bad_baseline_is_one_line_and_exit_2(draft, tmp_path, content, message):
    target = tmp_path / "b.json"
    if content is not None:
        target.write_text(content)
    r = run("lint", "--baseline", str(target), str(draft))
    assert r.returncode == 2 and r.stdout == ""
    assert len(r.stderr.splitlines()) == 1 and message in r.stderr and str(target) in r.stderr


def test_write_baseline_never_overwrites_an_input(draft):
    before = draft.read_bytes()
    r = run("lint", "--write-baseline", str(draft), str(draft))
    assert r.returncode == 2 and r.stdout == "" and "refusing to write the baseline" in r.stderr
    assert draft.read_bytes() == before


def test_write_baseline_to_a_missing_directory_is_exit_2(draft, tmp_path):
    r = run("lint", "--write-baseline", str(tmp_path / "no" / "b.json"), str(draft))
    assert r.returncode == 2 and r.stdout == "" and "cannot write the baseline" in r.stderr
    assert "Traceback" not in r.stderr


def test_rewriting_a_baseline_replaces_it_whole(draft, tmp_path):
    target = tmp_path / "b.json"
    draft.write_text(draft.read_text() + NEW_ERROR)
    run("lint", "--write-baseline", str(target), str(draft))
    assert len(json.loads(target.read_text())["findings"]) == 2
    draft.write_bytes(SEED.read_bytes())
    run("lint", "--baseline", str(target), "--write-baseline", str(target), str(draft))
    assert len(json.loads(target.read_text())["findings"]) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.json", "draft.txt"]  # no temporary file left


def test_terminal_summary_counts_what_the_baseline_hid(draft, tmp_path):
    from .test_formats import _on_terminal

    target = tmp_path / "b.json"
    run("lint", "--write-baseline", str(target), str(draft))
    shown, _, code = _on_terminal("lint", "--baseline", str(target), str(draft), env={"NO_COLOR": "1"})
    assert code == 0
    assert shown.replace("\r\n", "\n") == "1 file(s) checked, no findings, 1 in the baseline\n"
