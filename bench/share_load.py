"""The room's phones on the review site (goal: page answers p95 under 100 ms with 150 phones).

150 clients (threads), each for about 10 seconds: a page every 5 seconds (road map, today,
agenda, changes, "my group" with a name, and a search of the road map for one letter, which
finds nearly every action, in turn) and, between pages, the version poll live.js makes every
3.5 seconds; all on 127.0.0.1, on a workshop of the size the brief calls real (500
actions, 2,000 participants). Peer: the standard library's ThreadingHTTPServer with a bare
handler that answers the same pre-rendered bytes, in the same run, with the same clients.

    python bench/share_load.py [--clients 150] [--seconds 10]
"""

import argparse
import http.client
import random
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent))
PAGE_EVERY = 5.0
POLL_EVERY = 3.5


def main(clients: int = 150, seconds: float = 10.0) -> float:
    from large_workshop import write_large_workshop

    from workshop_app.models.document import WorkshopDocument
    from workshop_app.share import connections, server
    from workshop_app.share.sharing import Sharing

    # Here every phone comes from 127.0.0.1: the limits per phone (per address) would refuse them.
    server.PAGES_A_MINUTE = connections.MOST_PER_ADDRESS = 1_000_000

    with tempfile.TemporaryDirectory() as folder:
        path = write_large_workshop(Path(folder) / "large.workshop", actions=500)
        with WorkshopDocument.open(path) as document:
            sharing = Sharing(document, port=0)
            url = sharing.start()[0]
            name = document.rows("participant", order_by="name")[7]["name"].split()[0]
            paths = [urlsplit(url).path + page for page in ("", "today", "agenda", "changes", f"group?name={name}",
                                                            "?q=a", "?q=e")]
            try:
                for page in paths:  # the first of each is written; the phones then share it
                    _get(sharing.port, page)
                pages = {page: _get(sharing.port, page)[1] for page in paths}
                quiet, _publishing = _edits(document, sharing, 2.0)  # the window's edits with no phone reading
                found: dict = {}
                phones = threading.Thread(target=lambda: found.update(_load(sharing.port, paths, clients, seconds)))
                phones.start()
                busy, publishing = _edits(document, sharing, seconds)  # and while 150 phones read
                phones.join()
                ours = found
                rebuild = _rebuild_time(sharing, document)
            finally:
                sharing.stop()
    peer_server = _peer(pages)
    try:
        peer = _load(peer_server.server_address[1], paths, clients, seconds)
    finally:
        peer_server.shutdown()
        peer_server.server_close()
    sizes = {page.rsplit("/", 1)[-1] or "road map": len(body) for page, body in pages.items()}
    print(f"review site, {clients} phones for {seconds:.0f} s, 500 actions, 2,000 participants; gzipped pages (bytes): "
          + ", ".join(f"{page} {size:,}" for page, size in sizes.items()))
    ratio = _report("ours", ours) / _report("peer (bare http.server, same bytes)", peer)
    print(f"  snapshot published {rebuild * 1000:.0f} ms after an edit's poll; the window's thread, publishing once a "
          f"second: median {statistics.median(publishing) * 1000:.1f} ms, worst {max(publishing) * 1000:.1f} ms")
    print(f"  the window's edits: median {statistics.median(busy) * 1000:.2f} ms while the phones read, "
          f"{statistics.median(quiet) * 1000:.2f} ms without them (goal: under 5 ms)")
    print(f"  page p95 ratio ours/peer {ratio:.2f} (goal: ours p95 < 100 ms)")
    return ratio


def _get(port: int, path: str, connection: http.client.HTTPConnection | None = None) -> tuple[float, bytes]:
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        start = time.perf_counter()
        connection.request("GET", path, headers={"Accept-Encoding": "gzip"})
        response = connection.getresponse()
        body = response.read()
        elapsed = time.perf_counter() - start
        if response.status != 200:
            raise RuntimeError(f"{path}: {response.status}")
        return elapsed, body
    finally:
        if own:
            connection.close()


def _load(port: int, paths: list[str], clients: int, seconds: float) -> dict[str, list[float]]:
    """Every client keeps one connection, as a phone's browser does; times per kind of request."""
    found: dict[str, list[float]] = {"page": [], "poll": [], "failed": []}
    lock = threading.Lock()
    version = paths[0] + "version"
    start = threading.Barrier(clients + 1)

    def phone(number: int) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        start.wait()
        began = time.monotonic()
        next_page = began + random.uniform(0, PAGE_EVERY)
        next_poll = began + random.uniform(0, POLL_EVERY)
        turn = number
        while True:
            now = time.monotonic()
            if now - began > seconds:
                break
            kind = "page" if next_page <= next_poll else "poll"
            moment = next_page if kind == "page" else next_poll
            time.sleep(max(0.0, moment - now))
            try:
                elapsed, _body = _get(port, paths[turn % len(paths)] if kind == "page" else version, connection)
            except (OSError, http.client.HTTPException, RuntimeError):
                connection.close()
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                elapsed, kind = 0.0, "failed"
            with lock:
                found[kind].append(elapsed)
            if moment == next_page:
                next_page += PAGE_EVERY
                turn += 1
            else:
                next_poll += POLL_EVERY
        connection.close()

    threads = [threading.Thread(target=phone, args=(number,), daemon=True) for number in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    for thread in threads:
        thread.join()
    return found


def _peer(pages: dict[str, bytes]) -> ThreadingHTTPServer:
    """The same bytes from a handler that does nothing else."""
    class Bare(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            body = pages.get(self.path, b"1")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Bare)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _edits(document, sharing, seconds: float) -> tuple[list[float], list[float]]:
    """Edits as the window makes them (a title typed, 5 a second), timed from the change planned
    to the change in the file; the window's timer publishes the draft again once a second (the
    time that takes in the window's thread is the second list)."""
    actions = [row["id"] for row in document.rows("roadmap_node", "level = 'action'")][:50]
    times, polls = [], []
    began = last_poll = time.monotonic()
    number = 0
    while time.monotonic() - began < seconds:
        number += 1
        change = document.plan_update("roadmap_node", actions[number % len(actions)], title=f"Edited {number}")
        start = time.perf_counter()
        document.apply(change)
        times.append(time.perf_counter() - start)
        if time.monotonic() - last_poll >= 1.0:
            start = time.perf_counter()
            sharing.poll()
            polls.append(time.perf_counter() - start)
            last_poll = time.monotonic()
        time.sleep(0.2)
    return times, polls


def _rebuild_time(sharing, document) -> float:
    """From an edit's poll to the new snapshot published (most of it outside the window's thread)."""
    action = document.rows("roadmap_node", "level = 'action'")[0]
    document.apply(document.plan_update("roadmap_node", action["id"], title="Edited during the benchmark"))
    start = time.perf_counter()
    sharing.poll(wait=True)
    return time.perf_counter() - start


def _report(label: str, found: dict[str, list[float]]) -> float:
    pages, polls = sorted(found["page"]), sorted(found["poll"])
    p95 = _percentile(pages, 0.95)
    print(f"  {label}: {len(pages)} pages, median {statistics.median(pages) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms, "
          f"worst {pages[-1] * 1000:.1f} ms; {len(polls)} version polls, p95 {_percentile(polls, 0.95) * 1000:.1f} ms; "
          f"{len(found['failed'])} failed")
    return p95


def _percentile(values: list[float], share: float) -> float:
    return values[min(len(values) - 1, int(len(values) * share))] if values else 0.0


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=150)
    parser.add_argument("--seconds", type=float, default=10.0)
    options = parser.parse_args()
    main(options.clients, options.seconds)
