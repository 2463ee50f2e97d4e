"""pyproject lists packages by hand (rules/ ships as checker.rules); a package left
out of that list would import in a checkout and fail after `pip install .`."""
import tomllib

from .conftest import ROOT


def test_every_subpackage_is_listed_in_pyproject():
    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "checker").rglob("__init__.py")}
    assert found | {"checker.rules"} == listed
