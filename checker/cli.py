"""The numcheck command: a thin layer over checker.extract, checker.lint and the rules.

Exit status: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or
input errors (one line on stderr, never a traceback).
"""
from __future__ import annotations

import datetime as dt
import functools
import json
import os
import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import __version__, baseline, engine, formats, parallel, project
from .config import ConfigError
from .extract import extract as extract_claims
from .inputs import InputError, Source, discover, read
from .lint import extract_source, select_rules

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  rich_markup_mode=None, help="Find the figures in a news draft that cannot all be true.")


class Format(str, Enum):
    text = "text"
    json = "json"


LintFormat = Enum("LintFormat", {name: name for name in formats.RENDERERS}, type=str)


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"
    never = "never"


def fail(message: str) -> None:
    """A user mistake: one line on stderr, exit status 2."""
    typer.echo(f"numcheck: {message}", err=True)
    raise typer.Exit(2)


def _reference(value: Optional[str]) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        fail(f"bad --reference-date {value!r}: expected YYYY-MM-DD")


REFERENCE = typer.Option(None, "--reference-date", metavar="YYYY-MM-DD",
                         help="Date the draft is written on; resolves 'on Monday', 'last week' and year-less dates.")


@app.command()
def lint(
    paths: List[str] = typer.Argument(..., help="Files, directories or globs to check; - reads stdin."),
    format: LintFormat = typer.Option("text", "--format", "-f", help="Output format."),
    reference_date: Optional[str] = REFERENCE,
    fail_on: FailOn = typer.Option(FailOn.warning, "--fail-on", help="Lowest severity that makes the exit status 1."),
    select: List[str] = typer.Option([], "--select", help="Run only this rule (repeatable)."),
    ignore: List[str] = typer.Option([], "--ignore", help="Do not run this rule (repeatable)."),
    exclude: List[str] = typer.Option([], "--exclude", metavar="GLOB",
                                      help="Skip matching files and folders found in directories and globs (repeatable)."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", metavar="PATH",
                                                 help="Name reported for -; its suffix and folder choose the markup and configuration."),
    baseline_file: Optional[str] = typer.Option(None, "--baseline", metavar="FILE",
                                                help="Report only findings not recorded in this baseline."),
    write_baseline: Optional[str] = typer.Option(None, "--write-baseline", metavar="FILE",
                                                 help="Record today's findings in FILE; later runs with --baseline FILE report only new ones."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=0, metavar="N", help="Lint files in N processes (0: one per CPU)."),
) -> None:
    """Check drafts and report the figures that conflict."""
    reference = _reference(reference_date)
    sources, errors = [], 0
    try:
        rules = select_rules(select, ignore)  # a mistyped rule is a usage error before any file is read
        known = baseline.load(baseline_file) if baseline_file else None
        for source in project.sources(paths, stdin_filename=stdin_filename, exclude=tuple(exclude)):
            if isinstance(source, InputError):
                # One file's problem: reported, and the other files are still checked.
                typer.echo(f"numcheck: {source}", err=True)
                errors += 1
            else:
                sources.append(source)
        names = [source.path for source in sources]
        if write_baseline:
            baseline.check_target(write_baseline, names)
    except (engine.RuleError, ConfigError, baseline.BaselineError) as e:
        fail(str(e))
    # project.lint_file is module-level so that --jobs can send it to a worker process.
    lint_one = functools.partial(project.lint_file, select=tuple(select), ignore=tuple(ignore),
                                 reference_date=reference)
    results = _lint_all(sources, lint_one, jobs)
    results, dropped = _baseline(results, names, baseline_file, known, write_baseline)
    _print(formats.Report(results, rules, {s.path: s.text for s in sources}), format.value, dropped)
    if errors:
        raise typer.Exit(2)
    if fail_on is not FailOn.never:
        threshold = engine.SEVERITIES.index(fail_on.value)
        if any(engine.SEVERITIES.index(f.severity) >= threshold for _, fs in results for f in fs):
            raise typer.Exit(1)


