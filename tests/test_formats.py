"""Every `lint --format`: golden outputs, SARIF against the official schema, and what each
consumer (GitHub, JUnit readers, reviewdog, a terminal) needs."""
import functools
import json
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

import jsonschema
import pytest
from typer.testing import CliRunner

from checker import formats
from checker.cli import app
from checker.engine import load_rules
from checker.formats import github
from checker.model import Finding

from .conftest import ROOT
from .test_cli import run

FORMATS = ("text", "json", "sarif", "github", "junit", "rdjsonl")
INPUTS = ("fixtures/drafts/kursk.txt", "fixtures/formats/drafts")
GOLDEN = ROOT / "fixtures" / "formats"
# The vendored schema (tests/schemas/, a copy of shared/schemas/) keeps the log object's own
# schema under definitions/Root and has no top-level constraints, so validating against the
# file as it stands would accept anything: validate against its Root.
_VENDORED = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text())
SCHEMA = {**_VENDORED, "$ref": "#/definitions/Root"}


@functools.cache
def lint(fmt: str):
    """The fixtures in one format; cached, a run costs a process start-up."""
    return run("lint", "--format", fmt, *INPUTS)


def golden_form(fmt: str, stdout: str) -> str:
    """SARIF's rule descriptors (and so each result's ruleIndex) follow rules/*.toml: they
    change whenever a rule is added or reworded, and are checked against the rules
    themselves below; the golden file holds the rest of the log."""
    if fmt != "sarif":
        return stdout
    log = json.loads(stdout)
    del log["runs"][0]["tool"]["driver"]["rules"]
    for result in log["runs"][0]["results"]:
        del result["ruleIndex"]
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden_output(fmt):
    r = lint(fmt)
    assert r.returncode == 1 and r.stderr == ""
    assert golden_form(fmt, r.stdout) == (GOLDEN / f"expected.{fmt}").read_text(encoding="utf-8")


def test_text_and_json_keep_their_contract():
    """The two contract formats are exactly what they were before the formats package."""
    seed = "fixtures/drafts/kursk.txt"
    assert run("lint", seed).stdout == (
        f'{seed}:5:129: warning count-conflict "approximately 3,000 North Korean fighters" (line 5) conflicts '
        'with "between 10,000 and 12,000 North Korean soldiers" (line 3): one asserts 2,400–3,600, '
        'the other 10,000–12,000\n')
    data = json.loads(run("lint", "--format", "json", seed).stdout)
    golden = json.loads((ROOT / "fixtures" / "drafts" / "kursk.findings.json").read_text())
    assert data["files"][0]["findings"] == golden["files"][0]["findings"]


def test_sarif_validates_against_the_2_1_0_schema():
    log = json.loads(lint("sarif").stdout)
    jsonschema.Draft7Validator.check_schema(_VENDORED)
    errors = sorted(jsonschema.Draft7Validator(SCHEMA).iter_errors(log), key=str)
    assert errors == []


@pytest.mark.parametrize("break_it", [
    lambda log: log["runs"][0]["results"][0].pop("message"),
    lambda log: log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"].update(startLine=0),
    lambda log: log.pop("version"),
    lambda log: log["runs"][0]["tool"]["driver"]["rules"][0].update(defaultConfiguration={"level": "fatal"}),
])
def test_sarif_schema_check_catches_a_broken_log(break_it):
    """The validation above can fail: each of these breakages is rejected."""
    log = json.loads(lint("sarif").stdout)
    break_it(log)
    assert list(jsonschema.Draft7Validator(SCHEMA).iter_errors(log))


