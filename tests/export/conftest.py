import shutil
from pathlib import Path

import pytest

from workshop_app.models.document import WorkshopDocument

ARABIC_NAME = "مريم الإدريسي"
DEVANAGARI_NAME = "सीता श्रेष्ठ"  # in the demo
VIETNAMESE_NAME = "Nguyễn Thị Lan"  # in the demo
FORMULA_NAME = "=cmd|' /C calc'!A0"
MARKUP_NAME = "<b>Budget & <i>risks"

# Participants whose text tries every way a value can go wrong in an export.
AWKWARD_PEOPLE = [
    {"name": ARABIC_NAME, "sex": "female", "title": "مستشارة قانونية", "email": "maryam@example.org"},
    {"name": FORMULA_NAME, "sex": "male", "title": "+1 (security test)", "email": "@attacker"},
    {"name": MARKUP_NAME, "sex": "not_stated", "title": "x <b & AT&T R&D", "phone": "-5"},
    {"name": "Line\x0bfeed\x00 person", "sex": "other", "title": "Two\nlines"},
]


@pytest.fixture(scope="session")
def awkward_demo_path(_demo_master, tmp_path_factory) -> Path:
    """The demo workshop (122 participants, 3 days with attendance) plus the awkward people,
    in the demo's first organization by name. Written once; tests must not change it."""
    path = tmp_path_factory.mktemp("awkward") / "Nepal demo.workshop"
    shutil.copyfile(_demo_master, path)
    with WorkshopDocument.open(path) as document:
        organization_id = document.rows("organization", order_by="name")[0]["id"]
        for person in AWKWARD_PEOPLE:
            document.insert("participant", organization_id=organization_id, **person)
    return path


@pytest.fixture(scope="module")
def demo_document(awkward_demo_path):
    """Read-only: exports only read, and one copy serves a whole test module."""
    with WorkshopDocument.open(awkward_demo_path, readonly=True) as document:
        yield document
