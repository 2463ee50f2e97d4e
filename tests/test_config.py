"""numcheck.toml and [tool.numcheck]: found by walking up, applied per file, strict."""
import datetime as dt
import json
import subprocess
import sys

import pytest

from checker import config
from checker.config import ConfigError
from checker.lint import lint_source

from .conftest import ROOT

CONFLICT = ("Between 10,000 and 12,000 North Korean soldiers have been deployed. "
            "Zelensky confirmed approximately 3,000 North Korean fighters near the front.\n")
RECRUITS = ("Between 10,000 and 12,000 North Korean conscripts have been deployed. "
            "Zelensky confirmed approximately 3,000 North Korean recruits near the front.\n")


@pytest.fixture(autouse=True)
def fresh_cache():
    config._find_from.cache_clear()
    yield
    config._find_from.cache_clear()


def run(*args, cwd, stdin=None):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def _lint(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    conf = config.find(path)
    return lint_source(text, path=str(path), config=conf)


def test_nearest_configuration_wins(tmp_path):
    (tmp_path / "numcheck.toml").write_text('ignore = ["count-conflict"]\n')
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "pyproject.toml").write_text('[tool.numcheck]\nselect = ["count-conflict"]\n')
    (tmp_path / "desk" / "sub").mkdir()
    assert config.find(tmp_path / "a.txt").path == tmp_path / "numcheck.toml"
    assert config.find(tmp_path / "desk" / "sub" / "b.md").path == tmp_path / "desk" / "pyproject.toml"
    assert _lint(tmp_path, "a.txt", CONFLICT) == []
    assert [f.rule for f in _lint(tmp_path, "desk/sub/b.txt", CONFLICT)] == ["count-conflict"]


def test_numcheck_toml_beats_pyproject_and_pyproject_needs_the_table(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n')
    assert config.find(tmp_path / "a.txt").path is None  # no [tool.numcheck]: keep walking, to defaults
    config._find_from.cache_clear()  # found once per folder and run; this test edits the files
    (tmp_path / "pyproject.toml").write_text('[tool.numcheck]\nignore = ["count-conflict"]\n')
    (tmp_path / "numcheck.toml").write_text('select = ["invalid-date"]\n')
    assert config.find(tmp_path / "a.txt").path == tmp_path / "numcheck.toml"


def test_severity_and_parameters_per_rule(tmp_path):
    (tmp_path / "numcheck.toml").write_text('[rules.count-conflict]\nseverity = "error"\n')
    [finding] = _lint(tmp_path, "a.txt", CONFLICT)
    assert (finding.rule, finding.severity) == ("count-conflict", "error")
    # 3,600 is 64% short of 10,000: a tolerance of 70% of the larger figure lets them agree.
    (tmp_path / "numcheck.toml").write_text("[rules.count-conflict]\nrelative_tolerance = 0.7\n")
    config._find_from.cache_clear()
    assert _lint(tmp_path, "a.txt", CONFLICT) == []


def test_extra_subject_synonyms(tmp_path):
    assert _lint(tmp_path / "plain", "a.txt", RECRUITS) == []
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "numcheck.toml").write_text('[lexicon.subjects]\nrecruits = ["conscripts", "Recruits"]\n')
    assert [f.text for f in _lint(tmp_path / "new", "a.txt", RECRUITS)] == ["approximately 3,000 North Korean recruits"]
    # An existing group grows too.
    (tmp_path / "grown").mkdir()
    (tmp_path / "grown" / "numcheck.toml").write_text('[lexicon.subjects]\ntroops = ["conscripts", "recruits"]\n')
    assert [f.text for f in _lint(tmp_path / "grown", "a.txt", RECRUITS)] == ["approximately 3,000 North Korean recruits"]
    # The extra words stay with the files they govern.
    assert _lint(tmp_path / "plain", "c.txt", RECRUITS) == []


def test_reference_date_order(tmp_path):
    (tmp_path / "numcheck.toml").write_text("reference-date = 2024-11-06\n")
    conf = config.find(tmp_path / "a.md")
    assert conf.reference_date == dt.date(2024, 11, 6)
    from checker.lint import extract_source

    def monday(text, **kw):
        [claim] = [c for c in extract_source(text, path="a.md", **kw) if c.text == "Monday"]
        return claim.date

    assert monday("Talks began on Monday.") is None
    text = "Talks began on Monday."
    assert [f for f in lint_source(text, path="a.md", config=conf)] == []
    # config < front matter < --reference-date
    front = "---\ndate: 2024-10-30\n---\nTalks began on Monday.\n"
    assert monday(front) == "2024-10-28"
    assert monday(front, reference_date="2024-11-13") == "2024-11-11"


