"""Recall on injected contradictions, false alarms on the untouched text.

For every article in a folder (default ../shared/corpus/bbc-dev), find figures that
repeat (the same number for the same kind of claim, written twice or more), change
one mention's number, lint the edited text and count the edit as caught when a
finding marks the changed figure or names it as related. Also lints every untouched
article and reports findings per article. Prints numbers; writes nothing.

    python benchmarks/inject.py [FOLDER] [--show N]
"""
from __future__ import annotations

import argparse
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from checker import extract, lint  # noqa: E402
from checker.extract.counted import counted_phrase  # noqa: E402

KINDS = ("number", "range", "money", "percent", "quantity", "age")
DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def changed(number: str, rng: random.Random, kind: str = "number") -> str:
    """Another figure written the same way: 3,000 -> 4,500, 1.2 -> 2.4; an age stays
    one a person can have (44 -> 47, not 132, which is no longer read as an age)."""
    if kind == "age" and number.isdigit():
        return str(max(1, int(number) + rng.choice([-9, -5, -3, -2, 2, 3, 5, 9])))
    value = float(number.replace(",", ""))
    factor = rng.choice([0.5, 1.5, 2, 3, 0.25])
    new = value * factor
    places = len(number.split(".")[1]) if "." in number else 0
    text = f"{new:,.{places}f}" if "," in number else f"{new:.{places}f}"
    return text if text != number else str(int(value) + 7)


def injections(text: str, rng: random.Random):
    """(edited text, start, end, kind, context) for each repeated figure: the same
    number for the same kind of claim counting the same noun, one mention changed."""
    seen = defaultdict(list)
    for claim in extract(text):
        if claim.kind not in KINDS:
            continue
        m = DIGITS.search(claim.text)
        if not m:
            continue
        noun = counted_phrase(text, claim.end)
        noun = noun[0].split()[-1].lower() if noun else None
        seen[(claim.kind, claim.unit, m.group(0), noun)].append((claim, m))
    for (kind, unit, number, _), mentions in seen.items():
        if len(mentions) < 2:
            continue
        claim, m = rng.choice(mentions)
        start, end = claim.start + m.start(), claim.start + m.end()
        new = changed(number, rng, kind)
        yield text[:start] + new + text[end:], start, start + len(new), kind, text[max(0, start - 60):end + 40]


def measure(files: list[Path], seed: int = 1) -> dict:
    """Findings on the untouched files, and injected edits caught, by kind."""
    rng = random.Random(seed)
    findings = caught = total = 0
    by_kind = defaultdict(lambda: [0, 0])
    missed = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        findings += len(lint(text))
        for edited, start, end, kind, context in injections(text, rng):
            total += 1
            by_kind[kind][1] += 1
            hit = any(f.start < end and start < f.end or any(r.start < end and start < r.end for r in f.related)
                      for f in lint(edited))
            caught += hit
            by_kind[kind][0] += hit
            if not hit:
                missed.append((path.name, kind, context.replace("\n", " ")))
    return {"articles": len(files), "findings": findings, "total": total, "caught": caught,
            "by_kind": dict(by_kind), "missed": missed}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", default=str(Path(__file__).resolve().parents[2] / "shared/corpus/bbc-dev"))
    parser.add_argument("--show", type=int, default=0, help="print up to N missed edits")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    files = sorted(Path(args.folder).glob("*.txt"))
    if not files:
        sys.exit(f"no .txt files in {args.folder}")
    result = measure(files, args.seed)
    files, findings, total, caught = result["articles"], result["findings"], result["total"], result["caught"]
    by_kind, missed = result["by_kind"], result["missed"]
    print(f"articles: {files}  findings on untouched text: {findings} ({findings / files:.3f} per article)")
    print(f"injected edits: {total}  caught: {caught} ({caught / max(total, 1):.1%})")
    for kind, (hit, n) in sorted(by_kind.items()):
        print(f"  {kind:<9} {hit}/{n} ({hit / n:.0%})")
    for row in missed[:args.show]:
        print("MISSED", *row, sep=" | ")


if __name__ == "__main__":
    main()
