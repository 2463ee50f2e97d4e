"""Project configuration: numcheck.toml, or [tool.numcheck] in pyproject.toml, found by
walking up from each file checked (the nearest wins, as with ruff and sqlfluff).

    select = ["count-conflict", "invalid-date"]   # rules to run (default: all)
    ignore = ["age-conflict"]                     # rules not to run
    reference-date = 2024-10-30                   # when neither --reference-date nor front matter gives one
    exclude = ["archive", "drafts/old/*.md"]      # files and directories not to check

    [rules.count-conflict]                        # per rule: severity and parameters
    severity = "error"
    relative_tolerance = 0.05

    [lexicon.subjects]                            # extra subject synonym groups
    medics = ["medic", "medics", "paramedics"]

An unknown key or a bad value is a ConfigError naming the file and the key.
"""
from __future__ import annotations

import datetime as dt
import tomllib
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from functools import cache
from pathlib import Path

from . import engine

CONFIG_FILE = "numcheck.toml"
PYPROJECT = "pyproject.toml"
_KEYS = {"select", "ignore", "reference-date", "exclude", "rules", "lexicon"}
_LEXICONS = {"subjects"}


class ConfigError(ValueError):
    """A configuration file numcheck cannot use; the message names the file and key."""


@dataclass(frozen=True)
class Config:
    path: Path | None = None  # the file it was read from; None: built-in defaults
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    reference_date: dt.date | None = None
    exclude: tuple[str, ...] = ()
    overrides: dict[str, dict] = field(default_factory=dict)  # rule id -> {"severity", "params"}
    subjects: tuple[tuple[str, tuple[str, ...]], ...] = ()

    def rules(self, select=(), ignore=()) -> list[engine.Rule]:
        """The rules to run: the command line's --select replaces the file's ``select``;
        its --ignore adds to the file's ``ignore``."""
        from .lint import select_rules

        chosen = select_rules(list(select) or list(self.select), [*self.ignore, *ignore])
        return [rule.with_overrides(**self.overrides[rule.id]) if rule.id in self.overrides else rule
                for rule in chosen]

    def excludes(self, path: str | Path) -> bool:
        """Whether ``exclude`` names ``path``: a pattern without "/" matches any file or
        directory name below the configuration's folder, one with "/" the path from it."""
        if self.path is None or not self.exclude:
            return False
        return excluded(path, self.exclude, self.path.parent)


def excluded(path: str | Path, patterns, root: Path) -> bool:
    try:
        parts = Path(path).resolve().relative_to(root.resolve()).parts
    except ValueError:
        return False
    prefixes = ["/".join(parts[:i]) for i in range(1, len(parts) + 1)]
    for pattern in patterns:
        pattern = pattern.strip("/")
        if "/" in pattern:
            if any(fnmatchcase(p, pattern) for p in prefixes):
                return True
        elif any(fnmatchcase(part, pattern) for part in parts):
            return True
    return False


def find(path: str | Path) -> Config:
    """The configuration governing ``path``: the nearest numcheck.toml, or pyproject.toml
    with a [tool.numcheck] table, in its folder or above."""
    start = Path(path).resolve()
    return _find_from(start if start.is_dir() else start.parent)


@cache
def _find_from(folder: Path) -> Config:
    own = folder / CONFIG_FILE
    if own.is_file():
        return load(own)
    pyproject = folder / PYPROJECT
    if pyproject.is_file():
        table = _read(pyproject).get("tool", {}).get("numcheck")
        if table is not None:
            return parse(table, pyproject, prefix="tool.numcheck.")
    return Config() if folder.parent == folder else _find_from(folder.parent)


def load(path: Path) -> Config:
    return parse(_read(path), path)


def _read(path: Path) -> dict:
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: not valid TOML ({e})") from None
    except OSError as e:
        raise ConfigError(f"{path}: cannot read ({e.strerror or e})") from None


def parse(table: dict, path: Path, prefix: str = "") -> Config:
    """A Config from the table read from ``path``; ``prefix`` is the table's own key
    path in that file, for messages."""
    def bad(key: str, why: str) -> ConfigError:
        return ConfigError(f"{path}: {prefix}{key}: {why}")

    if not isinstance(table, dict):
        raise bad("", "expected a table")
    for key in table:
        if key not in _KEYS:
            raise bad(key, f"unknown key (expected one of: {', '.join(sorted(_KEYS))})")
    rules = engine.load_rules()

    def names(key: str, *, of_rules: bool) -> tuple[str, ...]:
        value = table.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise bad(key, "expected a list of strings")
        for v in value:
            if of_rules and v not in rules:
                raise bad(key, f"unknown rule {v!r} (see 'numcheck rules')")
        return tuple(value)

    reference = table.get("reference-date")
    if reference is not None:
        try:
            reference = reference if type(reference) is dt.date else dt.date.fromisoformat(str(reference))
        except ValueError:
            raise bad("reference-date", f"expected a date YYYY-MM-DD, got {reference!r}") from None
    return Config(path, names("select", of_rules=True), names("ignore", of_rules=True), reference,
                  names("exclude", of_rules=False), _overrides(table.get("rules", {}), rules, bad),
                  _subjects(table.get("lexicon", {}), bad))


def _overrides(table, rules: dict[str, engine.Rule], bad) -> dict[str, dict]:
    if not isinstance(table, dict):
        raise bad("rules", "expected a table of rules")
    overrides = {}
    for rule_id, settings in table.items():
        key = f"rules.{rule_id}"
        if rule_id not in rules:
            raise bad(key, "unknown rule (see 'numcheck rules')")
        if not isinstance(settings, dict):
            raise bad(key, "expected a table")
        severity, params = None, {}
        for name, value in settings.items():
            if name == "severity":
                if value not in engine.SEVERITIES:
                    raise bad(f"{key}.severity", f"expected one of {', '.join(engine.SEVERITIES)}, got {value!r}")
                severity = value
            elif name in rules[rule_id].params:
                params[name] = _param(value, rules[rule_id].params[name], lambda why: bad(f"{key}.{name}", why))
            else:
                known = ", ".join(["severity", *rules[rule_id].params])
                raise bad(f"{key}.{name}", f"unknown key (expected one of: {known})")
        overrides[rule_id] = {"severity": severity, "params": params}
    return overrides


def _param(value, default, bad):
    """A parameter must have its default's type (an int does for a float)."""
    if isinstance(default, bool) or isinstance(value, bool):
        ok = type(value) is type(default)
    elif isinstance(default, float):
        ok = isinstance(value, (int, float))
    else:
        ok = isinstance(value, type(default))
    if not ok:
        raise bad(f"expected {type(default).__name__}, got {value!r}")
    return float(value) if isinstance(default, float) else value


def _subjects(table, bad) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(table, dict):
        raise bad("lexicon", "expected a table")
    for name in table:
        if name not in _LEXICONS:
            raise bad(f"lexicon.{name}", f"unknown lexicon (expected one of: {', '.join(sorted(_LEXICONS))})")
    groups = table.get("subjects", {})
    if not isinstance(groups, dict):
        raise bad("lexicon.subjects", "expected a table of synonym groups")
    result = []
    for group, words in groups.items():
        if not isinstance(words, list) or not words or not all(isinstance(w, str) and w.strip() for w in words):
            raise bad(f"lexicon.subjects.{group}", "expected a non-empty list of words")
        # The lexicon matches lower-cased words, as rules/lexicons/subjects.toml lists them.
        result.append((group, tuple(w.strip().lower() for w in words)))
    return tuple(result)
