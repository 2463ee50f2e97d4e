"""Reading the files numcheck is asked to check.  Nothing here ever writes."""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

# Files a directory contributes; anything else in it is not a draft.
DRAFT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm", ".text")
MAX_BYTES = 50 * 1024 * 1024


class InputError(Exception):
    """A path or input numcheck cannot read; the message is one line for the user."""


@dataclass
class Source:
    path: str  # as the user named it, or the file found under a directory
    text: str


def expand(paths: list[str]) -> list[str]:
    """Files to read, in order: each named file, and the drafts under each directory."""
    files: list[str] = []
    for name in paths:
        if name == "-":
            files.append(name)
            continue
        path = Path(name)
        if path.is_dir():
            found = sorted(str(p) for p in path.rglob("*") if p.is_file() and p.suffix.lower() in DRAFT_SUFFIXES)
            if not found:
                raise InputError(f"{name}: directory holds no drafts ({', '.join(DRAFT_SUFFIXES)})")
            files.extend(found)
        elif path.exists():
            files.append(name)
        else:
            raise InputError(f"{name}: no such file or directory")
    return files


def read(name: str) -> Source:
    if name == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            size = Path(name).stat().st_size
            if size > MAX_BYTES:
                raise InputError(f"{name}: file is {size / 1e6:.0f} MB, over the {MAX_BYTES // 2**20} MiB limit")
            data = Path(name).read_bytes()
        except OSError as e:
            raise InputError(f"{name}: cannot read ({e.strerror or e})") from None
    if b"\0" in data[:8192]:
        raise InputError(f"{name}: looks like a binary file, not a draft")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise InputError(f"{name}: not valid UTF-8 (byte {e.start})") from None
    return Source(name, text)
