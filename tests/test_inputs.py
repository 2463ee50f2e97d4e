"""What lint reads: files, directories, globs and stdin; bad files fail alone."""
import hashlib
import json
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker import inputs
from checker.inputs import InputError, discover, read
from checker.lint import lint_source

from .conftest import ROOT

SEED = ROOT / "fixtures" / "drafts"
CONFLICT = ("Between 10,000 and 12,000 North Korean soldiers have been deployed. "
            "Zelensky confirmed approximately 3,000 North Korean fighters near the front.\n")


def run(*args, cwd, stdin=None, binary=False):
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          text=not binary, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def _tree(root, names):
    for name in names:
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(CONFLICT)


def _found(paths, **kw):
    return [str(x) if isinstance(x, InputError) else x for x in discover(paths, **kw)]


def test_directories_recurse_skipping_hidden_and_tool_folders(tmp_path):
    _tree(tmp_path, ["b.md", "a.txt", "sub/c.html", "sub/d.htm", "notes.rst", ".git/e.md", "node_modules/f.md",
                     "sub/.cache/g.txt", "venv/h.md"])
    assert _found([str(tmp_path)]) == [str(tmp_path / n) for n in ["a.txt", "b.md", "sub/c.html", "sub/d.htm"]]
    assert _found([str(tmp_path)], excluded=lambda p: p.endswith("sub")) == [str(tmp_path / n) for n in ["a.txt", "b.md"]]


def test_globs_and_named_files(tmp_path):
    _tree(tmp_path, ["a.txt", "b.md", "x/c.md", "x/y/d.md", "image.png"])
    assert _found([str(tmp_path / "**" / "*.md")]) == [str(tmp_path / n) for n in ["b.md", "x/c.md", "x/y/d.md"]]
    assert _found([str(tmp_path / "*.png")]) == [f"{tmp_path / '*.png'}: no draft matches this pattern"]
    # A file named outright is read whatever its suffix, and whatever is excluded.
    assert _found([str(tmp_path / "image.png")], excluded=lambda p: True) == [str(tmp_path / "image.png")]
    assert _found(["-", str(tmp_path / "missing.md")]) == ["-", f"{tmp_path / 'missing.md'}: no such file or directory"]


@pytest.mark.parametrize("data, message", [
    (b"caf\xe9 3,000 people", "not valid UTF-8 (byte 3)"),
    (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "looks like a binary file, not a draft"),
    (b"", "empty file, nothing to check"),
    (b" \n\t\n", "empty file, nothing to check"),
])
def test_unreadable_files(tmp_path, data, message):
    path = tmp_path / "draft.txt"
    path.write_bytes(data)
    with pytest.raises(InputError) as e:
        read(str(path))
    assert str(e.value) == f"{path}: {message}"


def test_enormous_file_is_refused_without_reading_it(tmp_path, monkeypatch):
    monkeypatch.setattr(inputs, "MAX_BYTES", 1000)
    path = tmp_path / "huge.txt"
    path.write_text("3,000 troops. " * 100)
    with pytest.raises(InputError, match=r"huge.txt: too large \(0.0 MiB or more; numcheck reads drafts up to 0 MiB\)"):
        read(str(path))


def test_a_byte_order_mark_is_not_text(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + CONFLICT.encode())
    assert read(str(path)).text == CONFLICT


def test_bad_files_fail_alone(tmp_path):
    (tmp_path / "a.txt").write_text(CONFLICT)
    (tmp_path / "b.txt").write_bytes(b"caf\xe9")
    (tmp_path / "c.md").write_bytes(b"")
    (tmp_path / "d.html").write_text("<p>" + CONFLICT + "</p>")
    r = run("lint", "--format", "json", "a.txt", "b.txt", "missing.txt", "c.md", "d.html", cwd=tmp_path)
    assert r.returncode == 2
    assert r.stderr.splitlines() == ["numcheck: b.txt: not valid UTF-8 (byte 3)",
                                     "numcheck: missing.txt: no such file or directory",
                                     "numcheck: c.md: empty file, nothing to check"]
    data = json.loads(r.stdout)
    assert [(f["path"], [x["rule"] for x in f["findings"]]) for f in data["files"]] == [
        ("a.txt", ["count-conflict"]), ("d.html", ["count-conflict"])]


