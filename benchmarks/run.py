"""Speed, memory and scale of numcheck, measured side by side in one run (issue 5).

Prints one table: start-up of `numcheck lint` beside `python -c pass`; throughput in
words/s of lint over a folder of articles beside a bare `regex` digit-run scan (the
floor) and quantulum3's parser.parse (if installed: `pip install -e '.[bench]'`);
linear scaling of one article repeated 1x/4x/16x/64x and of one subject with hundreds
of figures; peak memory for a 10 MB document; --jobs 2 against --jobs 1 (when the CLI
has --jobs); and 1 MB adversarial inputs.  Every ratio is measured in the same run.
Machines are noisy: read the table, do not assert on it.

    python benchmarks/run.py [FOLDER] [--runs 10] [--quick]

FOLDER defaults to ../shared/corpus/bbc-dev (its *.txt files).  --quick uses tiny
generated input and few repetitions (a smoke test, not a measurement).
"""
from __future__ import annotations

import argparse
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SEED = ROOT / "fixtures" / "drafts" / "kursk.txt"
DEFAULT_FOLDER = ROOT.parent / "shared" / "corpus" / "bbc-dev"
# In-process timings read this process's CPU clock: numcheck is single-threaded, so on
# an idle machine it equals wall time, and on a shared one it is not inflated by the
# neighbours.  Subprocesses are timed both ways (wall and CPU).
CLOCK = time.process_time
# The peers' figures quoted in issue 5, measured on these machines.
PEER = {"quantulum3_words_s": 5_900, "bare_scan_words_s": 40_000_000}


def numcheck_command() -> list[str]:
    """The installed `numcheck` script beside this interpreter, else `python -m checker`."""
    script = Path(sys.executable).parent / "numcheck"
    return [str(script)] if script.exists() else [sys.executable, "-m", "checker"]


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    return env


def timed(cmd: list[str], *, timeout: float = 600) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run of cmd."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=child_env(),
                   cwd=ROOT, timeout=timeout, check=False)
    elapsed = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return elapsed, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def wall(cmd: list[str]) -> float:
    return timed(cmd)[0]


def median_run(cmd: list[str], runs: int) -> tuple[float, float]:
    """Median wall and median CPU seconds over runs (CPU time is steadier on a busy machine)."""
    timed(cmd)  # warm the page cache and .pyc files
    samples = [timed(cmd) for _ in range(runs)]
    return statistics.median(w for w, _ in samples), statistics.median(c for _, c in samples)


def per_call(fn, *, budget: float) -> float:
    """Seconds per call of fn(): best of several batches, each call repeated until the batch is long enough."""
    start = CLOCK()
    fn()
    once = CLOCK() - start
    reps = max(1, int(budget / 3 / max(once, 1e-6)))
    best = once
    for _ in range(3):
        start = CLOCK()
        for _ in range(reps):
            fn()
        best = min(best, (CLOCK() - start) / reps)
    return best


def words(text: str) -> int:
    return len(text.split())


class Table:
    def __init__(self):
        self.rows: list[tuple[str, ...]] = []

    def add(self, bench: str, measured: str, beside: str = "", ratio: str = "", target: str = "", verdict: str = ""):
        self.rows.append((bench, measured, beside, ratio, target, verdict))
        print(f"  {bench}: {measured} {beside} {ratio} {verdict}".rstrip(), file=sys.stderr, flush=True)

    def render(self) -> str:
        head = ("benchmark", "numcheck", "beside", "ratio", "target", "holds")
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(row) + " |" for row in self.rows]
        return "\n".join(lines)


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


# --- inputs ---------------------------------------------------------------------

ARTICLE = (
    "Headline: {n} troops sent to the border\n\n"
    "About {n} North Korean soldiers have been sent to the border, officials said on Monday, 7 October 2024. "
    "The 3,000 troops arrived in 12 buses and travelled 400km (250 miles) in two days. "
    "Prices rose 5% from $1.2m to $1.26m, and the 45-year-old commander, Kim Lee, said nearly 200 of them "
    "were injured. Between 10,000 and 12,000 soldiers are expected by next week.\n"
)


