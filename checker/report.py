"""The editor's report: one self-contained HTML page showing the draft with every claim
marked by kind and every finding linked to the figures it is about.

``render`` only formats the claims and findings it is given; ``build`` finds them as
``numcheck lint`` does (markup read, configuration applied); ``displayable`` turns the
draft into the text shown; ``write`` puts the page on disk atomically.  Everything
taken from the draft is HTML-escaped, and the page's Content-Security-Policy admits
only its own inline style and script (by hash), so a draft can neither run code nor
make the page fetch anything.
"""
from __future__ import annotations

import base64
import bisect
import datetime as dt
import hashlib
import json
import os
import tempfile
from collections import Counter
from dataclasses import dataclass
from html import escape
from importlib.resources import files
from pathlib import Path
from typing import Callable

from . import __version__, markup, project
from .engine import SEVERITIES
from .extract import as_date
from .format_numbers import fmt, fmt_interval
from .inputs import Source
from .lint import extract_source
from .model import Claim, Finding

# Kinds in legend order, with the name an editor reads; CSS gives each its own colour
# and underline style (report.css), so kinds never differ by colour alone.
KINDS = {
    "number": "count", "range": "range", "age": "age", "date": "date",
    "percent": "percentage", "money": "money", "quantity": "quantity",
}
_ASSETS = files("checker") / "report_assets"


@dataclass(frozen=True)
class Displayed:
    """The text a report shows for a source, its paragraphs, and where source offsets
    land in it: ``at`` for where a span starts, ``at_end`` for where one ends
    (exclusive), which differ only where markup that is not shown lies between."""

    text: str
    at: Callable[[int], int]
    at_end: Callable[[int], int]
    blocks: list[tuple[int, int]]  # (start, end) of each paragraph of ``text``
    reference_date: dt.date | None = None  # the draft's own (Markdown front matter)


def displayable(source: str, path: str = "") -> Displayed:
    """The one place a source becomes displayable text plus an offset mapping.

    Plain text shows as it is.  Markdown and HTML (by ``path``'s suffix) show as their
    prose, the text a reader sees, in the paragraphs the markup makes; source offsets
    (where ``extract_source`` and ``lint_source`` put claims and findings) map into it."""
    kind = markup.kind_of(path)
    if kind == "text":
        return Displayed(source, _same, _same, paragraphs(source))
    doc = markup.parse(source, kind)
    # Where each prose char begins and ends in the source; both ascend, so a source
    # offset finds its place by bisection.  A span starting inside hidden markup starts
    # at the next char shown, one ending there ends after the last char shown.
    begins = [doc.map.start(p) for p in range(len(doc.prose))]
    ends = [doc.map.end(p + 1) for p in range(len(doc.prose))]
    return Displayed(doc.prose, lambda offset: bisect.bisect_right(ends, offset),
                     lambda offset: bisect.bisect_left(begins, offset), _prose_blocks(doc.prose),
                     doc.reference_date)


def _same(offset: int) -> int:
    return offset


