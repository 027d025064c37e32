"""The read-only review site the room opens on its phones over the facilitator's hotspot: the
draft road map, today's agenda, each person's breakout group and the day's changes, in the
workshop's working languages; comments sent from phones wait for the facilitator.

`sharing.Sharing` runs it for an open document (the `serve` command, and the window's View ›
Share with the Room):
`snapshot` freezes what the pages show, from a copy of the document; `site` answers from the
frozen snapshot in the server's threads (`server`, within the limits of `connections`), with
`pages` and the page modules writing the HTML in the reader's language (`labels`); `addresses`
lists where phones find it and draws its QR code; `join_sheet` prints the page the room scans.
No Qt here.
"""

__all__ = [
    "join_sheet",
    "sharing",
    "snapshot",
    "site",
    "server",
    "connections",
    "pages",
    "labels",
    "roadmap_page",
    "agenda_page",
    "changes_page",
    "addresses",
]