def test_sarif_carries_rule_docs_regions_and_related_figures():
    [run_] = json.loads(lint("sarif").stdout)["runs"]
    rules = run_["tool"]["driver"]["rules"]
    catalogue = load_rules()
    assert [r["id"] for r in rules] == list(catalogue)
    conflict = next(r for r in rules if r["id"] == "count-conflict")
    doc = catalogue["count-conflict"].doc
    assert conflict["shortDescription"]["text"] == catalogue["count-conflict"].summary
    assert conflict["fullDescription"]["text"] == doc["what"].strip()
    assert doc["why"].strip() in conflict["help"]["text"] and doc["fail"].strip() in conflict["help"]["text"]
    assert conflict["defaultConfiguration"] == {"level": "warning"}
    assert run_["columnKind"] == "unicodeCodePoints"

    assert all(rules[result["ruleIndex"]]["id"] == result["ruleId"] for result in run_["results"])
    seed, weekday, conversion, invalid = run_["results"]
    assert (seed["ruleId"], seed["level"]) == ("count-conflict", "warning")
    loc = seed["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "fixtures/drafts/kursk.txt"
    assert loc["region"] == {"startLine": 5, "startColumn": 129, "endLine": 5, "endColumn": 170,
                             "charOffset": 1815, "charLength": 41,
                             "snippet": {"text": "approximately 3,000 North Korean fighters"}}
    [related] = seed["relatedLocations"]
    assert related["physicalLocation"]["region"]["startLine"] == 3
    assert related["physicalLocation"]["region"]["startColumn"] == 68
    assert related["message"]["text"] == "between 10,000 and 12,000 North Korean soldiers"
    assert (weekday["level"], invalid["level"], conversion["level"]) == ("error", "error", "warning")
    assert "relatedLocations" not in invalid


def test_sarif_uris_are_encoded():
    from checker.formats.sarif import artifact_uri

    assert artifact_uri("drafts/a b#1.txt") == "drafts/a%20b%231.txt"
    assert artifact_uri("/tmp/x y.md") == "file:///tmp/x%20y.md"


def _finding(**kw):
    base = dict(rule="invalid-date", severity="error", message="m", start=0, end=3, line=1, column=1, text="abc")
    return Finding(**{**base, **kw})


def test_github_escapes_data_and_properties():
    report = formats.Report([("a,b:c%.txt", [_finding(message="100% wrong\r\nsee: here, there",
                                                       severity="info", line=2, column=5, text="x\nyz")])])
    assert github.render(report) == (
        "::notice file=a%2Cb%3Ac%25.txt,line=2,col=5,endLine=3,endColumn=3,title=invalid-date"
        "::100%25 wrong%0D%0Asee: here, there")


def test_junit_is_valid_xml_with_a_testcase_per_file_and_a_failure_per_finding():
    root = ET.fromstring(lint("junit").stdout.encode("utf-8"))
    [suite] = root
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == ["fixtures/drafts/kursk.txt", "fixtures/formats/drafts/cafe.txt",
                                              "fixtures/formats/drafts/clean.txt"]
    assert [[f.get("type") for f in c.findall("failure")] for c in cases] == [
        ["count-conflict"], ["weekday-mismatch", "conversion-mismatch", "invalid-date"], []]
    assert (suite.get("tests"), suite.get("failures")) == ("3", "2")


def test_junit_escapes_markup_in_messages():
    xml = formats.render("junit", formats.Report([("<a>.txt", [_finding(message='5 < 6 & "x"')])]))
    failure = ET.fromstring(xml.encode()).find(".//failure")
    assert failure.get("message") == '5 < 6 & "x"'


def test_rdjsonl_counts_columns_in_utf8_bytes():
    rows = [json.loads(line) for line in lint("rdjsonl").stdout.splitlines()]
    weekday = next(r for r in rows if r["code"]["value"] == "weekday-mismatch")
    # "Monday" is code point column 36, after "Résumé — the café’s owners said on ":
    # 4 two-byte é... and 3-byte "—" and "’" put it at byte column 43.
    assert weekday["location"] == {"path": "fixtures/formats/drafts/cafe.txt",
                                   "range": {"start": {"line": 1, "column": 43}, "end": {"line": 1, "column": 49}}}
    assert weekday["severity"] == "ERROR" and weekday["source"] == {"name": "numcheck"}
    assert [r["severity"] for r in rows] == ["WARNING", "ERROR", "WARNING", "ERROR"]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("args, code", [(["--fail-on", "error", *INPUTS], 1), (["--fail-on", "never", *INPUTS], 0),
                                        (["--fail-on", "error", "fixtures/drafts/kursk.txt"], 0),
                                        (["fixtures/formats/drafts/clean.txt"], 0)])
def test_every_format_keeps_the_exit_status(fmt, args, code, monkeypatch):
    monkeypatch.chdir(ROOT)
    assert CliRunner().invoke(app, ["lint", "--format", fmt, *args]).exit_code == code


def test_unknown_format_is_a_usage_error():
    r = run("lint", "--format", "xml", *INPUTS)
    assert r.returncode == 2 and r.stdout == "" and "--format" in r.stderr


ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _on_terminal(*args, env=None, stderr_tty=False):
    """Runs numcheck with stdout (or stderr) on a pseudo-terminal; returns (terminal, pipe) output."""
    leader, follower = pty.openpty()
    out = follower if not stderr_tty else subprocess.PIPE
    err = follower if stderr_tty else subprocess.PIPE
    proc = subprocess.Popen([sys.executable, "-m", "checker", *args], stdout=out, stderr=err, cwd=ROOT,
                            env={**os.environ, "TERM": "xterm", **(env or {})})
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:  # EIO: the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    piped = (proc.stderr if not stderr_tty else proc.stdout).read()
    proc.wait()
    os.close(leader)
    return b"".join(chunks).decode("utf-8"), piped.decode("utf-8"), proc.returncode


def test_terminal_gets_colour_and_a_summary():
    shown, _, code = _on_terminal("lint", *INPUTS, env={"NO_COLOR": ""})
    assert code == 1
    assert "\x1b[" in shown
    plain = ANSI.sub("", shown).replace("\r\n", "\n")
    assert plain == (GOLDEN / "expected.text").read_text(encoding="utf-8") + \
        "3 file(s) checked, 4 finding(s) (2 error, 2 warning)\n"


def test_no_color_keeps_the_summary_without_colour():
    shown, _, _ = _on_terminal("lint", *INPUTS, env={"NO_COLOR": "1"})
    assert "\x1b[" not in shown
    assert shown.replace("\r\n", "\n").endswith("3 file(s) checked, 4 finding(s) (2 error, 2 warning)\n")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_progress_bar_goes_to_a_terminal_stderr_only(tmp_path, jobs):
    for i in range(6):
        (tmp_path / f"d{i}.txt").write_text("It happened on Feb 30, 2014.")
    shown, piped, _ = _on_terminal("lint", "--format", "json", "--jobs", jobs, str(tmp_path), stderr_tty=True)
    assert "linting" in shown
    assert piped == run("lint", "--format", "json", str(tmp_path)).stdout
    # Piped stderr: no bar.
    assert run("lint", str(tmp_path)).stderr == ""


if __name__ == "__main__":
    # python3 -m tests.test_formats: rewrites the golden files (read the diff before committing).
    for fmt in FORMATS:
        (GOLDEN / f"expected.{fmt}").write_text(golden_form(fmt, lint(fmt).stdout), encoding="utf-8")
