"""--jobs N: the same output, in the same order, whatever the number of processes."""
import multiprocessing
import os
import time

import pytest

from checker import parallel

from .test_cli import ROOT, run

DRAFTS = [
    "It happened on Feb 30, 2014.",
    (ROOT / "fixtures" / "drafts" / "kursk.txt").read_text(encoding="utf-8"),
    "Some 3,000 people attended on Tuesday, 7 October 2014.",
    "They met on Monday, 7 October 2014, and walked 10km (3 miles).",
    "No figures at all.",
]


def _slow_square(n: int) -> tuple[int, int]:
    # Early items take longest, so workers finish out of order.
    time.sleep(0.02 * (8 - n))
    return n, n * n


def test_map_ordered_keeps_input_order_when_workers_finish_out_of_order():
    assert list(parallel.map_ordered(_slow_square, range(8), jobs=3)) == [(n, n * n) for n in range(8)]


def test_map_ordered_uses_worker_processes():
    """The first item runs in this process (to warm the caches workers inherit), the rest in workers."""
    first, *rest = parallel.map_ordered(_pid, range(7), jobs=2)
    assert first == os.getpid()
    assert os.getpid() not in rest and 1 <= len(set(rest)) <= 2
    assert set(parallel.map_ordered(_pid, range(3), jobs=1)) == {os.getpid()}


@pytest.mark.skipif("fork" not in multiprocessing.get_all_start_methods(), reason="needs fork")
def test_map_ordered_workers_inherit_the_items_instead_of_unpickling_them():
    """Workers are forked, so they start with the parent's warm caches; items, here
    lambdas that pickle cannot send, stay where they are and only results travel."""
    items = [lambda i=i: (i, os.getpid()) for i in range(6)]
    results = list(parallel.map_ordered(_call, items, jobs=2))
    assert [i for i, _ in results] == list(range(6))
    assert {pid for _, pid in results[1:]} - {os.getpid()}


def _call(f):
    time.sleep(0.02)
    return f()


def _pid(_):
    time.sleep(0.05)
    return os.getpid()


@pytest.mark.parametrize("jobs, items, expected", [(1, 10, 1), (4, 2, 2), (3, 10, 3), (5, 0, 1)])
def test_workers(jobs, items, expected):
    assert parallel.workers(jobs, items) == expected


def test_workers_zero_means_one_per_cpu():
    assert parallel.workers(0, 1000) == (os.cpu_count() or 1)


@pytest.mark.parametrize("fmt", ["text", "json"])
def test_output_is_identical_for_any_number_of_jobs(tmp_path, fmt):
    for i in range(12):
        (tmp_path / f"d{i:02}.txt").write_text(DRAFTS[i % len(DRAFTS)], encoding="utf-8")
    serial = run("lint", "--format", fmt, str(tmp_path))
    assert serial.returncode == 1 and serial.stdout.count("weekday-mismatch") >= 2
    for jobs in ("2", "0"):
        parallel_run = run("lint", "--format", fmt, "--jobs", jobs, str(tmp_path))
        assert (parallel_run.returncode, parallel_run.stdout, parallel_run.stderr) == \
            (serial.returncode, serial.stdout, serial.stderr)


def test_jobs_with_a_clean_file_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(DRAFTS[2])
    (tmp_path / "b.txt").write_text(DRAFTS[4])
    assert run("lint", "-j", "2", str(tmp_path)).returncode == 0


def test_negative_jobs_is_a_usage_error():
    r = run("lint", "--jobs", "-1", str(ROOT / "fixtures" / "drafts" / "kursk.txt"))
    assert r.returncode == 2 and r.stdout == "" and "--jobs" in r.stderr
