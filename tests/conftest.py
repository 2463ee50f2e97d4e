from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def seed_text() -> str:
    return (ROOT / "fixtures" / "drafts" / "kursk.txt").read_text(encoding="utf-8")
