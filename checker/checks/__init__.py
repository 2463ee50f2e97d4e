"""The checks behind the rules in rules/*.toml, one module per family."""
from . import ages, conversions, counts, dates, directions, names, percents  # noqa: F401
