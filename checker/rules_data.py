"""Reads the data in rules/: rule definitions, hedges and the subject lexicon."""
from __future__ import annotations

import tomllib
from contextlib import contextmanager
from contextvars import ContextVar
from functools import cache
from pathlib import Path


def rules_dir() -> Path:
    """The folder holding the TOML data: rules/ beside the package in a checkout,
    checker/rules/ (package data, see pyproject.toml) in a regular install."""
    here = Path(__file__).resolve().parent
    checkout = here.parent / "rules"
    return checkout if checkout.is_dir() else here / "rules"


@cache
def load(name: str) -> dict:
    """One lexicon of rules/lexicons/ by stem, e.g. load("hedges")."""
    with open(rules_dir() / "lexicons" / f"{name}.toml", "rb") as f:
        return tomllib.load(f)


# Subject synonym groups a project's configuration adds ((name, words) pairs), for the
# lint in progress: a context variable, so that parallel lints do not mix them.
EXTRA_SUBJECTS: ContextVar[tuple[tuple[str, tuple[str, ...]], ...]] = ContextVar("extra_subjects", default=())


@contextmanager
def extra_subjects(groups: tuple[tuple[str, tuple[str, ...]], ...]):
    token = EXTRA_SUBJECTS.set(groups)
    try:
        yield
    finally:
        EXTRA_SUBJECTS.reset(token)
