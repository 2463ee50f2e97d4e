"""Scoring numcheck's extraction against the peer suites in fixtures/peer/ (the
project's equivalent of the data team's score.py: span + value, micro P/R/F1)."""
from __future__ import annotations

import json
import math
from pathlib import Path

from .extract import extract

# Which claim kinds a suite's expectations correspond to.
SUITE_KINDS = {
    "rt_number": ("number", "range"),
    "rt_age": ("age",),
    "rt_dimension": ("quantity",),
    "rt_number_range_pyns": ("range", "number"),
    "qu_quantities": ("quantity", "number", "range", "percent", "money"),
    "rt_percent": ("percent",),
    "rt_currency": ("money",),
    "rt_date_extractor": ("date",),
}


def load_suite(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def prediction(claim) -> dict:
    """A claim in the peer suites' shape."""
    found = {"text": claim.text, "start": claim.start, "end": claim.end, "type": claim.kind,
             "value": claim.value, "unit": claim.unit}
    if claim.value is None or claim.hedge:
        found["min"], found["max"] = claim.low, claim.high
    return found


def _same(a, b) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def _value_eq(exp: dict, pred: dict) -> bool:
    if "value" not in exp and "min" not in exp and "max" not in exp:
        return True  # the date extractor suite gives spans only
    if ("min" in exp or "max" in exp) and ("min" in pred or "max" in pred):
        if _same(exp.get("min"), pred.get("min")) and _same(exp.get("max"), pred.get("max")):
            return True
    return "value" in exp and "value" in pred and _same(exp["value"], pred["value"])


def _matches(expected: list[dict], found: list[dict]) -> int:
    used = [False] * len(found)
    hits = 0
    for e in expected:
        for j, p in enumerate(found):
            if not used[j] and e["start"] == p["start"] and e["end"] == p["end"] and _value_eq(e, p):
                used[j] = True
                hits += 1
                break
    return hits


def score(suite: str, cases: list[dict]) -> dict:
    """Span + value precision, recall and F1 over a suite's cases."""
    kinds = SUITE_KINDS[suite]
    tp = n_pred = n_gold = 0
    misses = []
    for case in cases:
        claims = extract(case["text"], reference_date=(case.get("reference_date") or "")[:10] or None)
        found = [prediction(c) for c in claims if c.kind in kinds]
        hits = _matches(case["expected"], found)
        tp, n_pred, n_gold = tp + hits, n_pred + len(found), n_gold + len(case["expected"])
        if hits != len(case["expected"]) or hits != len(found):
            misses.append((case["id"], case["text"], [e["text"] for e in case["expected"]], [f["text"] for f in found]))
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "tp": tp, "pred": n_pred, "gold": n_gold,
            "misses": misses}