def generated_articles(count: int) -> list[str]:
    return [ARTICLE.format(n=1000 + 37 * i) for i in range(count)]


def one_subject(figures: int) -> str:
    """A document whose one subject, North Korean troops, is counted `figures` times."""
    forms = ("About {n:,} North Korean troops crossed on day {i}.",
             "Officials said the {n:,} North Korean troops had moved by day {i}.",
             "Nearly {n:,} North Korean troops were counted on day {i}, and the {n:,} North Korean troops rested.")
    return " ".join(forms[i % 3].format(n=1000 + 10 * (i % 50), i=i) for i in range(figures)) + "\n"


def adversarial(size: int) -> dict[str, str]:
    import random

    rng = random.Random(5)
    digits = "".join(rng.choices("0123456789,.-/ ", k=size))
    half = size // 2 - 3
    brackets = "(" * (half // 2) + "[" * (half - half // 2) + "10 km" + "]" * (half - half // 2) + ")" * (half // 2)
    hedge = "about " * (size // 6)
    # Every "the N-year-old" looks back for its person: the look-back must stay bounded.
    age = "the 25-year-old won. " * (size // 21)
    return {"digits and separators": digits, "nested brackets": brackets, "one repeated hedge word": hedge,
            "one unresolved age phrase": age}


# --- benchmarks -----------------------------------------------------------------

def bench_startup(table: Table, runs: int) -> None:
    cmd = numcheck_command() + ["lint", "--fail-on", "never", str(SEED)]
    base, base_cpu = median_run([sys.executable, "-c", "pass"], runs)
    t, cpu = median_run(cmd, runs)
    table.add(f"start-up: `numcheck lint` on the seed (median of {runs})", f"{t:.3f} s (CPU {cpu:.3f} s)",
              f"`python -c pass` {base:.3f} s (CPU {base_cpu:.3f} s)", f"{t / base:.1f}×", "≤ 0.25 s",
              verdict(t <= 0.25))


def bench_throughput(table: Table, files: list[Path], texts: list[str], quick: bool) -> None:
    import regex

    from checker import lint

    total = sum(words(t) for t in texts)
    digit_run = regex.compile(r"\d+")
    scan = per_call(lambda: [digit_run.findall(t) for t in texts], budget=0.1 if quick else 2)
    # One warm process over every text: extraction, grouping and rules; no start-up,
    # no one-time loading (pint's registry is built by the warm-up).
    lint("The road is 10 km long.")
    start = CLOCK()
    for t in texts:
        lint(t)
    inproc = CLOCK() - start
    # One `numcheck lint` call over every file, start-up included: what the target counts.
    cli_wall, cli = timed(numcheck_command() + ["lint", "--fail-on", "never", *map(str, files)])
    table.add(f"throughput: bare `regex` \\d+ scan, {len(texts)} texts, {total:,} words",
              f"{total / scan:,.0f} words/s (CPU)", f"issue quotes ~{PEER['bare_scan_words_s']:,}", "", "the floor")
    table.add("throughput: `lint()` in one warm process", f"{total / inproc:,.0f} words/s (CPU)", "",
              f"{inproc / scan:.0f}× the scan's time", "", "")
    q = quantulum_rate(texts, budget=1 if quick else 30)
    # Ratios use the call's CPU time, as the in-process figures do.
    measured = f"{total / cli:,.0f} words/s (CPU {cli:.2f} s; wall {cli_wall:.2f} s)"
    name = "throughput: one `numcheck lint` call over every file, start-up included"
    if q is None:
        table.add(name, measured, "quantulum3 not installed", f"{cli / scan:.0f}× the scan's time",
                  "≤ 100× the scan", verdict(cli / scan <= 100))
    else:
        rate, _, note = q
        cli_rate = total / cli
        table.add(name, measured, f"quantulum3 {rate:,.0f} words/s (CPU){note}",
                  f"{cli_rate / rate:.0f}× quantulum3; {cli / scan:.0f}× the scan's time",
                  "≥ 20× quantulum3, ≤ 100× the scan", verdict(cli_rate / rate >= 20 and cli / scan <= 100))


def quantulum_rate(texts: list[str], budget: float):
    """quantulum3's words/s over as many texts as fit the budget (it is slow), or None."""
    try:
        from quantulum3 import parser
    except ImportError:
        return None
    parser.parse("warm up 10 km")  # loads its models outside the timing
    done = n_words = 0
    start = CLOCK()
    for t in texts:
        parser.parse(t)
        done += 1
        n_words += words(t)
        if CLOCK() - start > budget:
            break
    elapsed = CLOCK() - start
    note = "" if done == len(texts) else f" (first {done} texts, {n_words:,} words, extrapolated)"
    return n_words / elapsed, n_words, note


def bench_scaling(table: Table, article: str, quick: bool) -> None:
    from checker import lint

    budget = 0.1 if quick else 2
    sizes = (1, 4, 16) if quick else (1, 4, 16, 64)
    for name, make in (("one article", lambda k: "\n".join([article] * k)),
                       ("one subject, 50×k figures", lambda k: one_subject(50 * k))):
        times = {k: per_call(lambda doc=make(k): lint(doc), budget=budget) for k in sizes}
        top = sizes[-1]
        ratio = times[top] / times[1]
        detail = ", ".join(f"{k}×: {times[k] * 1000:.1f} ms" for k in sizes)
        table.add(f"scaling: {name} 1×…{top}×", detail, "", f"{top}× text → {ratio:.1f}× time",
                  f"≤ {top * 1.25:.0f}× time", verdict(ratio <= top * 1.25))


# The child's own peak RSS: VmHWM belongs to its address space, whereas ru_maxrss
# carries over the RSS of the parent it was forked from (this script, with the corpus).
PEAK_RSS = ("def peak_mb():\n"
            "    for line in open('/proc/self/status'):\n"
            "        if line.startswith('VmHWM:'):\n"
            "            return int(line.split()[1]) / 1024\n"
            "    import resource\n"
            "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024\n")


def bench_memory(table: Table, texts: list[str], size: int) -> None:
    doc, parts = [], 0
    while parts < size:
        for t in texts:
            doc.append(t)
            parts += len(t.encode())
            if parts >= size:
                break
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "big.txt"
        path.write_text("\n".join(doc), encoding="utf-8")
        probe = (PEAK_RSS + "import sys, time\n"
                 "from checker import lint\n"
                 "text = open(sys.argv[1], encoding='utf-8').read()\n"
                 "t = time.process_time(); n = len(lint(text)); t = time.process_time() - t\n"
                 "print(peak_mb(), t, n)\n")
        try:
            out = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True,
                                 env=child_env(), cwd=ROOT, timeout=300)
        except subprocess.TimeoutExpired:
            table.add(f"memory: {size / 1e6:.0f} MB document", "> 300 s (killed)", "", "", "≤ 300 MB", "**no**")
            return
        base = subprocess.run([sys.executable, "-c", PEAK_RSS + "import checker\nprint(peak_mb())"],
                              capture_output=True, text=True, env=child_env(), cwd=ROOT)
    if out.returncode != 0:
        table.add(f"memory: {size / 1e6:.0f} MB document", "failed", out.stderr.strip().splitlines()[-1][:80])
        return
    peak, seconds, _ = out.stdout.split()
    table.add(f"memory: peak RSS, lint() of a {size / 1e6:.1f} MB document", f"{float(peak):.0f} MB ({float(seconds):.1f} s CPU)",
              f"interpreter + imports {float(base.stdout):.0f} MB", "", "≤ 300 MB", verdict(float(peak) <= 300))


def bench_jobs(table: Table, files: list[Path]) -> None:
    cmd = numcheck_command()
    helptext = subprocess.run(cmd + ["lint", "--help"], capture_output=True, text=True, env=child_env(), cwd=ROOT).stdout
    if "--jobs" not in helptext:
        table.add("parallel: --jobs 2 vs --jobs 1", "skipped: this `numcheck lint` has no --jobs option")
        return
    def run(jobs: int) -> float:
        return min(wall(cmd + ["lint", "--jobs", str(jobs), "--fail-on", "never", *map(str, files)]) for _ in range(2))

    one, two = run(1), run(2)
    table.add("parallel: --jobs 2 vs --jobs 1 over the folder", f"{two:.2f} s", f"--jobs 1 {one:.2f} s",
              f"{one / two:.2f}× faster", "≥ 1.7×", verdict(one / two >= 1.7))


def bench_adversarial(table: Table, size: int) -> None:
    probe = ("import sys, time\nfrom checker import lint\n"
             "text = open(sys.argv[1], encoding='utf-8').read()\n"
             "t = time.process_time(); lint(text); print(time.process_time() - t)\n")
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in adversarial(size).items():
            path = Path(tmp) / "adv.txt"
            path.write_text(text, encoding="utf-8")
            try:
                out = subprocess.run([sys.executable, "-c", probe, str(path)], capture_output=True, text=True,
                                     env=child_env(), cwd=ROOT, timeout=120)
                result = f"{float(out.stdout):.2f} s CPU" if out.returncode == 0 else \
                    "error: " + (out.stderr.strip().splitlines() or ["?"])[-1][:70]
                ok = out.returncode == 0 and float(out.stdout) <= 2
            except subprocess.TimeoutExpired:
                result, ok = "> 120 s (killed)", False
            table.add(f"adversarial: {size / 1e6:g} MB of {name}", result, "", "", "≤ 2 s", verdict(ok))


def machine() -> str:
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs ({model}), Python {platform.python_version()}, {platform.system()}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", nargs="?", default=str(DEFAULT_FOLDER), help="folder of *.txt articles")
    ap.add_argument("--runs", type=int, default=10, help="runs per start-up median (default 10)")
    ap.add_argument("--quick", action="store_true", help="tiny generated input, few runs: a smoke test")
    args = ap.parse_args(argv)
    tmp = None
    if args.quick:
        tmp = tempfile.mkdtemp(prefix="numcheck-bench-")
        for i, text in enumerate(generated_articles(8)):
            Path(tmp, f"a{i}.txt").write_text(text, encoding="utf-8")
        folder, runs, mem_size, adv_size = Path(tmp), min(args.runs, 3), 200_000, 20_000
    else:
        folder, runs, mem_size, adv_size = Path(args.folder), args.runs, 10_000_000, 1_000_000
    files = sorted(folder.glob("*.txt"))
    if not files:
        print(f"run.py: no *.txt files in {folder}", file=sys.stderr)
        return 2
    texts = [f.read_text(encoding="utf-8") for f in files]
    # The median-length article is the unit of the scaling benchmark.
    article = sorted(texts, key=len)[len(texts) // 2]
    table = Table()
    try:
        bench_startup(table, runs)
        bench_throughput(table, files, texts, args.quick)
        bench_scaling(table, article, args.quick)
        bench_memory(table, texts, mem_size)
        bench_jobs(table, files)
        bench_adversarial(table, adv_size)
    finally:
        if tmp:
            shutil.rmtree(tmp)
    print(f"numcheck benchmarks on {folder} ({len(files)} files); machine: {machine()}; "
          f"command: {' '.join(Path(c).name for c in numcheck_command())}\n")
    print(table.render())
    return 0


if __name__ == "__main__":
    sys.exit(main())
