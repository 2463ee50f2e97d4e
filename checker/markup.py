"""Markup -> prose: the text a reader sees in a plain-text, Markdown or HTML draft,
with a map from every prose offset back into the original file.

The extractor and the rules run on the prose; findings are mapped back, so their
positions always point into the file as written.  Code blocks, inline code, URLs,
HTML comments, script and style are not prose.  HTML and Markdown comments are kept
aside (``Document.comments``) because suppression directives live in them.
"""
from __future__ import annotations

import bisect
import datetime as dt
import html
import re
from dataclasses import dataclass
from functools import cache
from html.parser import HTMLParser


from .extract.patterns import lowered
from .model import LineIndex

MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
HTML_SUFFIXES = (".html", ".htm", ".xhtml")

# A URL is an address, not prose: its digits are no figures.  Linear: one class run.
_URL = re.compile(r"(?:https?://|www\.)[^\s<>\"'`]+", re.IGNORECASE)
# A run of whitespace; one that holds a line break is layout in HTML source, one space to
# a reader.  (Matching whole runs keeps this linear on long runs without a break.)
_SPACE_RUN = re.compile(r"\s+")
_FRONT_MATTER_END = re.compile(r"^(?:---|\.\.\.)[ \t]*\r?$", re.MULTILINE)
_FRONT_MATTER_DATE = re.compile(r"^date:[ \t]*[\"']?(\d{4}-\d{2}-\d{2})", re.MULTILINE)
BLOCK_BREAK = "\n\n"
# How far to look for the end of a link destination (bounds the work per link).
_MAX_DESTINATION = 4096


class OffsetMap:
    """Prose offsets -> original offsets.  Each segment of prose either copies the
    original char for char, or stands for an original span as a whole (an entity,
    an escape, a line break inside a paragraph)."""

    def __init__(self, original: str):
        self.lines = LineIndex(original)
        self._prose: list[int] = []  # segment starts in the prose, ascending
        self._segments: list[tuple[int, int, int, int]] = []  # prose start, prose end, orig start, orig end

    def add(self, prose_start: int, prose_end: int, orig_start: int, orig_end: int) -> None:
        self._prose.append(prose_start)
        self._segments.append((prose_start, prose_end, orig_start, orig_end))

    def start(self, offset: int) -> int:
        """Where the prose char at ``offset`` begins in the original."""
        i = bisect.bisect_right(self._prose, offset) - 1
        if i >= 0:
            p0, p1, o0, o1 = self._segments[i]
            if offset < p1:
                return o0 + (offset - p0 if p1 - p0 == o1 - o0 else 0)
        # Between segments (a block break): the next segment's start.
        if i + 1 < len(self._segments):
            return self._segments[i + 1][2]
        return self._segments[-1][3] if self._segments else 0

    def end(self, offset: int) -> int:
        """Where the prose span ending (exclusive) at ``offset`` ends in the original."""
        i = bisect.bisect_right(self._prose, offset - 1) - 1
        if i < 0:
            return self._segments[0][2] if self._segments else 0
        p0, p1, o0, o1 = self._segments[i]
        if offset - 1 < p1:
            return o0 + (offset - p0 if p1 - p0 == o1 - o0 else o1 - o0)
        return o1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based line and column in the original of the prose char at ``offset``."""
        return self.lines.position(self.start(offset))


@dataclass
class Document:
    original: str
    prose: str
    map: OffsetMap
    blocks: list[tuple[int, int]]  # original spans of paragraphs (and other text blocks), in order
    comments: list[tuple[int, int, str]] | None  # original span and body of each comment; None in plain text
    reference_date: dt.date | None = None  # from Markdown front matter


def kind_of(path: str | None) -> str:
    """``text``, ``markdown`` or ``html``, from a file name's suffix."""
    name = (path or "").lower()
    if name.endswith(MARKDOWN_SUFFIXES):
        return "markdown"
    if name.endswith(HTML_SUFFIXES):
        return "html"
    return "text"


def parse(text: str, kind: str = "text") -> Document:
    if kind == "markdown":
        return _markdown(text)
    if kind == "html":
        builder = _Builder(text)
        _HTMLText(builder, text, 0).run()
        return builder.document(comments=builder.comments)
    return _plain(text)


def _plain(text: str) -> Document:
    """Plain text is its own prose (URLs blanked, so the map stays one to one);
    paragraphs are separated by blank lines."""
    offsets = OffsetMap(text)
    offsets.add(0, len(text), 0, len(text))
    blocks = [(m.start(), m.end()) for m in re.finditer(r"\S[^\n]*(?:\n[ \t]*\S[^\n]*)*", text)]
    # Substring tests first: most drafts have no URL, and the pattern's scan was ~3% of lint.
    has_url = "://" in text or "www." in lowered(text)
    prose = _URL.sub(lambda m: " " * len(m.group(0)), text) if has_url else text
    return Document(text, prose, offsets, blocks, None)


