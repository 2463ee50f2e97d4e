"""Checking files as a project: each path's drafts, read and linted under the
configuration that governs them (checker.config).  The command line is a loop over
``sources`` and ``lint_file``; a caller may run ``lint_file`` in parallel."""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from . import config as config_mod
from .inputs import InputError, Source, discover, read
from .lint import lint_source
from .model import Finding


def config_for(path: str) -> config_mod.Config:
    """The configuration for a file; stdin ("-") is governed by the working directory's."""
    return config_mod.find("." if path == "-" else path)


def sources(paths: list[str], *, stdin_filename: str | None = None,
            exclude: tuple[str, ...] = ()) -> Iterator[Source | InputError]:
    """Each draft the paths name, read, or the InputError that stands for a path or file.
    Raises ConfigError for a configuration file, governing any of them, that numcheck cannot use."""
    cwd = Path.cwd()

    def excluded(path: str) -> bool:
        # Matching resolves the path: skipped when the command line names no pattern.
        return (bool(exclude) and config_mod.excluded(path, exclude, cwd)) or config_for(path).excludes(path)

    for item in discover(paths, excluded):
        if isinstance(item, InputError):
            yield item
            continue
        try:
            source = read(item, stdin_filename)
        except InputError as e:
            yield e
            continue
        config_for(source.path)  # a bad configuration file stops the run before any lint
        yield source


def lint_file(source: Source, *, select: tuple[str, ...] = (), ignore: tuple[str, ...] = (),
              reference_date: dt.date | None = None) -> list[Finding]:
    """The findings about one draft, under its configuration; ``select`` and ``ignore``
    come from the command line."""
    conf = config_for(source.path)
    return lint_source(source.text, path=source.path, reference_date=reference_date,
                       rules=conf.rules(select, ignore), config=conf)
