"""Sharing the draft with the room's phones, seen from the document's thread.

Sharing starts the site on an address, with a new token. From then on, the document's thread
calls poll() about once a second: the comments phones sent are stored as pending rows (one
Change for all that came in, through document.apply), and when the document changed in what the
pages show, a new snapshot is built and published. The document's own connection belongs to its
thread and holds the file in exclusive locking mode, so no other connection can read the file:
the document's thread takes a copy in memory (SQLite's backup, a few milliseconds for a large
workshop) and a thread of its own builds the snapshot from that copy (a tenth of a second or
more) while the window goes on. The server's threads never touch the document. The window's
timer and the `serve` command's loop both drive this class.
"""

import datetime as dt
import sys
import threading
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field

from workshop_app.i18n.catalogs import _
from workshop_app.models.changes import Change
from workshop_app.models.document import WorkshopDocument
from workshop_app.models.errors import WorkshopError, WorkshopFileError
from workshop_app.models.roadmap.phone_comments import plan_receive_phone_comment
from workshop_app.models.roadmap.tree import item_words
from workshop_app.share.addresses import room_addresses, site_url
from workshop_app.share.server import SharingServer
from workshop_app.share.site import PhoneComment, Site
from workshop_app.share.snapshot import Baseline, build_snapshot, day_baseline

DEFAULT_PORT = 8787
POLL_SECONDS = 1.0
# Tables whose changes the pages do not show: storing a phone's comment, accepting it, or
# marking attendance at the door rebuilds nothing.
_UNSHOWN_TABLES = frozenset({"phone_comment", "plenary_comment", "attendance", "stakeholder_assessment"})
# The draft as this program first shared it on the day, by file and workshop: the changes page
# compares with it, whatever sharing session (stopped, started again, the file closed and
# opened again) shows that page later the same day.
_DAY_STARTS: dict[tuple[str, str], Baseline] = {}
_DAY_STARTS_LOCK = threading.Lock()
# While a snapshot is built, the interpreter hands over between threads this often (seconds)
# instead of every 5 ms: the window's thread, back from a call that let the interpreter go (a
# write to the file, a repaint), waits that long at most to go on.
BUILDING_SWITCH_SECONDS = 0.0005
_SWITCHING = {"builds": 0, "usual": sys.getswitchinterval()}
_SWITCHING_LOCK = threading.Lock()


@dataclass
class PollResult:
    stored: list[PhoneComment] = field(default_factory=list)  # kept as pending comments
    dropped: list[tuple[PhoneComment, str]] = field(default_factory=list)  # with the reason (its item is gone)
    published: bool = False  # the phones' pages changed


class Sharing:
    """The review site of one open document, for as long as it is shared."""

    def __init__(self, document: WorkshopDocument, *, bind: str = "127.0.0.1", port: int = DEFAULT_PORT,
                 clock: Callable[[], dt.datetime] = dt.datetime.now):
        self.document = document
        self.site = Site(clock=clock)
        self._clock = clock
        self._bind, self._port = bind, port
        self._server: SharingServer | None = None
        self._dirty = True
        self._changed_tables: set[str] | None = None  # since the last snapshot was read; None: read it all
        self._day: dt.date | None = None
        self._building: threading.Thread | None = None
        self._built: list = []  # what the building thread left: True when it published, or its error

    # ------------------------------------------------------------------ start and stop

    def start(self) -> list[str]:
        """Publish the first snapshot and start answering; the addresses phones can open (with
        the token), or WorkshopError when the address cannot be used (a port taken)."""
        if self.document.readonly:
            raise WorkshopFileError(self.document.path, _("is open read-only; comments from phones could not be "
                                                          "kept"))
        self.poll(wait=True)
        try:
            self._server = SharingServer(self.site, self._bind, self._port)
        except OSError as error:
            raise WorkshopError(_("cannot share on {address} port {port} ({reason}); choose another port").format(
                address=self._bind or "0.0.0.0", port=self._port, reason=error.strerror or error)) from None
        self._server.start()
        self.document.subscribe(self._changed)
        return self.urls()

    def stop(self) -> list[PhoneComment]:
        """Stop answering the phones; the comments that came in meanwhile are stored first."""
        if self._server is None:
            return []
        self.site.close()  # before the socket: a phone still connected is answered "not found" from now on
        self._server.stop()
        self._server = None
        self.document.unsubscribe(self._changed)
        if self._building is not None:
            self._building.join()
            self._building = None
        return self._store(self.site.take_comments()).stored

    @property
    def running(self) -> bool:
        return self._server is not None

    @property
    def port(self) -> int:
        return self._server.port if self._server else self._port

    @property
    def bind(self) -> str:
        """The address the site was asked to answer on ("0.0.0.0": every network)."""
        return self._bind

    def urls(self) -> list[str]:
        """The site's address on each network the computer is on (one when bound to one address)."""
        if self._server is None:
            return []
        return [site_url(address, self._server.port, self.site.token) for address in room_addresses(self._bind)]

    # ------------------------------------------------------------------ the document's thread

    def poll(self, wait: bool = False) -> PollResult:
        """Store the comments phones sent, and start building a new snapshot when the document
        changed (or a new day began: the changes page then starts from the new morning). The
        snapshot is published when it is built; `wait`: before this returns. `published` says
        whether a snapshot built since the last poll changed the pages."""
        result = self._store(self.site.take_comments())
        today = self._clock().date()
        if self._day != today:
            self._day = today
            self._dirty = True
            self._changed_tables = None
        if self._building is not None and (wait or not self._building.is_alive()):
            self._building.join()
            self._building = None
        if self._dirty and self._building is None:
            self._dirty = False
            self._building = self._build(today)
            if wait:
                self._building.join()
                self._building = None
        while self._built:
            outcome = self._built.pop(0)
            if isinstance(outcome, BaseException):
                self._dirty, self._changed_tables = True, None  # tried again, whole, at the next poll
                raise outcome
            result.published = result.published or outcome
        return result

    def _build(self, today: dt.date) -> threading.Thread:
        """Copy the document in memory here, in its thread; build and publish the snapshot from
        the copy in a thread of its own."""
        copying = ExitStack()
        copy = copying.enter_context(self.document.scratch_copy())
        changed = frozenset(self._changed_tables) if self._changed_tables is not None else None
        self._changed_tables = set()
        previous = self.site.snapshot

        def build() -> None:
            try:
                with copying, _quick_switching():
                    baseline = day_baseline(copy, today, _draft_at_day_start(copy, today, self._clock))
                    snapshot = build_snapshot(copy, baseline, previous=previous, changed=changed)
                    self._built.append(self.site.publish(snapshot))
            except Exception as error:  # told in the document's thread, at its next poll
                self._built.append(error)

        thread = threading.Thread(target=build, name="sharing-snapshot", daemon=True)
        thread.start()
        return thread

    def _store(self, comments: list[PhoneComment]) -> PollResult:
        """The comments that came in since the last poll, stored in one transaction (a room
        asked to "send your comments now" sends a hundred in a second)."""
        result = PollResult()
        change = None
        for comment in comments:
            try:
                planned = plan_receive_phone_comment(self.document, comment.node_id, comment.text, comment.name,
                                                     comment.organization, comment.received_at)
            except WorkshopError as error:  # the item was deleted since the phone loaded its page
                result.dropped.append((comment, str(error)))
                continue
            change = planned if change is None else change.then(planned)
            result.stored.append(comment)
        if change is not None:
            self.document.apply(change)
        return result

    def _changed(self, change: Change) -> None:
        tables = change.tables() - _UNSHOWN_TABLES
        if tables:
            self._dirty = True
            if self._changed_tables is not None:
                self._changed_tables |= tables


