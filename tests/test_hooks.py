"""The pre-commit hook (.pre-commit-hooks.yaml), run for real through `pre-commit try-repo`
on a throw-away git repository, and the GitHub Action (action.yml)."""
import importlib.util
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig

import pytest
import yaml

from .conftest import ROOT

SEED = ROOT / "fixtures" / "drafts" / "kursk.txt"


def _hook():
    [hook] = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
    return hook


def test_hook_definition():
    hook = _hook()
    assert (hook["id"], hook["entry"], hook["language"]) == ("numcheck", "numcheck lint", "python")
    assert hook["types"] == ["text"]
    files = re.compile(hook["files"])
    assert all(files.search(name) for name in ("a.txt", "b/c.md", "d.html", "e.htm", "f.markdown"))
    assert not any(files.search(name) for name in ("a.py", "b.txt.bak", "c.json"))


needs_pre_commit = pytest.mark.skipif(
    importlib.util.find_spec("pre_commit") is None or shutil.which("git") is None
    or not (ROOT / ".git").exists(),
    reason="needs pre-commit (pip install '.[test]'), git, and a git checkout of numcheck")


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory):
    return tmp_path_factory.mktemp("pre-commit-home")


# Left out of the dependencies lent to the hook's virtualenv: build tools (the virtualenv
# has its own, new enough to build numcheck), .pth files, and numcheck itself.
NOT_LENT = re.compile(r"^(setuptools|pkg_resources|_distutils_hack|distutils-precedence|pip|wheel|"
                      r"numcheck|checker|__editable__)|\.pth$")


@pytest.fixture(scope="module")
def lent_site(tmp_path_factory):
    """A folder of links to this interpreter's installed dependencies (pint, regex, typer, ...)."""
    site = tmp_path_factory.mktemp("site")
    for folder in dict.fromkeys([sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]]):
        for entry in os.listdir(folder):
            if not NOT_LENT.search(entry) and not (site / entry).exists():
                (site / entry).symlink_to(os.path.join(folder, entry))
    return site


def _try_repo(repo, home, site):
    """`pre-commit try-repo` of this checkout (uncommitted changes included) on ``repo``.

    Offline: pre-commit builds the hook's virtualenv and pip-installs numcheck into it as
    for any user; with no index, pip finds numcheck's dependencies already installed on
    PYTHONPATH (``site``) and builds numcheck with the virtualenv's own setuptools.
    PIP_NO_BUILD_ISOLATION=0 *disables* build isolation (pip reads the negated name)."""
    env = {**os.environ, "PRE_COMMIT_HOME": str(home), "PIP_NO_INDEX": "1", "PIP_NO_BUILD_ISOLATION": "0",
           "PYTHONPATH": str(site), "PRE_COMMIT_COLOR": "never"}
    env.pop("PIP_REQUIRE_VIRTUALENV", None)
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), "numcheck", "--all-files"],
                          cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def _git_repo(path, files: dict):
    path.mkdir()
    subprocess.run(["git", "init", "-q"], cwd=path, check=True)
    for name, content in files.items():
        (path / name).write_text(content, encoding="utf-8")
    subprocess.run(["git", "add", "."], cwd=path, check=True)
    return path


@needs_pre_commit
def test_hook_fails_a_commit_with_a_conflict_and_skips_other_files(tmp_path, pre_commit_home, lent_site):
    repo = _git_repo(tmp_path / "news", {
        "draft.txt": SEED.read_text(encoding="utf-8"),
        "notes.md": "Some 3,000 people attended on Tuesday, 7 October 2014.\n",
        # Not a draft: the hook's `files` pattern keeps numcheck off it.
        "script.py": "# It happened on Feb 30, 2014.\n",
    })
    r = _try_repo(repo, pre_commit_home, lent_site)
    out = r.stdout + r.stderr
    assert r.returncode == 1, out
    assert re.search(r"numcheck\.+Failed", out), out
    assert ('draft.txt:5:129: warning count-conflict "approximately 3,000 North Korean fighters" (line 5) '
            'conflicts with "between 10,000 and 12,000 North Korean soldiers" (line 3)') in out
    assert "script.py" not in out.split("Failed", 1)[1]
    assert (repo / "draft.txt").read_text(encoding="utf-8") == SEED.read_text(encoding="utf-8")


