"""Reads the data in rules/: rule definitions, hedges and the subject lexicon."""
from __future__ import annotations

import tomllib
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
