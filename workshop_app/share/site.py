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
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlencode

from workshop_app.export.words import Words
from workshop_app.models.document import utc_now
from workshop_app.models.roadmap.phone_comments import LONGEST_NAME, LONGEST_TEXT
from workshop_app.models.validation import clean_text
from workshop_app.share import pages
from workshop_app.share.agenda_page import agenda_page, group_page, today_page
from workshop_app.share.changes_page import changes_page
from workshop_app.share.labels import page_language
from workshop_app.share.roadmap_page import comment_page, gone_page, roadmap_page, sent_page
from workshop_app.share.snapshot import SiteSnapshot

# Letters and digits nobody confuses when the address is typed from the projector (no 0/o, 1/l/i).
_TOKEN_LETTERS = "abcdefghjkmnpqrstuvwxyz23456789"
TOKEN_LENGTH = 16  # 16 of 31 signs: 79 bits
# Comments waiting for the document's thread; past this the site asks phones to try again later.
MOST_WAITING = 500
HTML = "text/html; charset=utf-8"


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


@dataclass(frozen=True)
class _Published:
    snapshot: SiteSnapshot
    serial: int
    pages: dict = field(default_factory=dict)  # pages written from this snapshot, by what they show


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
        """The page at /TOKEN/<name> with these parameters (one value each)."""
        published = self._published
        if published is None or name not in _PAGES:
            return Response(404, b"Not found", "text/plain; charset=utf-8")
        snapshot = published.snapshot
        language = page_language(query.get("lang"), snapshot.languages)
        now = self.clock() if name == pages.TODAY else None
        key = _cache_key(name, language, query, now)
        if key is not None and key in published.pages:
            return published.pages[key]
        request = self._request(snapshot, language, query, name == pages.TODAY, published.serial)
        response = Response.page(*_PAGES[name](self, snapshot, request, query, now))
        if key is not None:
            if name == pages.TODAY:  # one minute's page at a time
                for old in list(published.pages):  # a copy: other threads add pages meanwhile
                    if old[0] == pages.TODAY and old != key:
                        published.pages.pop(old, None)
            published.pages[key] = response
        return response

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
        name, organization = (" ".join(clean_text(form.get(key, "")).split()) for key in ("name", "organization"))
        problem = ""
        if not text:
            # Translators: on the phones, when the comment form was sent empty
            problem = _("Write your comment first.")
        elif len(text) > LONGEST_TEXT:
            # Translators: on the phones, when a comment is too long; {most} is 1,000
            problem = _.n("Your comment has {count} character; at most {most} can be sent. Please shorten it.",
                          "Your comment has {count} characters; at most {most} can be sent. Please shorten it.",
                          len(text), most=_.number(LONGEST_TEXT))
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


def _cache_key(name: str, language: str, query: dict, now: dt.datetime | None) -> tuple | None:
    """Pages that depend only on the snapshot and the language are written once per snapshot;
    today's page once a minute; a search or a name is written for each request."""
    if name in (pages.ROADMAP, pages.AGENDA, pages.CHANGES) and not query.get("q"):
        return (name, language)
    if name == pages.TODAY and now is not None:
        return (name, language, f"{now:%Y%m%d%H%M}")
    return None


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


_PAGES = {pages.ROADMAP: _roadmap, pages.TODAY: _today, pages.AGENDA: _agenda, pages.GROUP: _group,
          pages.CHANGES: _changes, pages.COMMENT: _comment, pages.SENT: _sent}
