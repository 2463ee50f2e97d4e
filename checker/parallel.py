"""`--jobs N`: lint files in worker processes, results in input order.

Linting is pure Python and CPU-bound, so threads would share one core; processes do
not. ``map_ordered`` yields results in the order of ``items`` whatever order the
workers finish in, so the output is the same for any N.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def workers(jobs: int, items: int) -> int:
    """How many processes to use: ``jobs``, or one per CPU for 0, never more than the work."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, items))


def map_ordered(fn: Callable[[T], R], items: Iterable[T], jobs: int = 1) -> Iterator[R]:
    """``map(fn, items)`` over ``jobs`` processes (0: one per CPU); ``fn`` must be picklable
    (a module-level function or a functools.partial of one)."""
    items = list(items)
    n = workers(jobs, len(items))
    if n == 1:
        # No pool for one worker: the same results without a process start-up.
        yield from map(fn, items)
        return
    # The first item runs here: it loads the lexicons, patterns and pint's registry (about a
    # second), which workers forked after it inherit instead of each loading them again.
    yield fn(items[0])
    from concurrent.futures import ProcessPoolExecutor  # here: a one-process run never loads it

    rest = items[1:]
    with ProcessPoolExecutor(max_workers=workers(jobs, len(rest))) as pool:
        # Small chunks keep every worker busy when one file is much longer than the rest.
        yield from pool.map(fn, rest, chunksize=max(1, len(rest) // (n * 8)))
