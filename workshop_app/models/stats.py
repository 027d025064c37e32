"""Counts and figures for the Overview page and `workshop-app stats --json`."""

from workshop_app.models.document import WorkshopDocument
from workshop_app.models.vocabulary import SEXES


def women_share(by_sex: dict[str, int]) -> float | None:
    """Women's share among participants whose sex is stated; None when nobody's is."""
    stated = by_sex["female"] + by_sex["male"] + by_sex["other"]
    return None if stated == 0 else by_sex["female"] / stated


def workshop_stats(document: WorkshopDocument) -> dict:
    by_sex = dict.fromkeys(SEXES, 0)
    for sex, count in document.query("SELECT sex, count(*) FROM participant GROUP BY sex"):
        by_sex[sex] = count
    by_level = dict(document.query("SELECT level, count(*) FROM roadmap_node GROUP BY level"))
    return {
        "participants": sum(by_sex.values()),
        "organizations": document.count("organization"),
        "participants_by_sex": by_sex,
        "women_share": women_share(by_sex),
        "days": document.count("day"),
        "sessions": document.count("session"),
        "outcomes": by_level.get("outcome", 0),
        "outputs": by_level.get("output", 0),
        "actions": by_level.get("action", 0),
        "indicators": document.count("indicator"),
        "versions": document.count("version"),
    }


def getting_started(document: WorkshopDocument) -> dict[str, bool]:
    """Which steps of preparing a workshop are done: people invited, an agenda, breakout groups
    with members, a road map with at least one outcome, a frozen version."""
    return {
        "participants": document.count("participant") > 0,
        "agenda": document.count("session") > 0,
        "groups": document.count("session_person", "role = 'member'") > 0,
        "roadmap": document.count("roadmap_node", "level = 'outcome'") > 0,
        "version": document.count("version") > 0,
    }
