"""The review site the room opens on its phones: the snapshot it shows, the pages it answers,
and the comments phones send, waiting for the document's thread.

Two kinds of threads meet here. The document's thread (the window's, or the `serve` command's
main loop) builds a snapshot and publishes it, and takes the comments that came in. The server's
threads only read the snapshot published last and write pages from it; a comment goes into an
inbox and nothing else. A published snapshot is never changed: publishing swaps it whole, with
the pages written from it, in one assignment, so a page is always written from one moment of the
draft.
"""

import datetime as dt
import gzip
import hmac
import secrets
import threading
from collections import OrderedDict, deque
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from workshop_app.export.words import Words
from workshop_app.models.document import utc_now
from workshop_app.models.roadmap.phone_comments import LONGEST_NAME, LONGEST_TEXT, one_line, visible
from workshop_app.models.validation import clean_text
from workshop_app.share import pages
from workshop_app.share.agenda_page import LONGEST_NAME_TYPED, agenda_page, group_page, today_page
from workshop_app.share.changes_page import changes_page
from workshop_app.share.labels import page_language
from workshop_app.share.roadmap_page import LONGEST_QUERY, comment_page, gone_page, roadmap_page, sent_page
from workshop_app.share.snapshot import SiteSnapshot

# Letters and digits nobody confuses when the address is typed from the projector (no 0/o, 1/l/i).
_TOKEN_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 16  # 16 of 31 signs: 79 bits
# Comments waiting for the document's thread; past this the site asks phones to try again later.
MOST_WAITING = 500
HTML = "text/html; charset=utf-8"
# Pages kept written for the snapshot shown (searches, names, comment forms, each language):
# the most a broad search of a large road map costs is written once, whatever the parameters
# an address adds, and the memory they take stays bounded.
MOST_PAGES = 256
MOST_PAGE_BYTES = 48 * 1024 * 1024
LONGEST_HOST = 255


def new_token() -> str:
    """A new secret for the site's address, for each time sharing starts."""
    return "".join(secrets.choice(_TOKEN_LETTERS) for _ in range(TOKEN_LENGTH))


@dataclass(frozen=True)
class PhoneComment:
    """A comment a phone sent, checked, waiting to be stored as a pending comment."""
    node_id: str
    text: str
    name: str
    organization: str
    received_at: str  # UTC, ISO


@dataclass(frozen=True)
class Response:
    status: int
    body: bytes
    content_type: str = HTML
    location: str = ""  # for a redirection
    gzipped: bytes = b""  # the body compressed, for a phone that accepts it; b"" when not worth it

    @classmethod
    def page(cls, status: int, html: str) -> "Response":
        """An HTML page, compressed too: a 500-action road map is half a megabyte, a tenth of that
        gzipped, and a hotspot carries it to every phone at each change of the draft."""
        body = html.encode("utf-8")
        return cls(status, body, gzipped=gzip.compress(body, compresslevel=5, mtime=0) if len(body) > 2048 else b"")

    @property
    def size(self) -> int:
        return len(self.body) + len(self.gzipped)


class PageCache:
    """Answers already written, the least recently asked for forgotten first, at most `most`
    of them and `most_bytes` together."""

    def __init__(self, most: int = MOST_PAGES, most_bytes: int = MOST_PAGE_BYTES):
        self.most, self.most_bytes = most, most_bytes
        self._answers: OrderedDict[tuple, Response] = OrderedDict()
        self._bytes = 0
        self._lock = threading.Lock()

    def get(self, key: tuple) -> "Response | None":
        with self._lock:
            found = self._answers.get(key)
            if found is not None:
                self._answers.move_to_end(key)
            return found

    def put(self, key: tuple, response: "Response") -> None:
        with self._lock:
            old = self._answers.pop(key, None)
            if old is not None:
                self._bytes -= old.size
            self._answers[key] = response
            self._bytes += response.size
            while self._answers and (len(self._answers) > self.most or self._bytes > self.most_bytes):
                _key, forgotten = self._answers.popitem(last=False)
                self._bytes -= forgotten.size

    def __len__(self) -> int:
        return len(self._answers)


@dataclass(frozen=True)
class _Published:
    snapshot: SiteSnapshot
    serial: int
    pages: PageCache = field(default_factory=PageCache)  # pages written from this snapshot, by what they show


