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

# Chunks per worker: a worker asks for the next chunk when it has finished one, so small
# chunks even out files of different lengths; each chunk costs a round trip to the parent.
CHUNKS_PER_WORKER = 16


def workers(jobs: int, items: int) -> int:
    """How many processes to use: ``jobs``, or one per CPU for 0, never more than the work."""
    wanted = jobs if jobs > 0 else (os.cpu_count() or 1)
    return max(1, min(wanted, items))


def map_ordered(fn: Callable[[T], R], items: Iterable[T], jobs: int = 1) -> Iterator[R]:
    """``map(fn, items)`` over ``jobs`` processes (0: one per CPU); ``fn`` and the results
    must be picklable where ``fork`` is not available (a module-level function or a
    functools.partial of one)."""
    items = list(items)
    n = workers(jobs, len(items))
    if n == 1:
        # No pool for one worker: the same results without a process start-up.
        yield from map(fn, items)
        return
    # The first item runs here: it compiles the lexicon patterns and, for a draft with a
    # unit, loads pint (~0.3 s), which workers forked after it inherit.
    yield fn(items[0])
    import multiprocessing  # here: a one-process run never loads it

    # Forked (not spawned) workers start warm and inherit fn and items, so only indices go
    # to them and only results come back.
    context = multiprocessing.get_context("fork" if "fork" in multiprocessing.get_all_start_methods() else None)
    with context.Pool(n, _adopt, (fn, items)) as pool:
        yield from pool.imap(_run, range(1, len(items)), chunksize=max(1, len(items) // (n * CHUNKS_PER_WORKER)))


_work: tuple = ()  # a worker's (fn, items), set once when it starts


def _adopt(fn, items) -> None:
    global _work
    _work = fn, items


def _run(i: int):
    fn, items = _work
    return fn(items[i])
