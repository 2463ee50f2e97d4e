"""The pipeline: source -> prose -> claims -> subjects -> rules -> findings, mapped
back into the source and filtered by its suppression directives."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from . import engine, markup, suppress
from .extract import as_date, extract
from .model import Claim, Finding, Span
from .rules_data import extra_subjects
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
    """Every finding about the plain text ``text``, in order of position."""
    return lint_source(text, reference_date=reference_date, rules=rules)


def lint_source(text: str, *, path: str | None = None, kind: str | None = None,
                reference_date: dt.date | str | None = None, rules: list[engine.Rule] | None = None,
                config=None) -> list[Finding]:
    """Every finding about a draft as written in a file: ``kind`` (text, markdown or
    html; from ``path``'s suffix by default) says how to read it.  The reference date
    is ``reference_date``, else the front matter's ``date:``, else ``config``'s.
    ``config`` (a checker.config.Config) also gives the rules and extra lexicon entries."""
    doc = markup.parse(text, kind or markup.kind_of(path))
    reference = as_date(reference_date) or doc.reference_date or (config.reference_date if config else None)
    chosen = rules if rules is not None else (config.rules() if config else select_rules())
    chosen_ids = {rule.id for rule in chosen}
    known = engine.load_rules()
    directives = suppress.directives(doc, known)
    to_run = [rule for rule in chosen if rule.id != suppress.RULE_ID]
    judge = suppress.RULE_ID in chosen_ids and directives
    if judge:
        # Whether a directive is used does not depend on which rules were selected.
        to_run += [rule for rule_id, rule in known.items() if rule_id not in chosen_ids and rule_id != suppress.RULE_ID]
    with extra_subjects(config.subjects if config else ()):
        findings = _findings(doc, reference, to_run)
    findings = suppress.apply(findings, directives)
    findings = [f for f in findings if f.rule in chosen_ids]
    if judge:
        findings += suppress.unused(directives, next(r for r in chosen if r.id == suppress.RULE_ID), doc)
    return sorted(findings, key=lambda f: (f.start, f.rule))


def _findings(doc: markup.Document, reference: dt.date | None, rules: list[engine.Rule]) -> list[Finding]:
    claims = _claims(doc, reference)
    ctx = engine.Context(doc.prose, claims, group(doc.prose, claims), reference, doc.map)
    findings = engine.run(rules, ctx)
    for finding in findings:
        _to_source(doc, finding)
        for span in finding.related:
            _to_source(doc, span)
    return findings


def _claims(doc: markup.Document, reference: dt.date | None) -> list[Claim]:
    """Claims with offsets into the prose but lines and columns of the source, so that
    the rules' messages ("(line 5)") name the file's lines."""
    claims = extract(doc.prose, reference_date=reference)
    for claim in claims:
        claim.line, claim.column = doc.map.position(claim.start)
    return claims


def _to_source(doc: markup.Document, span: Finding | Span) -> None:
    """Moves a finding (or related span) from prose offsets to source offsets; its
    text stays the prose as a reader sees it."""
    start, end = doc.map.start(span.start), doc.map.end(span.end)
    span.start, span.end = start, max(start, end)
    span.line, span.column = doc.map.lines.position(start)


def extract_source(text: str, *, path: str | None = None, kind: str | None = None,
                   reference_date: dt.date | str | None = None) -> list[Claim]:
    """Every claim in a draft as written in a file, with offsets into the file."""
    doc = markup.parse(text, kind or markup.kind_of(path))
    claims = _claims(doc, as_date(reference_date) or doc.reference_date)
    for claim in claims:
        claim.start, claim.end = doc.map.start(claim.start), max(doc.map.start(claim.start), doc.map.end(claim.end))
    return claims