def test_enormous_file_on_the_command_line(tmp_path):
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:
        f.write(b"3,000 troops. " * (inputs.MAX_BYTES // 14 + 10))
    (tmp_path / "a.txt").write_text(CONFLICT)
    r = run("lint", "big.txt", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert r.stderr.splitlines() == ["numcheck: big.txt: too large (5.0 MiB or more; numcheck reads drafts up to 5 MiB)"]
    assert r.stdout.startswith("a.txt:1:") and r.stdout.count("\n") == 1


def test_stdin_with_a_file_name(tmp_path):
    markdown = (SEED / "kursk.md").read_text(encoding="utf-8")
    r = run("lint", "-", "--stdin-filename", "desk/kursk.md", cwd=tmp_path, stdin=markdown)
    assert r.returncode == 1
    assert r.stdout.startswith("desk/kursk.md:15:175: warning count-conflict")
    plain = run("lint", "-f", "json", "-", cwd=tmp_path, stdin=markdown)  # as plain text, code counts
    [file] = json.loads(plain.stdout)["files"]
    assert file["path"] == "-"
    assert [f["text"] for f in file["findings"]] == [
        "approximately 3,000 North Korean fighters", "50,000 North Korean soldiers", "40,000 North Korean soldiers"]
    # The file name's folder chooses the configuration.
    (tmp_path / "desk").mkdir()
    (tmp_path / "desk" / "numcheck.toml").write_text('ignore = ["count-conflict"]\n')
    r = run("lint", "-", "--stdin-filename", "desk/kursk.md", cwd=tmp_path, stdin=markdown)
    assert (r.returncode, r.stdout) == (0, "")


def test_stdin_errors_are_named_by_the_file_name(tmp_path):
    r = run("lint", "-", "--stdin-filename", "story.md", cwd=tmp_path, stdin=b"\xff\xfe", binary=True)
    assert r.returncode == 2 and r.stderr.decode().strip() == "numcheck: story.md: not valid UTF-8 (byte 0)"


def test_exclude_option(tmp_path):
    _tree(tmp_path, ["a.txt", "old/b.txt", "c.tmp.md"])
    data = json.loads(run("lint", "-f", "json", "--exclude", "old", "--exclude", "*.tmp.md", ".", cwd=tmp_path).stdout)
    assert [f["path"] for f in data["files"]] == ["./a.txt"]


def test_nothing_read_is_ever_written(tmp_path):
    for name in ["kursk.txt", "kursk.md", "kursk.html"]:
        (tmp_path / name).write_bytes((SEED / name).read_bytes())
    (tmp_path / "numcheck.toml").write_text('[rules.count-conflict]\nseverity = "error"\n')
    (tmp_path / "bad.txt").write_bytes(b"\xff")

    def state():
        return {p.name: (hashlib.sha256(p.read_bytes()).hexdigest(), p.stat().st_mtime_ns) for p in tmp_path.iterdir()}

    before = state()
    for args in (["lint", "."], ["lint", "-f", "json", "kursk.md", "kursk.html"], ["extract", "kursk.md"]):
        run(*args, cwd=tmp_path)
    assert state() == before


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".txt", ".md", ".html"]))
def test_random_bytes_are_read_or_refused_in_one_line(tmp_path, data, suffix):
    path = tmp_path / f"draft{suffix}"
    path.write_bytes(data)
    try:
        source = read(str(path))
    except InputError as e:
        assert "\n" not in str(e) and str(e).startswith(f"{path}: ")
        return
    for finding in lint_source(source.text, path=source.path, reference_date="2024-10-30"):
        assert 0 <= finding.start <= finding.end <= len(source.text)
