"""Finding and reading the files numcheck is asked to check.  Nothing here ever writes.

A problem with one path is an InputError for that path alone, so that the caller
can report it and go on with the others.
"""
from __future__ import annotations

import glob
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatchcase
from pathlib import Path

# Files a directory or glob contributes; anything else in it is not a draft.
DRAFT_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm")
# Folders a directory walk never enters (version control, environments, caches).
SKIPPED_DIRS = (".*", "node_modules", "__pycache__", "venv", "site-packages")
# A news draft is a few hundred kilobytes at most; a larger file is not one.
MAX_BYTES = 5 * 2**20
GLOB_CHARS = frozenset("*?[")


class InputError(Exception):
    """A path or input numcheck cannot read; the message is one line for the user."""


@dataclass
class Source:
    path: str  # as the user named it, the file found under a directory, or --stdin-filename
    text: str


def discover(paths: list[str], excluded: Callable[[str], bool] = lambda path: False) -> Iterator[str | InputError]:
    """The files to read, in order, and an InputError in place of each path that gives
    none: each named file (always), the drafts under each directory and each glob's
    matches (less those ``excluded``), and "-" for stdin."""
    for name in paths:
        if name == "-" or Path(name).is_file():
            yield name
        elif Path(name).is_dir():
            found = list(_walk(name, excluded))
            yield from found or [InputError(f"{name}: directory holds no drafts ({', '.join(DRAFT_SUFFIXES)})")]
        elif GLOB_CHARS & set(name):
            found = []
            for match in sorted(glob.glob(name, recursive=True)):
                if Path(match).is_dir():
                    found.extend(_walk(match, excluded))
                elif match.lower().endswith(DRAFT_SUFFIXES) and not excluded(match):
                    found.append(match)
            yield from found or [InputError(f"{name}: no draft matches this pattern")]
        elif Path(name).exists():
            yield InputError(f"{name}: not a regular file")
        else:
            yield InputError(f"{name}: no such file or directory")


def _walk(root: str, excluded: Callable[[str], bool]) -> Iterator[str]:
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not _skipped(d) and not excluded(os.path.join(folder, d)))
        for file in sorted(files):
            path = os.path.join(folder, file)
            if file.lower().endswith(DRAFT_SUFFIXES) and not excluded(path):
                yield path


def _skipped(folder_name: str) -> bool:
    return any(fnmatchcase(folder_name, pattern) for pattern in SKIPPED_DIRS)


def read(name: str, stdin_filename: str | None = None) -> Source:
    """The decoded text of a file, or of stdin for "-" (reported as ``stdin_filename``)."""
    if name == "-":
        name = stdin_filename or "-"
        data = sys.stdin.buffer.read(MAX_BYTES + 1)
        size = len(data)
    else:
        try:
            size = Path(name).stat().st_size
            data = b"" if size > MAX_BYTES else Path(name).read_bytes()
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if size > MAX_BYTES:
        raise InputError(f"{name}: too large ({size / 2**20:.1f} MiB or more; numcheck reads drafts up to "
                         f"{MAX_BYTES // 2**20} MiB)")
    if b"\0" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not a draft")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 (byte {e.start})") from None
    if not text.strip():
        raise InputError(f"{name}: empty file, nothing to check")
    return Source(name, text)
