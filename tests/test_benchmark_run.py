"""benchmarks/run.py runs end to end on tiny generated input (--quick); no timing is asserted."""
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_quick_benchmark_prints_every_row():
    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "run.py"), "--quick", "--runs", "2"],
                         capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert out.returncode == 0, out.stderr
    rows = [line for line in out.stdout.splitlines() if line.startswith("| ")]
    assert rows[0].startswith("| benchmark | numcheck |")
    names = [row.split(" | ")[0] for row in rows[1:]]
    for family, count in (("start-up", 1), ("throughput", 3), ("scaling", 2), ("memory", 1), ("parallel", 1),
                          ("adversarial", 4)):
        assert sum(name.startswith("| " + family) for name in names) == count, (family, names)
    # Every measured row carries a number; nothing failed or was killed.
    assert "failed" not in out.stdout and "killed" not in out.stdout and "error:" not in out.stdout
