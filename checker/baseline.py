"""Baselines: record today's findings, then report only new ones.

A finding is known by its file, rule and the figures it quotes (the flagged text and
the related texts, whitespace folded) -- never by line or offset, so an edit elsewhere
in the file, or re-wrapping a paragraph, leaves it matched. Identical findings are
counted: a second copy of a known conflict is new.
"""
from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections import Counter
from pathlib import Path

from .model import Finding

VERSION = 1
Results = list[tuple[str, list[Finding]]]


class BaselineError(Exception):
    """A baseline that cannot be read or written; the message is one line for the user."""


def figures(f: Finding) -> list[str]:
    """The rule and the quoted figures, which identify a finding across edits."""
    return [f.rule, _fold(f.text), *(_fold(span.text) for span in f.related)]


def fingerprint(f: Finding) -> str:
    """A short stable hash of :func:`figures` (also SARIF's partialFingerprints)."""
    return hashlib.sha256(json.dumps(figures(f), ensure_ascii=False).encode()).hexdigest()[:32]


def _fold(text: str) -> str:
    return " ".join(text.split())


def _where(path: str, base: Path) -> str:
    """A path relative to the baseline's folder, so the baseline works from any directory."""
    if path == "-":
        return path
    return Path(os.path.relpath(os.path.abspath(path), base)).as_posix()


def check_target(target: str, inputs: list[str]) -> None:
    """numcheck never writes to a file it reads: refuse a baseline path that is an input."""
    real = os.path.realpath(target)
    if any(name != "-" and os.path.realpath(name) == real for name in inputs):
        raise BaselineError(f"{target}: refusing to write the baseline over a file being checked")


def write(target: str, results: Results, inputs: list[str]) -> int:
    """Record every finding in ``target`` atomically (a temporary file renamed over it);
    returns how many were written."""
    check_target(target, inputs)
    real = os.path.realpath(target)
    base = Path(real).parent
    entries = [{"path": _where(path, base), "rule": f.rule, "text": _fold(f.text),
                "related": [_fold(span.text) for span in f.related]}
               for path, findings in results for f in findings]
    data = json.dumps({"version": VERSION, "findings": entries}, ensure_ascii=False, indent=2) + "\n"
    try:
        fd, tmp = tempfile.mkstemp(dir=base, prefix=".numcheck-baseline-", suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.replace(tmp, real)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError as e:
        raise BaselineError(f"{target}: cannot write the baseline ({e.strerror or e})") from None
    return len(entries)


def load(source: str) -> Counter:
    """The findings a baseline records, as a multiset of (path, figures)."""
    try:
        data = json.loads(Path(source).read_text(encoding="utf-8"))
    except OSError as e:
        raise BaselineError(f"{source}: cannot read the baseline ({e.strerror or e})") from None
    except (UnicodeDecodeError, ValueError) as e:
        raise BaselineError(f"{source}: not a numcheck baseline (not JSON: {e})") from None
    if not isinstance(data, dict) or data.get("version") != VERSION or not isinstance(data.get("findings"), list):
        raise BaselineError(f'{source}: not a numcheck baseline (expected {{"version": {VERSION}, "findings": [...]}})')
    known: Counter = Counter()
    for n, entry in enumerate(data["findings"]):
        if not (isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("path", "rule", "text"))
                and isinstance(entry.get("related"), list) and all(isinstance(t, str) for t in entry["related"])):
            raise BaselineError(f"{source}: not a numcheck baseline (finding {n} needs path, rule, text and related)")
        known[(entry["path"], (entry["rule"], entry["text"], *entry["related"]))] += 1
    return known


def apply(source: str, known: Counter, results: Results) -> tuple[Results, int]:
    """``results`` less the findings the baseline at ``source`` records, and how many were dropped."""
    left = Counter(known)
    base = Path(os.path.realpath(source)).parent
    kept, dropped = [], 0
    for path, findings in results:
        where, new = _where(path, base), []
        for f in findings:
            key = (where, tuple(figures(f)))
            if left[key] > 0:
                left[key] -= 1
                dropped += 1
            else:
                new.append(f)
        kept.append((path, new))
    return kept, dropped
