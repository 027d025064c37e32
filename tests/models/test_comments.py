"""Plenary comments on road-map items: recorded, marked addressed, undone."""

import pytest

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import InvalidValueError
from workshop_app.models.roadmap.comments import comments, plan_add_comment, plan_set_comment_status


def test_record_address_and_undo(demo_path):
    with WorkshopDocument.open(demo_path) as document:
        action = document.rows("roadmap_node", "level = 'action'", order_by="position")[0]
        person = document.rows("participant", "name = 'Bikash Thapa'")[0]
        change = plan_add_comment(document, action["id"], "Add the brick kiln sector <b>explicitly</b> & soon",
                                  participant_id=person["id"])
        document.apply(change)
        found = comments(document, action["id"])
        assert [(c["text"], c["status"], c["raised_by"]) for c in found] == [
            ("Add the brick kiln sector <b>explicitly</b> & soon", "open", "Bikash Thapa, MoLESS")]
        document.apply(plan_set_comment_status(document, found[0]["id"], "addressed"))
        assert comments(document, open_only=True) == []
        with pytest.raises(InvalidValueError, match="needs some text"):
            plan_add_comment(document, action["id"], "   ")


def test_open_comments_reach_the_road_map_pdf(demo_path, tmp_path):
    from pypdf import PdfReader

    from workshop_app.export.registry import export

    with WorkshopDocument.open(demo_path) as document:
        action = document.rows("roadmap_node", "level = 'action'", order_by="position")[0]
        document.apply(plan_add_comment(document, action["id"], "Budget line for interpreters is missing"))
        out = export(document, tmp_path / "road map.pdf", "roadmap")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Budget line for interpreters is missing" in text
