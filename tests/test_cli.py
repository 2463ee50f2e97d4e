"""The command line: formats, exit codes and one-line errors."""
import json
import subprocess
import sys

import pytest

from .conftest import ROOT

SEED = str(ROOT / "fixtures" / "drafts" / "kursk.txt")


def run(*args, stdin: str | None = None):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          text=True, cwd=ROOT)


def test_lint_text_reports_file_line_col_and_exits_1():
    r = run("lint", SEED)
    assert r.returncode == 1
    assert r.stdout.splitlines() == [
        f'{SEED}:5:129: warning count-conflict "approximately 3,000 North Korean fighters" (line 5) conflicts '
        'with "between 10,000 and 12,000 North Korean soldiers" (line 3): one asserts 2,400–3,600, '
        'the other 10,000–12,000']
    assert r.stderr == ""


def test_lint_json_shape():
    r = run("lint", "--format", "json", SEED)
    data = json.loads(r.stdout)
    assert data["version"] == 1
    [file] = data["files"]
    assert file["path"] == SEED
    [finding] = file["findings"]
    assert set(finding) == {"rule", "severity", "message", "line", "column", "start", "end", "text", "related"}
    assert set(finding["related"][0]) == {"start", "end", "line", "column", "text"}
    assert data["summary"] == {"files": 1, "findings": 1, "by_severity": {"warning": 1},
                               "by_rule": {"count-conflict": 1}}


@pytest.mark.parametrize("fail_on, code", [("error", 0), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_sets_exit_status(fail_on, code):
    assert run("lint", "--fail-on", fail_on, SEED).returncode == code


def test_clean_file_exits_0(tmp_path):
    draft = tmp_path / "clean.txt"
    draft.write_text("Some 3,000 people attended on Tuesday, 7 October 2014.")
    r = run("lint", str(draft))
    assert (r.returncode, r.stdout) == (0, "")


def test_directory_is_walked(tmp_path):
    (tmp_path / "a.txt").write_text("It happened on Feb 30, 2014.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("Fine: 12 people.")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    data = json.loads(run("lint", "--format", "json", str(tmp_path)).stdout)
    assert [f["path"] for f in data["files"]] == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.md")]


@pytest.mark.parametrize("args, message", [
    (["lint", "missing.txt"], "missing.txt: no such file or directory"),
    (["lint", "--reference-date", "2024-02-30", SEED], "bad --reference-date '2024-02-30'"),
    (["lint", "--select", "no-such-rule", SEED], "unknown rule 'no-such-rule'"),
    (["explain", "no-such-rule"], "unknown rule 'no-such-rule'"),
    (["lint", "--format", "nope", SEED], "Invalid value for '--format'"),
    (["lint", "--no-such-option", SEED], "No such option: --no-such-option"),
    (["lint", "--jobs", "-1", SEED], "Invalid value for '--jobs'"),
])
def test_user_mistakes_are_one_line_and_exit_2(args, message):
    r = run(*args)
    assert r.returncode == 2
    assert r.stdout == ""
    assert len(r.stderr.strip().splitlines()) == 1 and message in r.stderr
    assert "Traceback" not in r.stderr


def test_empty_directory_is_an_error(tmp_path):
    r = run("lint", str(tmp_path))
    assert r.returncode == 2 and "holds no drafts" in r.stderr


def test_invalid_utf8_is_an_error(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"caf\xe9 3,000 people")
    r = run("lint", str(bad))
    assert r.returncode == 2 and "not valid UTF-8" in r.stderr and "Traceback" not in r.stderr


def test_extract_json_lists_every_claim():
    data = json.loads(run("extract", "--format", "json", "--reference-date", "2024-10-30", SEED).stdout)
    golden = json.loads((ROOT / "fixtures" / "drafts" / "kursk.claims.json").read_text())
    assert data == {"version": 1, "files": [{"path": SEED, "claims": golden["files"][0]["claims"]}]}


def test_extract_text_table():
    r = run("extract", SEED)
    assert r.returncode == 0
    assert f"{SEED}:3:68: range    'between 10,000 and 12,000' [10000, 12000] subject='North Korean soldiers'" in r.stdout


def test_extract_jsonl_from_stdin():
    lines = "\n".join([
        json.dumps({"id": "a", "text": "about 5 km"}),
        json.dumps({"id": 7, "text": "on Monday", "reference_date": "2024-10-30"}),
    ])
    r = run("extract", "--jsonl", "-", stdin=lines)
    assert r.returncode == 0
    rows = [json.loads(line) for line in r.stdout.splitlines()]
    assert [row["id"] for row in rows] == ["a", 7]
    assert rows[0]["claims"][0]["unit"] == "kilometer" and rows[0]["claims"][0]["hedge"] == "about"
    assert rows[1]["claims"][0]["date"] == "2024-10-28"


def test_extract_jsonl_bad_line_writes_nothing():
    lines = json.dumps({"id": "a", "text": "5 km"}) + "\nnot json\n"
    r = run("extract", "--jsonl", "-", stdin=lines)
    assert r.returncode == 2 and r.stdout == "" and "-:2: bad JSONL line" in r.stderr


def test_rules_and_explain():
    r = run("rules")
    assert r.returncode == 0
    ids = [line.split()[0] for line in r.stdout.splitlines()]
    assert ids == sorted(["age-conflict", "conversion-mismatch", "count-conflict", "direction-mismatch",
                          "exchange-rate-mismatch", "invalid-date", "name-number-mismatch", "part-exceeds-whole", "percent-mismatch", "total-mismatch", "unused-suppression",
                          "weekday-mismatch"])
    r = run("explain", "count-conflict")
    assert r.returncode == 0
    assert "count-conflict (Count conflict)" in r.stdout and "Fails" in r.stdout and "Passes" in r.stdout


def test_files_read_are_never_modified(tmp_path):
    draft = tmp_path / "draft.txt"
    draft.write_bytes((ROOT / "fixtures" / "drafts" / "kursk.txt").read_bytes())
    before = (draft.read_bytes(), draft.stat().st_mtime_ns)
    run("lint", str(draft))
    run("extract", "--format", "json", str(draft))
    assert (draft.read_bytes(), draft.stat().st_mtime_ns) == before


def test_a_regex_timeout_is_one_line_and_exit_2():
    # a text that outlasts a pattern's timeout (hostile input) is reported, not a traceback
    code = ("import sys, checker.cli as cli\n"
            "def slow(*a, **k):\n"
            "    raise TimeoutError('regex timed out')\n"
            "cli.extract_source = slow\n"
            f"sys.argv = ['numcheck', 'extract', {SEED!r}]\n"
            "cli.main()\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 2
    assert r.stdout == ""
    assert r.stderr == ("numcheck: a pattern took too long on this input (regex timeout); "
                        "nothing was written; please report the text\n")