class _Builder:
    """Collects prose segments, the offset map, blocks and comments."""

    def __init__(self, original: str):
        self.original = original
        self.parts: list[str] = []
        self.length = 0
        self.map = OffsetMap(original)
        self.blocks: list[tuple[int, int]] = []
        self.comments: list[tuple[int, int, str]] = []
        self._block: list[int] | None = None  # [orig start, orig end] of the open block
        self._block_has_text = False

    def piece(self, orig_start: int, orig_end: int, text: str) -> None:
        """``text`` stands for original[orig_start:orig_end] (char for char when equally long)."""
        if not text:
            return
        self.map.add(self.length, self.length + len(text), orig_start, orig_end)
        self.parts.append(text)
        self.length += len(text)
        if not text.isspace():
            self._block_has_text = True
        if self._block is None:
            self._block = [orig_start, orig_end]
        else:
            self._block[1] = max(self._block[1], orig_end)

    def verbatim(self, orig_start: int, text: str, collapse: bool = False) -> None:
        """Source text that reads as written, URLs left out; ``collapse`` turns
        whitespace holding a line break into one space (HTML layout)."""
        pos = 0
        for m in _URL.finditer(text):
            self._spaces(orig_start, text, pos, m.start(), collapse)
            pos = m.end()
        self._spaces(orig_start, text, pos, len(text), collapse)

    def _spaces(self, base: int, text: str, start: int, end: int, collapse: bool) -> None:
        if not collapse:
            self.piece(base + start, base + end, text[start:end])
            return
        pos = start
        for m in _SPACE_RUN.finditer(text, start, end):
            if "\n" not in m.group(0):
                continue
            self.piece(base + pos, base + m.start(), text[pos:m.start()])
            self.piece(base + m.start(), base + m.end(), " ")
            pos = m.end()
        self.piece(base + pos, base + end, text[pos:end])

    def block(self) -> None:
        """Ends the open block: prose that follows starts a new paragraph."""
        if self._block is not None and self._block_has_text:
            self.blocks.append((self._block[0], self._block[1]))
            self.parts.append(BLOCK_BREAK)
            self.length += len(BLOCK_BREAK)
        self._block, self._block_has_text = None, False

    def document(self, comments, reference_date=None) -> Document:
        self.block()
        return Document(self.original, "".join(self.parts), self.map, self.blocks, comments, reference_date)


# --- HTML ------------------------------------------------------------------------------

# Elements whose content no reader sees as prose.
_HIDDEN = frozenset({"script", "style", "head", "title", "template", "noscript", "code", "pre", "svg", "math",
                     "textarea", "select", "object", "iframe"})
# Elements that start and end a block of text.
_BLOCKS = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd",
                     "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "blockquote", "section",
                     "article", "header", "footer", "main", "aside", "nav", "figure", "figcaption", "br", "hr",
                     "address", "details", "summary", "body", "html", "form", "fieldset", "legend", "center"})
_REFERENCE = re.compile(r"&#?[0-9A-Za-z]{0,32};?")


class _HTMLText(HTMLParser):
    """Visible text of an HTML document (or a Markdown HTML block at ``base``)."""

    def __init__(self, builder: _Builder, source: str, base: int):
        super().__init__(convert_charrefs=False)
        self.builder, self.source, self.base = builder, source, base
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self.hidden: dict[str, int] = {}

    def run(self) -> None:
        # html.parser rescans an unterminated "<..." once per character that follows it
        # (quadratic).  So it is fed only up to the first "<" after the last ">": what
        # follows is an unclosed tag, invisible as in a browser, or an unclosed "<!--",
        # a comment to the end.
        cut = self.source.rfind(">") + 1
        unclosed = self.source.find("<", cut)
        self.feed(self.source if unclosed < 0 else self.source[:unclosed])
        self.close()
        if unclosed >= 0 and self.source.startswith("<!--", unclosed):
            self.builder.comments.append((self.base + unclosed, self.base + len(self.source),
                                          self.source[unclosed + 4:]))

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag, attrs):
        if tag in _HIDDEN:
            self.hidden[tag] = self.hidden.get(tag, 0) + 1
        if tag in _BLOCKS:
            self.builder.block()

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCKS:
            self.builder.block()

    def handle_endtag(self, tag):
        if self.hidden.get(tag):
            self.hidden[tag] -= 1
        if tag in _BLOCKS:
            self.builder.block()

    def handle_data(self, data):
        if not any(self.hidden.values()):
            self.builder.verbatim(self.base + self._offset(), data, collapse=True)

    def _reference(self):
        start = self._offset()
        m = _REFERENCE.match(self.source, start)
        if m and not any(self.hidden.values()):
            self.builder.piece(self.base + start, self.base + m.end(), html.unescape(m.group(0)))

    def handle_entityref(self, name):
        self._reference()

    def handle_charref(self, name):
        self._reference()

    def handle_comment(self, data):
        start = self._offset()
        end = self.source.find(">", start + 4 + len(data))
        end = len(self.source) if end < 0 else end + 1
        self.builder.comments.append((self.base + start, self.base + end, data))

    def parse_html_declaration(self, i):
        # html.parser asserts on malformed "<![...": read such markup as text instead.
        position = self.lineno, self.offset
        try:
            return super().parse_html_declaration(i)
        except AssertionError:
            self.lineno, self.offset = position  # it may have moved before asserting
            return -1


