"""The rule engine: reads the rule definitions in rules/*.toml, runs each enabled
rule's check over the grouped claims and returns the findings in order."""
from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import cache
from typing import Any, Callable

from .model import Claim, Finding, LineIndex, Span
from .rules_data import rules_dir
from .subjects import Groups

SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Rule:
    id: str
    name: str
    severity: str
    summary: str
    params: dict[str, Any]
    doc: dict[str, str]

    def with_overrides(self, severity: str | None = None, params: dict | None = None) -> "Rule":
        return Rule(self.id, self.name, severity or self.severity, self.summary,
                    {**self.params, **(params or {})}, self.doc)


class RuleError(ValueError):
    """A rule file that cannot be used."""


@cache
def load_rules() -> dict[str, Rule]:
    """Every rule in rules/*.toml, by id."""
    rules = {}
    for path in sorted(rules_dir().glob("*.toml")):
        with open(path, "rb") as f:
            data = tomllib.load(f)
        try:
            rule = Rule(data["id"], data["name"], data["severity"], data["summary"],
                        data.get("params", {}), data["doc"])
        except KeyError as missing:
            raise RuleError(f"{path}: missing key {missing}") from None
        if rule.severity not in SEVERITIES:
            raise RuleError(f"{path}: severity must be one of {', '.join(SEVERITIES)}")
        rules[rule.id] = rule
    return rules


@dataclass
class Context:
    """What a check sees: the text, its claims and groups, and the reference date."""

    text: str
    claims: list[Claim]
    groups: Groups
    reference: Any
    lines: LineIndex
    findings: list[Finding] = field(default_factory=list)

    def span(self, start: int, end: int) -> Span:
        line, column = self.lines.position(start)
        return Span(start, end, line, column, self.text[start:end])

    def quote(self, claim: Claim) -> Span:
        """The figure as an editor reads it: hedge, figure and what it counts."""
        return self.span(claim.quote_start, claim.quote_end)

    def report(self, rule: Rule, flagged: Span, message: str, related=()) -> None:
        self.findings.append(Finding(rule.id, rule.severity, message, flagged.start, flagged.end,
                                     flagged.line, flagged.column, flagged.text, list(related)))


Check = Callable[[Rule, Context], None]
CHECKS: dict[str, Check] = {}


def check(rule_id: str):
    """Registers the function that implements a rule."""
    def register(fn: Check) -> Check:
        CHECKS[rule_id] = fn
        return fn
    return register


def run(rules: list[Rule], ctx: Context) -> list[Finding]:
    from . import checks  # noqa: F401  (registers the checks)

    for rule in rules:
        CHECKS[rule.id](rule, ctx)
    return sorted(ctx.findings, key=lambda f: (f.start, f.rule))