class Site:
    """The pages of one sharing session. Its token is new for each session."""

    def __init__(self, *, token: str | None = None, clock: Callable[[], dt.datetime] = dt.datetime.now):
        self.token = token or new_token()
        self.closed = False
        self.clock = clock
        self._published: _Published | None = None
        self._publishing = threading.Lock()
        self._inbox: deque[PhoneComment] = deque()
        self._inbox_lock = threading.Lock()
        self._writing = threading.Lock()
        self._words: dict[str, Words] = {}

    # ------------------------------------------------------------------ the document's thread

    def publish(self, snapshot: SiteSnapshot) -> bool:
        """Show this snapshot from now on; True when the pages change (the version moves on, and
        the phones reload)."""
        with self._publishing:
            current = self._published
            if current is not None and current.snapshot.fingerprint == snapshot.fingerprint:
                return False
            self._published = _Published(snapshot, (current.serial + 1) if current else 1)
            return True

    def take_comments(self) -> list[PhoneComment]:
        """The comments phones sent since the last call, oldest first; the inbox is left empty."""
        with self._inbox_lock:
            taken = list(self._inbox)
            self._inbox.clear()
        return taken

    # ------------------------------------------------------------------ any thread

    @property
    def snapshot(self) -> SiteSnapshot | None:
        published = self._published
        return published.snapshot if published else None

    def version(self, with_clock: bool = False) -> str:
        """A text that changes when the pages change: the snapshot's number, and with_clock, the
        minute too (today's page moves on with the time)."""
        published = self._published
        serial = str(published.serial if published else 0)
        return f"{serial}.{self.clock():%Y%m%d%H%M}" if with_clock else serial

    def token_matches(self, candidate: str) -> bool:
        """Compared in constant time, so the time of an answer says nothing of the token. Once
        sharing stopped, no token matches: a phone still connected gets "not found" (and its page
        says sharing has stopped), and a comment it sends is refused, never thanked and lost."""
        return not self.closed and hmac.compare_digest(candidate.encode("utf-8", "replace"),
                                                       self.token.encode("ascii"))

    def close(self) -> None:
        self.closed = True

    # ------------------------------------------------------------------ the server's threads

    def page(self, name: str, query: dict) -> Response:
        """The page at /TOKEN/<name> with these parameters (one value each). Only the parameters
        the page reads count: an address with others added answers the same page, written once.
        Pages are written one at a time, each once per snapshot, so that phones asking for many
        pages at once take turns with each other and not with the window's thread."""
        published = self._published
        if published is None or name not in _PAGES:
            return Response(404, b"Not found", "text/plain; charset=utf-8")
        snapshot = published.snapshot
        language = page_language(query.get("lang"), snapshot.languages)
        now = self.clock() if name == pages.TODAY else None
        shown = _shown_parameters(name, query, snapshot)
        key = (name, language, tuple(sorted(shown.items())), f"{now:%Y%m%d%H%M}" if now else "")
        found = published.pages.get(key)
        if found is not None:
            return found
        with self._writing:
            found = published.pages.get(key)  # written by another phone's request meanwhile
            if found is not None:
                return found
            request = self._request(snapshot, language, shown, name == pages.TODAY, published.serial)
            response = Response.page(*_PAGES[name](self, snapshot, request, shown, now))
            published.pages.put(key, response)
        return response

    def qr_code(self, host: str) -> Response:
        """The QR code of the site's address as the phone reached it (its Host header)."""
        from workshop_app.share.addresses import address_svg, site_address

        published = self._published
        address = site_address(host, self.token) if len(host) <= LONGEST_HOST else ""
        if not address or published is None:
            return Response(404, b"Not found", "text/plain; charset=utf-8")
        key = ("qr.svg", host)
        found = published.pages.get(key)
        if found is None:
            with self._writing:
                found = Response(200, address_svg(address).encode("utf-8"), "image/svg+xml")
                published.pages.put(key, found)
        return found

    def receive_comment(self, form: dict) -> Response:
        """A comment a phone posted: checked, then left in the inbox for the document's thread.
        What is wrong is said on the form again, with what was typed kept."""
        published = self._published
        if published is None:
            return Response(503, b"Not ready", "text/plain; charset=utf-8")
        snapshot = published.snapshot
        language = page_language(form.get("lang"), snapshot.languages)
        request = self._request(snapshot, language, {}, False, None)
        _ = request.words
        node_id = form.get("on", "")
        if node_id not in snapshot.commented:
            return Response.page(404, gone_page(snapshot, request))
        # A browser sends a typed line break as two characters; the box counted one.
        text = clean_text(form.get("text", "").replace("\r\n", "\n"))
        name, organization = one_line(form.get("name", "")), one_line(form.get("organization", ""))
        problem = ""
        if not visible(text):
            # Translators: on the phones, when the comment form was sent empty
            problem = _("Write your comment first.")
        elif len(text) > LONGEST_TEXT:
            # Translators: on the phones, when a comment is too long; {most} is 1,000, {over} how many
            # characters to remove
            problem = _.n("Your comment has {count} character, {over} more than the {most} that can be sent. "
                          "Please shorten it.",
                          "Your comment has {count} characters, {over} more than the {most} that can be sent. "
                          "Please shorten it.",
                          len(text), most=_.number(LONGEST_TEXT), over=_.number(len(text) - LONGEST_TEXT))
            if any(ord(character) > 0xFFFF or character in _JOINERS for character in text):
                # Translators: on the phones, after "Your comment has 1,004 characters…", when it holds emoji
                problem += " " + _("Some emoji count as two characters or more.")
        elif len(name) > LONGEST_NAME or len(organization) > LONGEST_NAME:
            problem = _("A name or an organization has at most {most} characters.", most=_.number(LONGEST_NAME))
        if problem:
            html = comment_page(snapshot, request, node_id, text=text, name=name, organization=organization,
                                problem=problem)
            return Response.page(400, html)
        with self._inbox_lock:
            if len(self._inbox) >= MOST_WAITING:
                busy = True
            else:
                busy = False
                self._inbox.append(PhoneComment(node_id, text, name, organization, utc_now()))
        if busy:
            # Translators: on the phones, when too many comments wait for the facilitator's computer
            message = pages.esc(_("Too many comments are waiting; please send yours again in a minute."))
            return Response.page(503, pages.message_page(snapshot, request, _("Comment not sent"), message))
        return Response(303, b"", "text/plain; charset=utf-8",
                        location=f"{pages.SENT}?{urlencode({'on': node_id, 'lang': language})}")

    def refusal(self, status: int, query: dict) -> Response:
        """A page for too many requests (429) or a request too large (413), in the page's language."""
        published = self._published
        if published is None:
            return Response(status, b"Refused", "text/plain; charset=utf-8")
        snapshot = published.snapshot
        request = self._request(snapshot, page_language(query.get("lang"), snapshot.languages), query, False, None)
        _ = request.words
        if status == 429:
            # Translators: on the phones, when one phone sends too many requests or comments in a minute
            title, message = _("Too many requests"), _("Please wait a minute, then try again.")
        elif status == 408:
            # Translators: the heading on the phones when a comment could not be taken as it was sent
            title = _("Comment not received")
            # Translators: on the phones, when a comment stopped arriving half-way (a weak signal)
            message = _("Your comment did not arrive whole. Please go back and send it again.")
        elif status == 400:
            title = _("Comment not received")
            # Translators: on the phones, when what was sent is not text (a broken or foreign program sent it)
            message = _("What was sent could not be read as text. Please go back and send it again.")
        else:
            # Translators: on the phones, when what a phone sent is far larger than a comment can be
            title, message = _("Too much text"), _("What was sent is too large for a comment.")
        return Response.page(status, pages.message_page(snapshot, request, title, pages.esc(message),
                                                        request.link(pages.ROADMAP)))

    # ------------------------------------------------------------------ internals

    def _request(self, snapshot: SiteSnapshot, language: str, query: dict, with_clock: bool,
                 serial: int | None) -> pages.Request:
        """serial None: an answer to a POST, which live.js must not reload (the browser would
        offer to send the form again)."""
        words = self._words.get(language)
        if words is None:
            words = self._words.setdefault(language, Words(language))
        if serial is None:
            version = ""
        else:
            version = f"{serial}.{self.clock():%Y%m%d%H%M}" if with_clock else str(serial)
        return pages.Request(language, words, query, version)