# --- Markdown --------------------------------------------------------------------------

@cache
def _md():
    """The Markdown parser, loaded on the first Markdown draft: plain-text runs never need it."""
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").enable(["table", "strikethrough"]).disable("text_join")


def _front_matter(text: str) -> tuple[int, dt.date | None]:
    """The length of YAML front matter ("---" ... "---" at the top) and its date."""
    if not text.startswith("---"):
        return 0, None
    first = text.find("\n")
    if first < 0 or text[:first].strip() != "---":
        return 0, None
    close = _FRONT_MATTER_END.search(text, first + 1)
    if close is None:
        return 0, None
    end = text.find("\n", close.end())
    end = len(text) if end < 0 else end + 1
    m = _FRONT_MATTER_DATE.search(text, first + 1, close.start())
    try:
        date = dt.date.fromisoformat(m.group(1)) if m else None
    except ValueError:
        date = None
    return end, date


def _markdown(text: str) -> Document:
    skip, date = _front_matter(text)
    builder = _Builder(text)
    line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_start(n: int) -> int:
        return line_starts[n] if n < len(line_starts) else len(text)

    # Front matter becomes blank lines, so markdown-it's line numbers stay the file's.
    tokens = _md().parse("\n" * text.count("\n", 0, skip) + text[skip:])
    for token in tokens:
        if token.map is None:
            continue
        lo, hi = line_start(token.map[0]), line_start(token.map[1])
        if token.type == "inline":
            _inline(builder, text, token.children or [], lo, hi)
            builder.block()
        elif token.type == "html_block":
            _HTMLText(builder, text[lo:hi], lo).run()
            builder.block()
    return builder.document(comments=builder.comments, reference_date=date)


def _inline(builder: _Builder, text: str, children, lo: int, hi: int) -> None:
    """Places each inline token of a block in the source, in order, and keeps the prose."""
    cursor = lo
    in_autolink = False
    for child in children:
        kind = child.type
        if kind in ("text", "text_special"):
            source = child.markup if kind == "text_special" else child.content
            pos = text.find(source, cursor, hi) if source else -1
            if pos < 0:
                continue
            if in_autolink:  # <http://...>: its text is the URL, not prose
                cursor = pos + len(source)
                continue
            if kind == "text":
                builder.verbatim(pos, source)
            else:
                builder.piece(pos, pos + len(source), child.content)
            cursor = pos + len(source)
        elif kind in ("softbreak", "hardbreak"):
            pos = text.find("\n", cursor, hi)
            if pos >= 0:
                builder.piece(pos, pos + 1, " " if kind == "softbreak" else "\n")
                cursor = pos + 1
        elif kind == "code_inline":
            pos = text.find(child.markup, cursor, hi)
            close = text.find(child.markup, pos + len(child.markup), hi) if pos >= 0 else -1
            if close >= 0:
                cursor = close + len(child.markup)
        elif kind == "html_inline":
            pos = text.find(child.content, cursor, hi)
            if pos >= 0:
                cursor = pos + len(child.content)
                if child.content.startswith("<!--"):
                    builder.comments.append((pos, cursor, child.content[4:].removesuffix("-->")))
        elif kind == "link_open":
            in_autolink = child.markup == "autolink"
        elif kind == "link_close":
            if in_autolink:
                close = text.find(">", cursor, hi)
                cursor = close + 1 if close >= 0 else cursor
                in_autolink = False
            else:
                cursor = _past_destination(text, cursor, hi)
        elif kind == "image":
            pos = text.find("![", cursor, hi)
            if pos >= 0:
                cursor = _past_destination(text, text.find("]", pos + 2 + len(child.content), hi), hi)


def _past_destination(text: str, cursor: int, hi: int) -> int:
    """After a link's text: past "](destination "title")" or "][label]"."""
    close = text.find("]", cursor, hi) if cursor >= 0 else -1
    if close < 0:
        return max(cursor, 0)
    after = close + 1
    if text.startswith("(", after):
        depth = 0
        for i in range(after, min(hi, after + _MAX_DESTINATION)):
            if text[i] == "(":
                depth += 1
            elif text[i] == ")":
                depth -= 1
                if depth == 0:
                    return i + 1
        return after
    if text.startswith("[", after):
        end = text.find("]", after, hi)
        return end + 1 if end >= 0 else after
    return after
