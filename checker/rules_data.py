"""Reads the data in rules/: rule definitions, hedges and the subject lexicon."""
from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources
from pathlib import Path


def rules_dir() -> Path:
    """The folder holding the TOML data: rules/ beside the package in a checkout,
    the checker.rules package data in a regular install."""
    checkout = Path(__file__).resolve().parent.parent / "rules"
    if checkout.is_dir():
        return checkout
    return Path(str(resources.files("checker.rules")))


@cache
def load(name: str) -> dict:
    """One lexicon of rules/lexicons/ by stem, e.g. load("hedges")."""
    with open(rules_dir() / "lexicons" / f"{name}.toml", "rb") as f:
        return tomllib.load(f)
