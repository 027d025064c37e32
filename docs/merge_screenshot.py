"""The README's picture of a merge: the demo workshop, Group B's handout of outcome 2 with three
changes, and the plenary's own retitling of action 2.1.1 meanwhile, which makes one conflict.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/merge_screenshot.py docs/merge.png
"""

import sys
import tempfile
from pathlib import Path


def main(target: Path) -> None:
    from workshop_app.models.demo import write_demo
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.models.handouts.part import guard_handout
    from workshop_app.models.handouts.writing import outcome_ids, write_handout
    from workshop_app.models.roadmap.editing import plan_add_node
    from workshop_app.models.roadmap.tree import node_codes
    from workshop_app.ui.app import create_application
    from workshop_app.ui.handouts.merge import MergeDialog
    from workshop_app.ui.session import DocumentSession

    def by_code(document):
        return {code: node_id for node_id, code in node_codes(document).items()}

    with tempfile.TemporaryDirectory() as folder:
        workshop, handout = Path(folder) / "Nepal.workshop", Path(folder) / "Group B.workshop"
        with write_demo(workshop) as document:
            write_handout(document, handout, outcome_ids(document, ["2"]), "Group B")
        with WorkshopDocument.open(handout) as document:
            guard_handout(document)  # as the window opens it: edits outside the group's part are refused
            codes = by_code(document)
            document.apply(document.plan_update("roadmap_node", codes["2.1.1"], None,
                                                title="Monitor recruitment agencies under the free-visa policy"))
            document.apply(document.plan_update("roadmap_node", codes["2.1.2"], None, status="agreed", cost=420000))
            document.apply(plan_add_node(document, codes["2.2"], "action",
                                         title="Community watch groups in brick kiln districts"))
        application = create_application()
        session = DocumentSession(WorkshopDocument.open(workshop))
        codes = by_code(session.document)
        retitled = "Monitor compliance of recruitment agencies (revised in plenary)"
        session.perform(session.document.plan_update("roadmap_node", codes["2.1.1"], None, title=retitled))
        dialog = MergeDialog(session, [handout])
        dialog.resize(1100, 620)
        dialog.show()
        application.processEvents()
        dialog.grab().save(str(target))
        dialog.close()
        session.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