def test_exclude_globs(tmp_path):
    (tmp_path / "numcheck.toml").write_text('exclude = ["archive", "drafts/*.tmp.md"]\n')
    for name in ["a.txt", "archive/old.txt", "drafts/b.md", "drafts/c.tmp.md", "sub/archive/d.txt"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(CONFLICT)
    data = json.loads(run("lint", "--format", "json", ".", cwd=tmp_path).stdout)
    assert [f["path"] for f in data["files"]] == ["./a.txt", "./drafts/b.md"]
    # A file named on the command line is checked whatever the configuration excludes.
    data = json.loads(run("lint", "--format", "json", "archive/old.txt", cwd=tmp_path).stdout)
    assert [f["path"] for f in data["files"]] == ["archive/old.txt"]


def test_select_and_ignore_from_file_and_command_line(tmp_path):
    (tmp_path / "numcheck.toml").write_text('select = ["invalid-date"]\n')
    (tmp_path / "a.txt").write_text(CONFLICT + "It happened on Feb 30, 2014.\n")
    rules = lambda *args: [f["rule"] for f in json.loads(run("lint", "-f", "json", *args, "a.txt", cwd=tmp_path)
                                                              .stdout)["files"][0]["findings"]]
    assert rules() == ["invalid-date"]
    assert rules("--select", "count-conflict") == ["count-conflict"]  # --select replaces the file's
    (tmp_path / "numcheck.toml").write_text('ignore = ["invalid-date"]\n')
    assert rules() == ["count-conflict"]
    assert rules("--ignore", "count-conflict") == []  # --ignore adds to the file's


@pytest.mark.parametrize("text, message", [
    ('selct = ["count-conflict"]\n', "numcheck.toml: selct: unknown key"),
    ('select = ["count-conflit"]\n', "numcheck.toml: select: unknown rule 'count-conflit'"),
    ('select = "count-conflict"\n', "numcheck.toml: select: expected a list of strings"),
    ('reference-date = "30/10/2024"\n', "numcheck.toml: reference-date: expected a date YYYY-MM-DD"),
    ('[rules.count-conflict]\nseverity = "fatal"\n', "numcheck.toml: rules.count-conflict.severity: expected one of"),
    ('[rules.count-conflict]\nrelative_tolerance = "high"\n',
     "numcheck.toml: rules.count-conflict.relative_tolerance: expected float, got 'high'"),
    ('[rules.count-conflict]\ntolerance = 1\n', "numcheck.toml: rules.count-conflict.tolerance: unknown key"),
    ('[rules.no-such-rule]\nseverity = "error"\n', "numcheck.toml: rules.no-such-rule: unknown rule"),
    ('[lexicon.hedges]\nabout = 0.1\n', "numcheck.toml: lexicon.hedges: unknown lexicon"),
    ('[lexicon.subjects]\nmedics = "doctors"\n', "numcheck.toml: lexicon.subjects.medics: expected a non-empty list"),
    ("select = [\n", "numcheck.toml: not valid TOML"),
])
def test_bad_configuration_names_file_and_key(tmp_path, text, message):
    (tmp_path / "numcheck.toml").write_text(text)
    (tmp_path / "a.txt").write_text(CONFLICT)
    with pytest.raises(ConfigError) as e:
        config.find(tmp_path / "a.txt")
    assert str(e.value).startswith(str(tmp_path / message.split(":")[0])) and message in str(e.value)
    r = run("lint", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == "" and "Traceback" not in r.stderr
    [line] = r.stderr.strip().splitlines()
    assert line.startswith(f"numcheck: {tmp_path / 'numcheck.toml'}{message[len('numcheck.toml'):]}")


def test_pyproject_keys_are_named_in_full(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.numcheck]\nexclude = "drafts"\n')
    with pytest.raises(ConfigError, match=r"pyproject.toml: tool.numcheck.exclude: expected a list of strings"):
        config.find(tmp_path / "a.txt")