def _shown_parameters(name: str, query: dict, snapshot: SiteSnapshot) -> dict:
    """The parameters a page reads, as it reads them (the typed search or name on one line and
    cut to length, an item the snapshot holds); the others an address carries are left out, so
    that they neither reach the page's links nor make it a page of its own."""
    shown = {}
    if name == pages.ROADMAP:
        shown["q"] = " ".join(clean_text(query.get("q", "")).split())[:LONGEST_QUERY]
    elif name == pages.GROUP:
        shown["name"] = " ".join(clean_text(query.get("name", "")).split())[:LONGEST_NAME_TYPED]
    elif name in (pages.COMMENT, pages.SENT):
        shown["on"] = query.get("on", "") if query.get("on", "") in snapshot.commented else ""
    return {key: value for key, value in shown.items() if value}


def _roadmap(site, snapshot, request, query, now):
    return 200, roadmap_page(snapshot, request)


def _today(site, snapshot, request, query, now):
    return 200, today_page(snapshot, request, now)


def _agenda(site, snapshot, request, query, now):
    return 200, agenda_page(snapshot, request)


def _group(site, snapshot, request, query, now):
    return 200, group_page(snapshot, request)


def _changes(site, snapshot, request, query, now):
    return 200, changes_page(snapshot, request)


def _comment(site, snapshot, request, query, now):
    node_id = query.get("on", "")
    if node_id not in snapshot.commented:
        return 404, gone_page(snapshot, request)
    return 200, comment_page(snapshot, request, node_id)


def _sent(site, snapshot, request, query, now):
    return 200, sent_page(snapshot, request, query.get("on", ""))


# Emoji that are joined or varied take more than one character each.
_JOINERS = frozenset("\u200d\ufe0f\ufe0e")
_PAGES = {pages.ROADMAP: _roadmap, pages.TODAY: _today, pages.AGENDA: _agenda, pages.GROUP: _group,
          pages.CHANGES: _changes, pages.COMMENT: _comment, pages.SENT: _sent}
