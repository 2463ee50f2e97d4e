"""numcheck: finds the figures in a news draft and flags the ones that cannot all be true.

    >>> from checker import extract, lint
    >>> [f.rule for f in lint("It happened on Feb 30, 2014.")]
    ['invalid-date']
"""
from .extract import extract
from .lint import lint
from .model import Claim, Finding

__version__ = "0.1.0"
__all__ = ["extract", "lint", "Claim", "Finding", "__version__"]
