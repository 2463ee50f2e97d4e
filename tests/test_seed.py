"""The seed draft, against its golden claim list and findings."""
import json

from checker import extract, lint

from .conftest import ROOT

REFERENCE = "2024-10-30"
GOLDEN_CLAIMS = ROOT / "fixtures" / "drafts" / "kursk.claims.json"
GOLDEN_FINDINGS = ROOT / "fixtures" / "drafts" / "kursk.findings.json"


def test_claims_match_golden(seed_text):
    golden = json.loads(GOLDEN_CLAIMS.read_text())["files"][0]["claims"]
    assert [c.to_dict() for c in extract(seed_text, reference_date=REFERENCE)] == golden


def test_findings_match_golden(seed_text):
    golden = json.loads(GOLDEN_FINDINGS.read_text())["files"][0]["findings"]
    assert [f.to_dict() for f in lint(seed_text, reference_date=REFERENCE)] == golden


def test_the_figures_the_brief_names(seed_text):
    by_text = {c.text: c for c in extract(seed_text, reference_date=REFERENCE)}
    defectors = by_text["nearly 200"]
    assert (defectors.value, defectors.low, defectors.high, defectors.subject) == (200, 180, 200, "North Korean defectors")
    soldiers = by_text["between 10,000 and 12,000"]
    assert (soldiers.kind, soldiers.low, soldiers.high, soldiers.subject) == ("range", 10000, 12000, "North Korean soldiers")
    fighters = by_text["approximately 3,000"]
    assert (fighters.hedge, fighters.value, fighters.subject) == ("approximately", 3000, "North Korean fighters")
    ahn = by_text["69-year-old"]
    assert (ahn.kind, ahn.value, ahn.subject) == ("age", 69, "Ahn Chan-il")
    assert by_text["thousands"].subject == "troops" and by_text["thousands"].low == 2000
    assert by_text["Monday"].date == "2024-10-28"
    assert by_text["last week"].date == "2024-W43"


def test_one_conflict_and_nothing_else(seed_text):
    findings = lint(seed_text)
    assert [(f.rule, f.text, [r.text for r in f.related]) for f in findings] == [
        ("count-conflict", "approximately 3,000 North Korean fighters",
         ["between 10,000 and 12,000 North Korean soldiers"])]
    assert (findings[0].line, findings[0].column) == (5, 129)


def test_spans_are_exact(seed_text):
    for claim in extract(seed_text):
        assert seed_text[claim.start:claim.end] == claim.text
    for finding in lint(seed_text):
        assert seed_text[finding.start:finding.end] == finding.text
        for r in finding.related:
            assert seed_text[r.start:r.end] == r.text