@needs_pre_commit
def test_hook_passes_clean_drafts(tmp_path, pre_commit_home, lent_site):
    repo = _git_repo(tmp_path / "news", {"notes.md": "Some 3,000 people attended on Tuesday, 7 October 2014.\n"})
    r = _try_repo(repo, pre_commit_home, lent_site)
    assert r.returncode == 0, r.stdout + r.stderr
    assert re.search(r"numcheck\.+Passed", r.stdout), r.stdout


# --- the GitHub Action -------------------------------------------------------------------

def _action():
    return yaml.safe_load((ROOT / "action.yml").read_text())


def _step(action, name):
    return next(step for step in action["runs"]["steps"] if step.get("name") == name)


def test_action_is_a_composite_that_lints_to_sarif_and_uploads_it():
    action = _action()
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    uses = [step.get("uses", "").split("@")[0] for step in steps]
    assert uses == ["actions/setup-python", "", "", "github/codeql-action/upload-sarif", ""]
    assert all("shell" in step for step in steps if "run" in step)
    lint = _step(action, "Run numcheck")
    assert lint["id"] == "lint"
    assert "numcheck lint --format sarif" in lint["run"]
    upload = _step(action, "Upload SARIF to code scanning")
    assert upload["with"]["sarif_file"] == "${{ steps.lint.outputs.sarif-file }}"
    assert "exit 1" in _step(action, "Fail on findings")["run"]
    assert action["outputs"]["exit-code"]["value"] == "${{ steps.lint.outputs.exit-code }}"


def test_action_inputs_are_declared_used_and_kept_out_of_scripts():
    action = _action()
    text = (ROOT / "action.yml").read_text()
    used = set(re.findall(r"\$\{\{\s*inputs\.([\w-]+)", text))
    assert used == set(action["inputs"]) == {"paths", "args", "fail-on", "version", "python-version",
                                             "sarif-file", "upload"}
    # Script injection: no ${{ }} expression inside a `run:` script.
    assert not any("${{" in step.get("run", "") for step in action["runs"]["steps"])


def test_action_lint_step_runs(tmp_path):
    """The lint step's script, run with bash as the runner would: it writes SARIF and its
    outputs, and leaves failing to the last step (after the upload)."""
    lint = _step(_action(), "Run numcheck")
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    shim = bin_dir / "numcheck"
    shim.write_text(f'#!/bin/sh\nPYTHONPATH="{ROOT}" exec "{sys.executable}" -m checker "$@"\n')
    shim.chmod(0o755)
    outputs = tmp_path / "github_output"
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}", "GITHUB_OUTPUT": str(outputs),
           "NUMCHECK_PATHS": "fixtures/drafts/kursk.txt fixtures/formats/drafts/clean.txt",
           "NUMCHECK_ARGS": "--reference-date 2024-10-30", "NUMCHECK_FAIL_ON": "warning",
           "NUMCHECK_SARIF": str(tmp_path / "numcheck.sarif")}
    r = subprocess.run(["bash", "-e", "-c", lint["run"]], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert outputs.read_text().splitlines() == ["exit-code=1", f"sarif-file={tmp_path / 'numcheck.sarif'}"]
    log = json.loads((tmp_path / "numcheck.sarif").read_text())
    assert [res["ruleId"] for res in log["runs"][0]["results"]] == ["count-conflict"]

    env["NUMCHECK_PATHS"] = "missing.txt"
    r = subprocess.run(["bash", "-e", "-c", lint["run"]], cwd=ROOT, env=env, capture_output=True, text=True)
    assert r.returncode == 2 and "missing.txt: no such file or directory" in r.stderr
