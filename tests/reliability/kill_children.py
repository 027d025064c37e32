"""What the kill -9 tests run in a child process and kill at a random moment.

    python kill_children.py edits FILE SEED STEPS   a burst of edits through the window's session
    python kill_children.py copy FILE TARGET        Save a Copy, as the window does it

`edits` prints one line after each edit is committed to the file, so the parent knows which
edits it may not lose. The parent replays the same seeded burst in a `Burst` model to know what
the file must hold after any number of committed steps.
"""

import random
import sys
from dataclasses import dataclass, field
from pathlib import Path

NAME = "Burst person"
TITLE = "Burst title"


@dataclass
class Burst:
    """The edits of one burst and what the file holds after each: the people the burst added
    and the road-map titles it changed. Both the child (to pick its targets) and the parent (to
    know what to expect) step through the same model."""

    node_ids: list[str]
    titles: dict[str, str]  # road-map node id -> title, for the nodes the burst may retitle
    people: set[str] = field(default_factory=set)
    undo: list[tuple] = field(default_factory=list)  # what each undo step puts back

    @classmethod
    def of(cls, document) -> "Burst":
        nodes = document.query("SELECT id, title FROM roadmap_node WHERE level != 'goal' ORDER BY rowid")
        return cls([node for node, _ in nodes], dict(nodes))

    def steps(self, seed: int, count: int):
        """Yield (kind, argument) for each step; when it is yielded, the model already holds what
        the file holds once the step is committed."""
        rng = random.Random(seed)
        for number in range(count):
            kind = rng.choices(["add", "add group", "title", "delete", "undo"], weights=[4, 1, 4, 2, 2])[0]
            if kind == "delete" and not self.people or kind == "undo" and not self.undo:
                kind = "add"
            if kind == "add":
                names = [f"{NAME} {number}"]
                self._add(names)
                yield kind, names
            elif kind == "add group":  # one edit of many rows: all of them or none
                names = [f"{NAME} {number}.{index}" for index in range(rng.randint(5, 40))]
                self._add(names)
                yield kind, names
            elif kind == "title":
                node = self.node_ids[rng.randrange(len(self.node_ids))]
                title = f"{TITLE} {number}"
                self.undo.append(("title", node, self.titles[node]))
                self.titles[node] = title
                yield kind, (node, title)
            elif kind == "delete":
                name = sorted(self.people)[rng.randrange(len(self.people))]
                self.people.discard(name)
                self.undo.append(("add", [name]))
                yield kind, name
            else:
                self._undo()
                yield kind, None

    def state(self) -> tuple[frozenset, dict]:
        return frozenset(self.people), dict(self.titles)

    def _add(self, names: list[str]) -> None:
        self.people.update(names)
        self.undo.append(("remove", names))

    def _undo(self) -> None:
        step = self.undo.pop()
        if step[0] == "title":
            self.titles[step[1]] = step[2]
        elif step[0] == "remove":
            self.people.difference_update(step[1])
        else:
            self.people.update(step[1])


def file_state(document) -> tuple[frozenset, dict]:
    """What a burst changes, as the file holds it: compare with Burst.state()."""
    people = {name for (name,) in document.query("SELECT name FROM participant WHERE name LIKE ?", [f"{NAME} %"])}
    titles = dict(document.query("SELECT id, title FROM roadmap_node WHERE level != 'goal'"))
    return frozenset(people), titles


def run_edits(path: Path, seed: int, count: int) -> None:
    from PySide6.QtWidgets import QApplication

    from workshop_app.models.document import WorkshopDocument
    from workshop_app.ui.session import DocumentSession

    app = QApplication.instance() or QApplication([])  # noqa: F841 - the session's undo stack needs one
    document = WorkshopDocument.open(path)
    session = DocumentSession(document)
    refused = []
    session.failed.connect(lambda text, source: refused.append(text))
    burst = Burst.of(document)
    for number, (kind, argument) in enumerate(burst.steps(seed, count)):
        if kind in ("add", "add group"):
            change = document.plan_insert("participant", name=argument[0])
            for name in argument[1:]:
                change = change.then(document.plan_insert("participant", name=name))
            done = session.perform(change)
        elif kind == "title":
            done = session.perform(document.plan_update("roadmap_node", argument[0], None, title=argument[1]))
        elif kind == "delete":
            person = document.query("SELECT id FROM participant WHERE name = ?", [argument])[0][0]
            done = session.perform(document.plan_delete("participant", person))
        else:
            session.undo_stack.undo()
            done = not refused
        if not done or refused:
            print(f"refused {number} {kind}: {refused}", file=sys.stderr, flush=True)
            sys.exit(3)
        print(f"committed {number}", flush=True)
    session.close()


def run_copy(path: Path, target: Path) -> None:
    from workshop_app.models.document import WorkshopDocument

    with WorkshopDocument.open(path) as document:  # opened for editing, as the window opens it
        document.save_copy(target)
    print("copied", flush=True)


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    if command == "edits":
        run_edits(Path(arguments[0]), int(arguments[1]), int(arguments[2]))
    else:
        run_copy(Path(arguments[0]), Path(arguments[1]))