# A progress bar for fewer files would flash by.
PROGRESS_MIN_FILES = 5


def _lint_all(sources, lint_one, jobs: int):
    """Every source's findings, in input order; a progress bar on a terminal's stderr."""
    done = parallel.map_ordered(lint_one, sources, jobs)
    if len(sources) < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        return [(s.path, fs) for s, fs in zip(sources, done)]
    from rich.console import Console
    from rich.progress import Progress

    # Redrawn as each file is done, not by rich's refresh thread: --jobs forks its workers
    # meanwhile, and forking a process that runs threads can deadlock.
    with Progress(console=Console(stderr=True), transient=True, auto_refresh=False) as progress:
        task = progress.add_task("linting", total=len(sources))
        progress.refresh()
        results = []
        for s, fs in zip(sources, done):
            results.append((s.path, fs))
            progress.advance(task)
            progress.refresh()
    return results


def _baseline(results, names, baseline_file, known, write_to):
    """The findings to report, and how many a baseline hid. --write-baseline records them
    all (so none is new); --baseline drops the recorded ones."""
    if write_to:
        try:
            written = baseline.write(write_to, results, names)
        except baseline.BaselineError as e:
            fail(str(e))
        typer.echo(f"numcheck: recorded {written} finding(s) in {write_to}", err=True)
        return [(path, []) for path, _ in results], written
    if known is not None:
        return baseline.apply(baseline_file, known, results)
    return results, 0


def _print(report: formats.Report, name: str, baselined: int) -> None:
    """The report on stdout; in text mode on a terminal, with colour (unless NO_COLOR) and a summary."""
    terminal = sys.stdout.isatty()
    if name == "text":
        colour = terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
        text = formats.text.render(report, colour=colour)
    else:
        text = formats.render(name, report)
    if text:
        typer.echo(text, color=True)
    if name == "text" and terminal:
        typer.echo(formats.text.summary_line(report.files, baselined=baselined))


@app.command()
def extract(
    paths: List[str] = typer.Argument(..., help="Files or directories; with --jsonl, - for stdin."),
    format: Format = typer.Option(Format.text, "--format", "-f", help="Output format."),
    jsonl: bool = typer.Option(False, "--jsonl", help='Read {"id","text","reference_date"?} lines, write {"id","claims"} lines.'),
    reference_date: Optional[str] = REFERENCE,
) -> None:
    """Print every numeric claim found in the drafts."""
    reference = _reference(reference_date)
    if jsonl:
        _extract_jsonl(paths, reference)
        return
    sources = _read_all(paths)
    results = [(s.path, extract_source(s.text, path=s.path, reference_date=reference)) for s in sources]
    text = formats.claims.extract_json(results) if format is Format.json else formats.claims.extract_table(results)
    if text:
        typer.echo(text)


def _read_all(paths: list[str]) -> list[Source]:
    """Every file the paths name, read; extract stops at the first that cannot be."""
    sources = []
    for item in discover(paths):
        try:
            if isinstance(item, InputError):
                raise item
            sources.append(read(item))
        except InputError as e:
            fail(str(e))
    return sources


