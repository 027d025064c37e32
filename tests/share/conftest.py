import datetime as dt
import http.client
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

import pytest

# The demo's second day, during the first breakout groups (09:20–11:00).
DAY_TWO_AT_TEN = dt.datetime(2027, 3, 10, 10, 0)


@dataclass
class Answer:
    status: int
    headers: dict
    text: str


@dataclass
class Shared:
    """A demo workshop shared on 127.0.0.1 for a test: its document (the test's thread is the
    document's thread) and the site's address."""
    document: object
    sharing: object
    url: str  # http://127.0.0.1:PORT/TOKEN/

    @property
    def token(self) -> str:
        return self.sharing.site.token

    @property
    def port(self) -> int:
        return self.sharing.port

    def get(self, path: str = "", **params) -> Answer:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        return fetch(self.url + path + query)

    def post_comment(self, node_id: str, text: str, **fields) -> Answer:
        return request(self.port, "POST", f"/{self.token}/comment", urllib.parse.urlencode(
            {"on": node_id, "text": text, **fields}).encode("utf-8"),
                       {"Content-Type": "application/x-www-form-urlencoded"})


def fetch(url: str) -> Answer:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return Answer(response.status, dict(response.headers), response.read().decode("utf-8"))
    except urllib.error.HTTPError as error:
        return Answer(error.code, dict(error.headers), error.read().decode("utf-8", "replace"))


def request(port: int, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Answer:
    """One request without following redirections (http.client)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Answer(response.status, dict(response.getheaders()), response.read().decode("utf-8", "replace"))
    finally:
        connection.close()


@pytest.fixture
def shared(demo_path):
    from workshop_app.models.document import WorkshopDocument
    from workshop_app.share.sharing import Sharing

    with WorkshopDocument.open(demo_path) as document:
        sharing = Sharing(document, bind="127.0.0.1", port=0, clock=lambda: DAY_TWO_AT_TEN)
        urls = sharing.start()
        try:
            yield Shared(document, sharing, urls[0])
        finally:
            sharing.stop()


def first_action(document) -> dict:
    from workshop_app.models.roadmap.tree import roadmap_tree

    for goal in roadmap_tree(document):
        for item in goal.walk():
            if item.node["level"] == "action":
                return {**item.node, "code": item.code}
    raise AssertionError("the demo has no action")
