"""Where the room finds the site: the addresses of this computer a phone on the same network can
use, and the QR code of an address (in the terminal, and as SVG for a page or a PDF)."""

import io
import ipaddress
import re
import socket
import struct
import sys

import segno

ALL_ADDRESSES = ("0.0.0.0", "", "::")
_HOST = re.compile(r"^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?$")


def site_url(host: str, port: int, token: str) -> str:
    """http://192.168.137.1:8787/TOKEN/"""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"http://{host}:{port}/{token}/"


def room_addresses(bind: str) -> list[str]:
    """The addresses phones can open the site at: the one bound to, or, bound to all of them,
    every address of this computer on a network (private ones first), else the computer's own."""
    if bind not in ALL_ADDRESSES:
        return [bind]
    found = _interface_addresses() | _resolved_addresses() | _routed_addresses()
    usable = [address for address in found if not ipaddress.ip_address(address).is_loopback
              and not ipaddress.ip_address(address).is_link_local]
    usable.sort(key=lambda address: (not ipaddress.ip_address(address).is_private,
                                     ipaddress.ip_address(address).packed))
    return usable or ["127.0.0.1"]


def site_address(host_header: str, token: str) -> str:
    """The site's address as a phone reached it (its Host header), or "" for a Host that is no
    plain name or address."""
    host = host_header.strip()
    if not _HOST.match(host):
        return ""
    return f"http://{host}/{token}/"


def terminal_qr(url: str) -> str:
    """The address as a QR code of half-block characters, for a terminal with a dark background."""
    out = io.StringIO()
    segno.make(url, error="m").terminal(out=out, compact=True)
    return out.getvalue()


def address_svg(url: str, scale: int = 8) -> str:
    """The address as a QR code in SVG: dark modules on white, with the quiet zone around."""
    out = io.BytesIO()
    segno.make(url, error="m").save(out, kind="svg", scale=scale, border=4, dark="#000", light="#fff",
                                    xmldecl=False, title=url)
    return out.getvalue().decode("utf-8")


# ---------------------------------------------------------------------------------- internals

def _interface_addresses() -> set[str]:
    """Every interface's IPv4 address (Linux: the SIOCGIFADDR ioctl; elsewhere none)."""
    if not sys.platform.startswith("linux"):
        return set()
    import fcntl

    found = set()
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        for _index, name in socket.if_nameindex():
            try:
                answer = fcntl.ioctl(probe.fileno(), 0x8915, struct.pack("256s", name.encode()[:15]))  # SIOCGIFADDR
            except OSError:  # an interface without an IPv4 address
                continue
            found.add(socket.inet_ntoa(answer[20:24]))
    return found


def _resolved_addresses() -> set[str]:
    """What the computer's name resolves to (Windows and macOS list their networks' addresses)."""
    try:
        return {info[4][0] for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    except OSError:
        return set()


def _routed_addresses() -> set[str]:
    """The address the computer would send from to another computer of a private network; a UDP
    socket that is only connected sends nothing."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
            probe.connect(("10.255.255.255", 1))
            return {probe.getsockname()[0]}
    except OSError:
        return set()
