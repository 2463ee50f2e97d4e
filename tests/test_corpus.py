"""The BBC dev corpus (../shared/corpus/bbc-dev, not part of this repository): every
finding numcheck raises there, each one checked by hand as an error in the published
text. Skipped where the corpus is absent; the rule fixtures are the self-contained tests."""

import pytest

from checker import lint

from .conftest import ROOT

CORPUS = ROOT.parent / "shared" / "corpus" / "bbc-dev"

# (file, line, rule): the verdict on each is in the README's "Findings on real articles".
EXPECTED = {
    ("bbc-business-082.txt", 5, "exchange-rate-mismatch"),     # £2.6bn ($6.3bn)
    ("bbc-business-247.txt", 5, "exchange-rate-mismatch"),     # 2.4bn euros ($3.1bn; £2.9bn)
    ("bbc-business-277.txt", 11, "exchange-rate-mismatch"),    # 6bn euros ($8bn; £6bn)
    ("bbc-business-304.txt", 7, "exchange-rate-mismatch"),     # $10m (£19.2m)
    ("bbc-business-414.txt", 9, "exchange-rate-mismatch"),     # $500m (£378.8m) beside $168m (£89m)
    ("bbc-entertainment-053.txt", 5, "exchange-rate-mismatch"),  # $19.5m (£14.9m) beside five at £0.53
    ("bbc-entertainment-152.txt", 1, "count-conflict"),        # headline $110,000, lead $110,00
    ("bbc-entertainment-152.txt", 3, "exchange-rate-mismatch"),  # $110,00 (£59,000)
    ("bbc-tech-064.txt", 13, "exchange-rate-mismatch"),        # $1.8 billion (£9.4 million)
    ("bbc-tech-338.txt", 13, "exchange-rate-mismatch"),        # $1.8 billion (£94 million)
}


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus/bbc-dev is not here")
def test_every_finding_on_the_dev_corpus_is_a_known_error():
    files = sorted(CORPUS.glob("*.txt"))
    found = {(path.name, f.line, f.rule) for path in files for f in lint(path.read_text(encoding="utf-8"))}
    assert found == EXPECTED
    assert len(found) / len(files) <= 0.05
