"""Every rule is tested from its fixture cases in fixtures/rules/<id>.toml, as sqlfluff's
std_rule_cases and LanguageTool's <example> sentences are: each rule carries failing
cases (with the exact findings expected) and passing ones."""
from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from checker import lint
from checker.engine import load_rules
from checker.lint import select_rules

CASES_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "rules"
RULES = load_rules()


def _cases(kind: str):
    for rule_id in RULES:
        path = CASES_DIR / f"{rule_id}.toml"
        if not path.exists():
            continue
        for i, case in enumerate(tomllib.loads(path.read_text())[kind] if kind in tomllib.loads(path.read_text()) else []):
            yield pytest.param(rule_id, case, id=f"{rule_id}-{kind}-{i}")


@pytest.mark.parametrize("rule_id", list(RULES))
def test_rule_has_documentation_and_cases(rule_id):
    rule = RULES[rule_id]
    for key in ("what", "why", "fail", "pass"):
        assert rule.doc.get(key, "").strip(), f"{rule_id}: doc.{key} is missing"
    path = CASES_DIR / f"{rule_id}.toml"
    assert path.exists(), f"{rule_id}: no fixture cases at {path}"
    cases = tomllib.loads(path.read_text())
    assert len(cases.get("fail", [])) >= 3, f"{rule_id}: needs at least 3 failing cases"
    assert len(cases.get("pass", [])) >= 3, f"{rule_id}: needs at least 3 passing cases"


@pytest.mark.parametrize("rule_id", list(RULES))
def test_documented_examples(rule_id):
    rule = RULES[rule_id]
    only = select_rules([rule_id])
    assert [f.rule for f in lint(rule.doc["fail"], reference_date="2014-01-01", rules=only)] == [rule_id]
    assert lint(rule.doc["pass"], reference_date="2014-01-01", rules=only) == []


@pytest.mark.parametrize("rule_id, case", list(_cases("fail")))
def test_failing_case(rule_id, case):
    findings = lint(case["text"], reference_date=case.get("reference_date"), rules=select_rules([rule_id]))
    assert [f.text for f in findings] == case["flagged"]
    assert [[r.text for r in f.related] for f in findings] == case["related"]
    if "messages" in case:
        assert [f.message for f in findings] == case["messages"]
    for f in findings:
        assert case["text"][f.start:f.end] == f.text
        assert f.rule == rule_id


@pytest.mark.parametrize("rule_id, case", list(_cases("pass")))
def test_passing_case(rule_id, case):
    findings = lint(case["text"], reference_date=case.get("reference_date"), rules=select_rules([rule_id]))
    assert findings == []