def _extract_jsonl(paths: list[str], reference: Optional[dt.date]) -> None:
    """Many snippets in one process; every line is read and checked before any is written."""
    sources = _read_all(paths)
    jobs = []
    for source in sources:
        for number, line in enumerate(source.text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                if not isinstance(row, dict) or not isinstance(row.get("text"), str) or "id" not in row:
                    raise ValueError('expected an object with "id" and "text"')
                ref = row.get("reference_date")
                ref = dt.date.fromisoformat(str(ref)[:10]) if ref else reference
            except ValueError as e:
                fail(f"{source.path}:{number}: bad JSONL line ({e})")
            jobs.append((row["id"], row["text"], ref))
    out = [json.dumps({"id": id_, "claims": [c.to_dict() for c in extract_claims(text, reference_date=ref)]},
                      ensure_ascii=False) for id_, text, ref in jobs]
    if out:
        typer.echo("\n".join(out))


@app.command("rules")
def list_rules() -> None:
    """List the rules with their ids, severities and summaries."""
    for rule in engine.load_rules().values():
        typer.echo(f"{rule.id:<22} {rule.severity:<8} {rule.summary}")


@app.command()
def explain(rule_id: str = typer.Argument(..., metavar="RULE")) -> None:
    """Print one rule's documentation."""
    rules = engine.load_rules()
    if rule_id not in rules:
        fail(f"unknown rule {rule_id!r} (see 'numcheck rules')")
    rule = rules[rule_id]
    params = "\n".join(f"  {k} = {v!r}" for k, v in rule.params.items()) or "  (none)"
    typer.echo(
        f"{rule.id} ({rule.name}) — severity: {rule.severity}\n\n{rule.summary}\n\n"
        f"What it checks\n{rule.doc['what'].strip()}\n\nWhy\n{rule.doc['why'].strip()}\n\n"
        f"Parameters\n{params}\n\nFails\n  {rule.doc['fail'].strip()}\n\nPasses\n  {rule.doc['pass'].strip()}"
    )


@app.command()
def report(
    path: str = typer.Argument(..., metavar="PATH", help="The draft to show; - reads stdin."),
    out: str = typer.Option(..., "--output", "-o", metavar="FILE", help="Where to write the HTML report; - for stdout."),
    reference_date: Optional[str] = REFERENCE,
    open_: bool = typer.Option(False, "--open", help="Open the report in the web browser."),
) -> None:
    """Write one self-contained HTML page showing the draft with its figures and findings."""
    # Imported here, not at the top: every other command would pay for loading them.
    from .report import build as build_report
    from .report import write as write_report

    reference = _reference(reference_date)
    names = list(discover([path]))
    if len(names) > 1:
        fail(f"{path}: holds {len(names)} drafts; a report shows one")
    [source] = _read_all([path])
    target = None if out == "-" else Path(out)
    if target is not None:
        if source.path != "-" and target.exists() and target.samefile(source.path):
            fail(f"{out}: is the draft itself; numcheck never writes to the files it reads")
        if not target.parent.is_dir():
            fail(f"{out}: no such directory {str(target.parent)!r}")
    try:
        html = build_report(source.text, path=source.path, reference_date=reference)
    except ConfigError as e:  # the draft's configuration, as for lint
        fail(str(e))
    if target is None:
        typer.echo(html, nl=False)
        return
    try:
        write_report(target, html)
    except OSError as e:
        fail(f"{out}: cannot write ({e.strerror or e})")
    if open_:
        import webbrowser

        webbrowser.open(target.resolve().as_uri())


@app.command()
def version() -> None:
    """Print numcheck's version."""
    typer.echo(__version__)


def main() -> None:
    """The console script. A usage mistake (an unknown option, a bad value) is one
    line on stderr and exit status 2, like every other user mistake."""
    try:  # typer >= 0.20 carries its own copy of click
        from typer._click.exceptions import NoArgsIsHelpError, UsageError
    except ImportError:  # pragma: no cover - older typer runs on click itself
        from click.exceptions import NoArgsIsHelpError, UsageError

    try:
        code = app(standalone_mode=False)
    except NoArgsIsHelpError as e:
        typer.echo(e.ctx.get_help() if e.ctx else "", err=True)
        code = 2
    except UsageError as e:
        command = e.ctx.command_path if e.ctx else "numcheck"
        typer.echo(f"numcheck: {e.format_message()} (see '{command} --help')", err=True)
        code = 2
    except typer.Abort:
        code = 130
    except TimeoutError:
        # every pattern is written to be linear and bounded by a timeout (extract.patterns);
        # a text that still outlasts one is reported, not shown as a traceback
        typer.echo("numcheck: a pattern took too long on this input (regex timeout); "
                   "nothing was written; please report the text", err=True)
        code = 2
    sys.exit(code if isinstance(code, int) else 0)
