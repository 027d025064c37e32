"""Participants and organizations as the Stakeholders page lists them (joined, counted)."""

from collections.abc import Iterable

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.rows import id_filter


def participant_rows(document: WorkshopDocument, ids: Iterable[str] | None = None) -> list[dict]:
    """Participants with their organization's display name (acronym if it has one)."""
    chosen, params = id_filter("p.id", ids)
    cursor_rows = document.query(
        "SELECT p.id, p.name, p.sex, p.organization_id, coalesce(nullif(o.acronym, ''), o.name, ''),"
        " p.title, p.role, p.email, p.phone, p.language"
        " FROM participant p LEFT JOIN organization o ON o.id = p.organization_id"
        f"{' WHERE ' + chosen if chosen else ''} ORDER BY p.name COLLATE NOCASE",
        params,
    )
    keys = ("id", "name", "sex", "organization_id", "organization", "title", "role", "email", "phone", "language")
    return [dict(zip(keys, row)) for row in cursor_rows]


def organization_rows(document: WorkshopDocument, ids: Iterable[str] | None = None) -> list[dict]:
    """Organizations with how many participants each has."""
    chosen, params = id_filter("o.id", ids)
    cursor_rows = document.query(
        "SELECT o.id, o.name, o.acronym, o.category, o.tripartite, o.alliance_partner,"
        " (SELECT count(*) FROM participant p WHERE p.organization_id = o.id)"
        f" FROM organization o{' WHERE ' + chosen if chosen else ''} ORDER BY o.name COLLATE NOCASE",
        params,
    )
    keys = ("id", "name", "acronym", "category", "tripartite", "alliance_partner", "participants")
    return [dict(zip(keys, row)) for row in cursor_rows]


def organization_choices(document: WorkshopDocument) -> list[tuple[str, str]]:
    """(id, label) for choosing an organization: 'Full name (ACRONYM)', sorted by name."""
    return [
        (row_id, f"{name} ({acronym})" if acronym else name)
        for row_id, name, acronym in document.query(
            "SELECT id, name, acronym FROM organization ORDER BY name COLLATE NOCASE")
    ]


def participant_names(document: WorkshopDocument) -> list[tuple[str, str]]:
    """(id, name) of every participant, sorted by name: for choosing a person."""
    return [(row_id, name) for row_id, name in document.query(
        "SELECT id, name FROM participant ORDER BY name COLLATE NOCASE")]