def _prose_blocks(prose: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of prose: the pieces between block breaks, less
    the layout whitespace around them."""
    blocks, pos = [], 0
    while pos <= len(prose):
        cut = prose.find(markup.BLOCK_BREAK, pos)
        cut = len(prose) if cut < 0 else cut
        piece = prose[pos:cut]
        if piece.strip():
            blocks.append((pos + len(piece) - len(piece.lstrip()), pos + len(piece.rstrip())))
        pos = cut + len(markup.BLOCK_BREAK)
    return blocks


def build(source: str, *, path: str = "", reference_date: dt.date | str | None = None) -> str:
    """The report of one draft as ``numcheck lint`` sees it: read as ``path``'s suffix
    says, under the configuration that governs ``path`` (select, ignore, severities,
    lexicon), with its reference date (``reference_date``, else the front matter's
    ``date:``, else the configuration's)."""
    shown = displayable(source, path)
    reference = (as_date(reference_date) or shown.reference_date
                 or project.config_for(path or "-").reference_date)
    claims = extract_source(source, path=path, reference_date=reference)
    findings = project.lint_file(Source(path, source), reference_date=reference)
    return _page(shown, claims, findings, path=path, reference_date=reference)


def render(text: str, claims: list[Claim], findings: list[Finding], *, path: str = "",
           reference_date: dt.date | None = None, version: str = __version__) -> str:
    """The report page for ``text`` with its ``claims`` and ``findings`` (offsets into
    ``text`` as written), as one HTML string."""
    return _page(displayable(text, path), claims, findings, path=path, reference_date=reference_date,
                 version=version)


def _page(shown: Displayed, claims: list[Claim], findings: list[Finding], *, path: str = "",
          reference_date: dt.date | None = None, version: str = __version__) -> str:
    findings = sorted(findings, key=lambda f: (f.start, f.end))
    css = _ASSETS.joinpath("report.css").read_text(encoding="utf-8")
    js = _ASSETS.joinpath("report.js").read_text(encoding="utf-8")
    data = json.dumps({"claims": [{**c.to_dict(), "label": KINDS.get(c.kind, c.kind),
                                   "interval": _interval(c)} for c in claims]}, ensure_ascii=False)
    # "<" cannot close the data block once escaped; JSON.parse reads \u003c back as "<".
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    policy = (f"default-src 'none'; style-src '{_sha(css)}'; script-src '{_sha(js)}'; "
              "img-src data:; base-uri 'none'; form-action 'none'")
    title = f"numcheck report — {path}" if path else "numcheck report"
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{policy}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="numcheck {escape(version)}">
<title>{escape(title)}</title>
<link rel="icon" href="data:,">
<style>{css}</style>
</head>
<body>
<a class="skip" href="#findings">Skip to findings</a>
{_header(path, claims, findings, reference_date, version)}
<main>
<article id="draft" aria-label="Draft">
{_body(shown, claims, findings)}
</article>
<aside aria-label="Findings and legend">
{_findings(findings)}
{_legend()}
</aside>
</main>
{_claims_table(claims)}
<div id="tip" role="tooltip" hidden></div>
<script type="application/json" id="numcheck-data">{data}</script>
<script>{js}</script>
</body>
</html>
"""


def write(path: str | os.PathLike, html: str) -> None:
    """Write ``html`` to ``path`` atomically: a temp file beside it, then a rename, so a
    reader never sees half a report and a failed write leaves the old file alone."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(html)
            f.flush()
            os.fsync(f.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes 0600; a report is an ordinary file
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blocks between blank lines, or each line when the
    draft has no blank line (one paragraph per line, as in pasted news text)."""
    lines, pos = [], 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        lines.append((pos, pos + len(body), bool(body.strip())))
        pos += len(line)
    if all(full for _, _, full in lines):
        return [(s, e) for s, e, _ in lines]
    blocks: list[tuple[int, int]] = []
    open_block = False
    for start, end, full in lines:
        if full and open_block:
            blocks[-1] = (blocks[-1][0], end)
        elif full:
            blocks.append((start, end))
        open_block = full
    return blocks


def _sha(text: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


def _interval(c: Claim) -> str | None:
    if c.low is None and c.high is None:
        return None
    return fmt_interval(c.low, c.high)


def _header(path, claims, findings, reference_date, version) -> str:
    kinds = Counter(c.kind for c in claims)
    sevs = Counter(f.severity for f in findings)
    kind_items = "".join(f'<li class="chip"><span class="claim k-{k}">{escape(label)}</span> {kinds[k]}</li>'
                         for k, label in KINDS.items())
    sev_items = "".join(f'<li class="chip sev-{s}">{s} {sevs[s]}</li>' for s in reversed(SEVERITIES))
    ref = reference_date.isoformat() if reference_date else "none given"
    return f"""<header>
<h1>numcheck report <span class="path">{escape(path)}</span></h1>
<p class="meta">Reference date: <span id="reference-date">{escape(ref)}</span> ·
numcheck <span id="version">{escape(version)}</span> ·
<span id="claim-count">{len(claims)}</span> {_plural(len(claims), "figure")} ·
<span id="finding-count">{len(findings)}</span> {_plural(len(findings), "finding")}</p>
<ul class="counts" id="kind-counts" aria-label="Figures by kind">{kind_items}</ul>
<ul class="counts" id="severity-counts" aria-label="Findings by severity">{sev_items}</ul>
</header>"""


def _plural(n: int, word: str) -> str:
    return word if n == 1 else word + "s"


def _findings(findings: list[Finding]) -> str:
    if not findings:
        return '<section id="findings" tabindex="-1"><h2>Findings</h2><p>No findings.</p></section>'
    items = []
    for n, f in enumerate(findings, 1):
        items.append(
            f'<li id="finding-{n}" class="finding sev-{escape(f.severity)}">'
            f'<button type="button" data-finding="{n}" aria-controls="draft">'
            f'<span class="sev">{escape(f.severity)}</span> <span class="rule">{escape(f.rule)}</span> '
            f'<span class="pos">line {f.line}, col {f.column}</span>'
            f'<span class="msg">{escape(f.message)}</span></button></li>')
    return (f'<section id="findings" tabindex="-1"><h2>Findings</h2>'
            f'<ol class="findings">{"".join(items)}</ol></section>')


def _legend() -> str:
    items = "".join(f'<li><span class="claim k-{k}">{escape(label)}</span></li>' for k, label in KINDS.items())
    return (f'<section id="legend"><h2>Legend</h2><ul class="legend">{items}'
            '<li><span class="hit">text a finding is about</span></li>'
            '<li><span class="hit flag">flagged figure (selected)</span></li>'
            '<li><span class="hit rel">related figure (selected)</span></li></ul>'
            '<label><input type="checkbox" id="show-labels"> show kind labels in the text</label></section>')


def _claims_table(claims: list[Claim]) -> str:
    rows = []
    for n, c in enumerate(claims, 1):
        value = "" if c.value is None else fmt(c.value)
        when = " ".join(x for x in (c.date, c.weekday, "invalid" if c.valid is False else None) if x)
        cells = (f"{c.line}:{c.column}", KINDS.get(c.kind, c.kind), f'<a href="#c{n}">{escape(c.text)}</a>',
                 value, _interval(c) or "", c.hedge or "", c.unit or "", c.subject or "", when)
        rows.append("<tr>" + "".join(f"<td>{x if i == 2 else escape(x)}</td>" for i, x in enumerate(cells))
                    + "</tr>")
    head = "".join(f'<th scope="col">{h}</th>' for h in
                   ("line:col", "kind", "figure", "value", "interval", "hedge", "unit", "subject", "date"))
    return (f'<details id="all-claims"><summary>All {len(claims)} figures</summary><div class="scroll">'
            f'<table><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table></div></details>')


def _body(shown: Displayed, claims: list[Claim], findings: list[Finding]) -> str:
    """The draft's paragraphs with claims wrapped in focusable spans and the text each
    finding points at in marked segments that carry the finding's number.

    Finding spans may cover more than a claim (the hedge and what is counted) or cross
    one, so the text is cut at every claim and finding boundary: claims (which do not
    overlap) are the outer elements and finding marks the segments inside them.  One
    sweep over the cuts, so a draft with thousands of figures renders in linear time."""
    text = shown.text
    placed: list[tuple[int, int, int, str]] = []  # (start, end, claim number, kind), no overlaps
    for n, c in enumerate(claims, 1):
        start, end = shown.at(c.start), shown.at_end(c.end)
        if start < end and (not placed or start >= placed[-1][1]):
            placed.append((start, end, n, c.kind))
    marks: list[tuple[int, int, int, str]] = []  # (start, end, finding number, flag|rel)
    for n, f in enumerate(findings, 1):
        marks.append((shown.at(f.start), shown.at_end(f.end), n, "flag"))
        marks.extend((shown.at(s.start), shown.at_end(s.end), n, "rel") for s in f.related)
    marks = sorted((m for m in marks if m[0] < m[1]), key=lambda m: m[0])
    blocks = shown.blocks
    cuts = sorted({x for block in blocks for x in block} | {x for s, e, *_ in placed + marks for x in (s, e)})
    out: list[str] = []
    next_claim = next_mark = 0
    active: list[tuple[int, int, int, str]] = []  # marks covering the current segment
    for i, (p_start, p_end) in enumerate(blocks):
        next_start = blocks[i + 1][0] if i + 1 < len(blocks) else len(text) + 1
        here = cuts[bisect.bisect_left(cuts, p_start):bisect.bisect_right(cuts, p_end)]
        html = ["<p>"]
        open_claim = None
        pending: list[str] = []  # back-links waiting for the claim they end inside to close
        for a, b in zip(here, here[1:]):
            while next_claim < len(placed) and placed[next_claim][1] <= a:
                next_claim += 1
            claim = placed[next_claim] if next_claim < len(placed) and placed[next_claim][0] <= a else None
            while next_mark < len(marks) and marks[next_mark][0] <= a:
                active.append(marks[next_mark])
                next_mark += 1
            active = [m for m in active if m[1] > a]
            if claim != open_claim:
                if open_claim is not None:
                    html.append("</span>")
                    html.extend(pending)
                    pending.clear()
                if claim is not None:
                    start, _, n, kind = claim
                    # A claim cut by a paragraph break keeps its id on its first part only.
                    ident = f' id="c{n}"' if start >= p_start else ""
                    html.append(f'<span class="claim k-{escape(kind)}"{ident} data-claim="{n - 1}" tabindex="0">')
                open_claim = claim
            html.append(_segment(text[a:b], active))
            for _, e, n, role in active:
                # The back-link goes where the span ends, or at the paragraph's end when the
                # span ends in the gap before the next paragraph.
                if e == b or (b == p_end and p_end < e <= next_start):
                    what = "flagged" if role == "flag" else "related"
                    pending.append(f'<a class="backref" href="#finding-{n}" data-finding="{n}" '
                                   f'aria-label="finding {n} ({what})">{n}</a>')
            if open_claim is None:
                html.extend(pending)
                pending.clear()
        if open_claim is not None:
            html.append("</span>")
        html.extend(pending)
        html.append("</p>")
        out.append("".join(html))
    return "\n".join(out)


def _segment(text: str, covering: list[tuple[int, int, int, str]]) -> str:
    """A piece of text, marked with the findings whose spans cover it, if any."""
    if not covering:
        return escape(text)
    flags = " ".join(str(n) for _, _, n, role in covering if role == "flag")
    rels = " ".join(str(n) for _, _, n, role in covering if role == "rel")
    roles = " ".join(sorted({role for *_, role in covering}))
    return f'<span class="hit {roles}" data-flag="{flags}" data-rel="{rels}">{escape(text)}</span>'
