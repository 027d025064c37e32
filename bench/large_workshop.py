"""A workshop of the size the brief calls real: 2,000 participants, 300 organizations,
60 sessions, 500 road-map actions. Written through the document, like an import would."""

import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from workshop_app.models import vocabulary as v  # noqa: E402
from workshop_app.models.document import WorkshopDocument, new_id  # noqa: E402

FIRST = ["Sita", "Ram", "Gita", "Hari", "Anita", "Bikash", "सीता", "राम", "Nguyễn", "Amina", "Élodie", "Juan"]
LAST = ["Shrestha", "Gurung", "Tamang", "Rai", "Thapa", "श्रेष्ठ", "Trần", "Rakoto", "García", "Benali"]


def write_large_workshop(path: Path, participants=2000, organizations=300, sessions=60, actions=500) -> Path:
    rng = random.Random(87)
    path.unlink(missing_ok=True)

    def fill(document: WorkshopDocument) -> None:
        days = [row["id"] for row in document.rows("day", order_by="position")]
        with document.bulk() as db:
            orgs = [{"id": new_id(), "name": f"Organization {i}", "acronym": f"ORG{i}",
                     "category": rng.choice(list(v.ORGANIZATION_CATEGORIES))} for i in range(organizations)]
            db["organization"].insert_all(orgs)
            people = [{"id": new_id(), "name": f"{rng.choice(FIRST)} {rng.choice(LAST)} {i}",
                       "sex": rng.choice(["female", "male", "male", "not_stated"]),
                       "organization_id": rng.choice(orgs)["id"], "email": f"person{i}@example.org",
                       "role": "participant"} for i in range(participants)]
            db["participant"].insert_all(people)
            db["attendance"].insert_all({"id": new_id(), "participant_id": p["id"], "day_id": d, "present": 1}
                                        for p in people for d in days)
            db["session"].insert_all({"id": new_id(), "day_id": days[i % len(days)], "slot": i // len(days),
                                      "title": f"Session {i}", "type": "plenary", "duration": 45}
                                     for i in range(sessions))
            goal = new_id()
            db["roadmap_node"].insert({"id": goal, "level": "goal", "position": 0, "title": "Goal"})
            outcomes = [new_id() for _ in range(4)]
            db["roadmap_node"].insert_all({"id": o, "parent_id": goal, "level": "outcome", "position": i,
                                           "title": f"Outcome {i + 1}"} for i, o in enumerate(outcomes))
            outputs = [(new_id(), outcomes[i % 4]) for i in range(20)]
            db["roadmap_node"].insert_all({"id": o, "parent_id": parent, "level": "output", "position": i,
                                           "title": f"Output {i + 1}"} for i, (o, parent) in enumerate(outputs))
            db["roadmap_node"].insert_all({"id": new_id(), "parent_id": outputs[i % 20][0], "level": "action",
                                           "position": i, "title": f"Action {i + 1}", "cost": 1000.0 * i,
                                           "currency": "USD", "lead_organization_id": rng.choice(orgs)["id"]}
                                          for i in range(actions))

    WorkshopDocument.create(path, title="Large workshop", country="NP", start_date="2027-03-09", days=3,
                            fill=fill).close()
    return path


if __name__ == "__main__":
    print(write_large_workshop(Path(sys.argv[1] if len(sys.argv) > 1 else "large.workshop")))