@contextmanager
def _quick_switching():
    with _SWITCHING_LOCK:
        if not _SWITCHING["builds"]:
            _SWITCHING["usual"] = sys.getswitchinterval()
            sys.setswitchinterval(min(BUILDING_SWITCH_SECONDS, _SWITCHING["usual"]))
        _SWITCHING["builds"] += 1
    try:
        yield
    finally:
        with _SWITCHING_LOCK:
            _SWITCHING["builds"] -= 1
            if not _SWITCHING["builds"]:
                sys.setswitchinterval(_SWITCHING["usual"])


def _draft_at_day_start(document: WorkshopDocument, today: dt.date,
                        clock: Callable[[], dt.datetime]) -> Baseline:
    """The draft as this program first shared the file on `today` (taken now, the first time)."""
    key = (str(document.path.resolve()), document.workshop()["id"])
    with _DAY_STARTS_LOCK:
        found = _DAY_STARTS.get(key)
        if found is None or found.day != today:
            found = _DAY_STARTS[key] = Baseline.of_draft(document, clock())
            for other in [key for key, kept in _DAY_STARTS.items() if kept.day != today]:
                del _DAY_STARTS[other]  # yesterday's drafts are compared with no more
        return found


def serve(path, *, bind: str, port: int, stop: threading.Event, say: Callable[[str], None]) -> None:
    """The `serve` command: share the file until `stop` is set (or Ctrl+C), telling `say` the
    addresses, a QR code of the first, and each comment that comes in."""
    from workshop_app.share.addresses import ALL_ADDRESSES, terminal_qr

    with WorkshopDocument.open(path) as document:
        for note in document.opening_notes:
            say(f"workshop-app: {note}")
        sharing = Sharing(document, bind=bind, port=port)
        urls = sharing.start()
        try:
            say(_("Sharing “{title}” read-only with the room's phones. Open on a phone on the same network:").format(
                title=sharing.site.snapshot.title))
            for url in urls:
                say(f"  {url}")
            if bind not in ALL_ADDRESSES and bind.startswith("127."):
                say(_("Only this computer can open it: to let the room's phones in, run again with --bind 0.0.0.0"))
            say(terminal_qr(urls[0]))
            say(_("Comments from phones are kept for the facilitator to accept or dismiss. Press Ctrl+C to stop "
                  "sharing."))
            while not stop.wait(POLL_SECONDS):
                _tell(sharing.poll(), sharing, say)
        finally:
            _tell(PollResult(stored=sharing.stop()), sharing, say)
            say(_("Sharing stopped."))


def _tell(result: PollResult, sharing: Sharing, say: Callable[[str], None]) -> None:
    snapshot = sharing.site.snapshot
    for comment in result.stored:
        entry = snapshot.commented.get(comment.node_id) if snapshot else None
        item = item_words(entry.level, entry.code) if entry else ""
        # Translators: printed by `workshop-app serve`; {item} is "action 2.1.3" or "outcome 1"
        say(_("Comment from a phone on {item}, kept for the facilitator").format(item=item))
    for _comment, reason in result.dropped:
        say(_("A comment from a phone was not kept: {reason}").format(reason=reason))
