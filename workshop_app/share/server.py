"""The HTTP side of the review site: the standard library's ThreadingHTTPServer behind a handler
that answers only the site's own paths (never files from a folder).

For one room on the facilitator's hotspot: every path answers 404 without the session's token;
pages answer GET (and HEAD), comments one POST; requests and comments are limited in size and,
per phone (its address), in number a minute; connections are limited in number and in the time a
request may take to arrive (connections.py); every answer carries a strict
Content-Security-Policy and `Cache-Control: no-store`.
"""

import io
import socket
import socketserver
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

from workshop_app.resources import resource_path
from workshop_app.share import connections
from workshop_app.share.connections import Connections, TimedReader
from workshop_app.share.site import Response, Site

# Generous for a phone that reloads when the draft changes and polls every few seconds; a
# runaway script or a scan meets the limit.
PAGES_A_MINUTE = 600
COMMENTS_A_MINUTE = 6
# A 1,000-character comment with a name and an organization of 200, in the script that takes
# the most room once percent-encoded (an emoji: 4 bytes, 12 signs), each line break sent as two.
LONGEST_BODY = 32 * 1024
LONGEST_ADDRESS = 4096
# A request's first line and headers together; a browser sends a few hundred bytes.
LONGEST_HEAD = 32 * 1024
# No script or style but the site's own files, no frames, forms posting only to the site.
SECURITY_HEADERS = (
    ("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
                                "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"),
    ("Cache-Control", "no-store"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)
_ASSETS = {"style.css": ("style.css", "text/css; charset=utf-8"),
           "live.js": ("live.js", "text/javascript; charset=utf-8")}
_PLAIN = "text/plain; charset=utf-8"


class RateLimit:
    """At most `most` events a minute per address (a sliding minute)."""

    def __init__(self, most: int, window: float = 60.0):
        self.most = most
        self.window = window
        self._events: dict[str, deque] = {}
        self._lock = threading.Lock()

    def allow(self, address: str) -> bool:
        now = time.monotonic()
        with self._lock:
            events = self._events.get(address)
            if events is None:
                if len(self._events) > 10_000:  # forget phones long gone
                    self._events = {key: value for key, value in self._events.items()
                                    if value and now - value[-1] < self.window}
                events = self._events[address] = deque()
            while events and now - events[0] >= self.window:
                events.popleft()
            if len(events) >= self.most:
                return False
            events.append(now)
            return True


class SharingServer:
    """The site on an address and port, served from a thread of its own until stop()."""

    def __init__(self, site: Site, bind: str = "127.0.0.1", port: int = 0):
        self.site = site
        self._httpd = _Server((bind, port), _Handler, site)
        self._thread: threading.Thread | None = None

    @property
    def bind(self) -> str:
        return self._httpd.server_address[0]

    @property
    def port(self) -> int:
        return self._httpd.server_address[1]

    def start(self) -> None:
        self._thread = threading.Thread(target=self._httpd.serve_forever, kwargs={"poll_interval": 0.2},
                                        name="sharing-server", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop answering: the listening socket closes; requests under way finish on their own."""
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # a room's phones opening the page at the same moment

    def server_bind(self):
        # HTTPServer looks the address's name up (socket.getfqdn): offline, with no DNS server,
        # that waited for the resolver in the window's thread. The name is never used.
        socketserver.TCPServer.server_bind(self)
        self.server_name, self.server_port = str(self.server_address[0]), self.server_address[1]

    def __init__(self, address, handler, site: Site):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.site = site
        self.page_limit = RateLimit(PAGES_A_MINUTE)
        self.comment_limit = RateLimit(COMMENTS_A_MINUTE)
        self.connections = Connections()
        self.assets = {name: (resource_path("share", file).read_bytes(), kind)
                       for name, (file, kind) in _ASSETS.items()}
        super().__init__(address, handler)

    def process_request(self, request, client_address):
        if not self.connections.admit(request, client_address[0]):
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self.connections.release(request)
            self.shutdown_request(request)
            raise

    def process_request_thread(self, request, client_address):
        try:
            super().process_request_thread(request, client_address)
        finally:
            self.connections.release(request)

    def handle_error(self, request, client_address):
        pass  # a phone that walked away mid-answer; nothing to tell the facilitator


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "PathfinderWorkshop"
    protocol_version = "HTTP/1.1"

    def version_string(self) -> str:
        return self.server_version  # not Python's version: nothing a scan could use

    # ------------------------------------------------------------------ reading a request

    def setup(self):
        super().setup()
        self.rfile.close()  # the standard reader waits as long as bytes trickle in; this one does not
        self.reader = TimedReader(self.connection)
        self.rfile = io.BufferedReader(self.reader)

    def handle_one_request(self):
        """One request on the connection: until its head arrives the connection only waits (and
        may be closed to make room), and the head has READ_SECONDS to arrive whole."""
        self.server.connections.waiting(self.connection)
        self.reader.start(connections.READ_SECONDS, LONGEST_HEAD)
        super().handle_one_request()

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":  # an answer without headers would go without its security policy
            self.close_connection = True
            return False
        if not self.server.connections.answering(self.connection):
            self.close_connection = True  # closed to make room while its head arrived
            return False
        return True

    # ------------------------------------------------------------------ methods

    def do_GET(self):
        self._get()

    def do_HEAD(self):
        self._get()

    def do_POST(self):
        route = self._route()
        if route is None:
            return
        name, query = route
        if name != "comment":
            self.close_connection = True  # its body is not read: the connection cannot be reused
            self._send(Response(405, b"Method not allowed", _PLAIN), allow="GET, HEAD")
            return
        if not self.server.comment_limit.allow(self.client_address[0]):
            self.close_connection = True
            self._send(self.server.site.refusal(429, query), retry_after=True)
            return
        form = self._form(query)
        if form is not None:
            self._send(self.server.site.receive_comment(form))

    def _other(self):
        self.close_connection = True  # whatever it sent is not read
        if self._route() is not None:
            self._send(Response(405, b"Method not allowed", _PLAIN), allow="GET, HEAD, POST")

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_TRACE = do_CONNECT = _other

    # ------------------------------------------------------------------ answers

    def _get(self):
        route = self._route()
        if route is None:
            return
        name, query = route
        if not self.server.page_limit.allow(self.client_address[0]):
            self._send(self.server.site.refusal(429, query), retry_after=True)
        elif name in self.server.assets:
            body, kind = self.server.assets[name]
            self._send(Response(200, body, kind))
        elif name == "version":
            version = self.server.site.version(with_clock=query.get("clock") == "1")
            self._send(Response(200, version.encode("ascii"), _PLAIN))
        elif name == "qr.svg":
            self._send(self.server.site.qr_code(self.headers.get("Host", "")))
        else:
            self._send(self.server.site.page(name, query))

    def _route(self) -> tuple[str, dict] | None:
        """(page name, parameters) for a path under the session's token; None once an answer was
        sent: 404 for any other path, a redirection from /TOKEN to /TOKEN/."""
        if len(self.path) > LONGEST_ADDRESS:
            self._send(Response(414, b"Address too long", _PLAIN))
            return None
        parts = urlsplit(self.path)
        segments = parts.path.split("/", 2)
        if len(segments) < 2 or segments[0] != "" or not self.server.site.token_matches(segments[1]):
            self._send(Response(404, b"Not found", _PLAIN))
            return None
        if len(segments) == 2:
            self._send(Response(301, b"", _PLAIN, location=f"/{segments[1]}/" + (f"?{parts.query}" if parts.query
                                                                                  else "")))
            return None
        try:
            values = parse_qs(parts.query, keep_blank_values=True, max_num_fields=20)
        except ValueError:
            self._send(Response(400, b"Bad request", _PLAIN))
            return None
        return segments[2], {key: found[0] for key, found in values.items()}

    def _form(self, query: dict) -> dict | None:
        """The posted form's fields (one value each), or None once a refusal was sent."""
        # One length in plain ASCII digits: int() also reads "+18", "1_8" and Arabic-Indic digits,
        # and of two lengths the body would be cut at one and the rest read as another request.
        lengths = [value.strip() for value in self.headers.get_all("Content-Length", [])]
        if (self.headers.get("Transfer-Encoding") or len(lengths) != 1
                or not (lengths[0].isascii() and lengths[0].isdigit())):
            self.close_connection = True
            self._send(Response(411, b"Length required", _PLAIN))
            return None
        length = int(lengths[0])
        if length > LONGEST_BODY:
            self.close_connection = True  # the body is not read: the connection cannot be reused
            self._send(self.server.site.refusal(413, query))
            return None
        kind = self.headers.get("Content-Type", "").split(";")[0].strip().lower()
        if kind != "application/x-www-form-urlencoded":
            self.close_connection = True
            self._send(Response(415, b"Unsupported form", _PLAIN))
            return None
        self.reader.start(connections.BODY_SECONDS, length + LONGEST_HEAD)
        try:
            body = self.rfile.read(length)
        except TimeoutError:
            body = b""
        if len(body) < length:  # it stopped coming, or came too slowly: a comment cut short is not taken
            self.close_connection = True
            self._send(self.server.site.refusal(408, query))
            return None
        try:
            fields = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=10, strict_parsing=False)
        except (UnicodeDecodeError, ValueError):
            self._send(self.server.site.refusal(400, query))
            return None
        return {key: found[0] for key, found in fields.items()}

    def _send(self, response: Response, *, allow: str = "", retry_after: bool = False) -> None:
        self.connection.settimeout(connections.WRITE_SECONDS)  # the whole answer, however slowly it is read
        body = response.body
        compressed = bool(response.gzipped) and "gzip" in self.headers.get("Accept-Encoding", "").lower()
        if compressed:
            body = response.gzipped
        self.send_response(response.status)
        self.send_header("Content-Type", response.content_type)
        self.send_header("Content-Length", str(len(body)))
        if response.gzipped:
            self.send_header("Vary", "Accept-Encoding")
        if compressed:
            self.send_header("Content-Encoding", "gzip")
        for name, value in SECURITY_HEADERS:
            self.send_header(name, value)
        if response.location:
            self.send_header("Location", response.location)
        if allow:
            self.send_header("Allow", allow)
        if retry_after:
            self.send_header("Retry-After", "60")
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def send_error(self, code, message=None, explain=None):
        """The standard library's refusals (a malformed request, an unknown method), without its
        page that echoes the request; an unknown method is a 404 without the token."""
        self.close_connection = True
        if getattr(self, "request_version", "HTTP/0.9") == "HTTP/0.9":
            return  # not HTTP/1: no answer that would go without its headers
        if code == 501 and getattr(self, "path", None) is not None:
            self._other()
            return
        body = b"Bad request"
        try:
            self._send(Response(code if code >= 400 else 400, body, _PLAIN))
        except OSError:
            pass

    def log_message(self, format, *args):
        pass  # the room's requests are not the facilitator's business, nor the terminal's
