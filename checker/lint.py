"""The pipeline: text -> claims -> subjects -> rules -> findings."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from . import engine
from .extract import extract
from .extract import as_date
from .model import Finding, LineIndex
from .subjects import group


def select_rules(select: Iterable[str] | None = None, ignore: Iterable[str] | None = None) -> list[engine.Rule]:
    """The rules to run: all by default, only ``select`` if given, less ``ignore``."""
    rules = engine.load_rules()
    unknown = [r for r in [*(select or []), *(ignore or [])] if r not in rules]
    if unknown:
        raise engine.RuleError(f"unknown rule {unknown[0]!r} (see 'numcheck rules')")
    chosen = list(select) if select else list(rules)
    return [rules[r] for r in chosen if r not in set(ignore or ())]


def lint(text: str, *, reference_date: dt.date | str | None = None,
         rules: list[engine.Rule] | None = None) -> list[Finding]:
    """Every finding about ``text``, in order of position."""
    reference = as_date(reference_date)
    claims = extract(text, reference_date=reference)
    ctx = engine.Context(text, claims, group(text, claims), reference, LineIndex(text))
    return engine.run(rules if rules is not None else select_rules(), ctx)
