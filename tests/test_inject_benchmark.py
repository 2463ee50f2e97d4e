"""The injected-contradiction benchmark on a tiny corpus made here (the real one is
../shared/corpus/bbc-dev, measured from the command line)."""
import importlib.util

from .conftest import ROOT

spec = importlib.util.spec_from_file_location("inject", ROOT / "benchmarks" / "inject.py")
inject = importlib.util.module_from_spec(spec)
spec.loader.exec_module(inject)

ARTICLE = """Tesco to cut 1,200 jobs

Tesco is to cut 1,200 jobs at its head office, the supermarket said on Monday.

The 1,200 jobs will go by the summer, it added. Its rival Asda hired 400 staff in 2004.
"""


def test_edit_of_a_restated_figure_is_caught(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    result = inject.measure(sorted(tmp_path.glob("*.txt")))
    assert result["findings"] == 0  # the untouched article is consistent
    assert result["total"] == 1  # "1,200 jobs" repeats; one mention is changed
    assert result["caught"] == 1
