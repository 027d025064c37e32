"""What every page of the phones' site shares: the frame (header, menu, language switch, footer),
escaping, and the addresses between pages.

Every value that comes from the workshop file or from a phone is escaped here before it meets
markup; translated words are escaped too. A page uses no inline script or style (the
Content-Security-Policy forbids them): one style sheet and one small script, both served by the
program, and the page works without the script, which only reloads it when the draft changes.
"""

from dataclasses import dataclass
from html import escape
from urllib.parse import quote, urlencode

from workshop_app.export.words import Words
from workshop_app.i18n.languages import LANGUAGES
from workshop_app.share.snapshot import SiteSnapshot

# The site's pages by the name in their address (/TOKEN/<name>); the road map is the first page.
ROADMAP, TODAY, AGENDA, GROUP, CHANGES, COMMENT, SENT = "", "today", "agenda", "group", "changes", "comment", "sent"


def esc(value) -> str:
    """Text as HTML: <, >, &, and both quotes escaped."""
    return escape(str(value if value is not None else ""), quote=True)


def fill(template: str, **markup: str) -> str:
    """A translated sentence as HTML with pieces of markup in its placeholders: the sentence is
    escaped, the pieces (escaped by the caller) are not."""
    return esc(template).format(**markup)


def isolated(markup: str, tag: str = "bdi") -> str:
    """User text set apart from the sentence around it, so that an English title in an Arabic
    sentence (or the reverse) keeps its own direction."""
    return f"<{tag}>{markup}</{tag}>"


@dataclass(frozen=True)
class Request:
    """What a page needs to know about the request it answers."""
    language: str
    words: Words
    query: dict  # the address's parameters, one value each (the first)
    version: str  # what live.js compares with /version to know the page is out of date

    def link(self, page: str, **params) -> str:
        """A page's address relative to the site (all pages live at /TOKEN/<page>), keeping the
        page's language."""
        values = {"lang": self.language, **{key: value for key, value in params.items() if value not in (None, "")}}
        return esc(f"./{quote(page)}?{urlencode(values)}")


def frame(snapshot: SiteSnapshot, request: Request, page: str, title: str, body: str, *,
          version_url: str = "version") -> str:
    """The whole HTML document of a page around its body."""
    _ = request.words
    direction = "rtl" if _.right_to_left else "ltr"
    # Translators: shown on the phones when the facilitator has stopped sharing (the page stays as it was)
    stopped = _("Sharing has stopped; this page no longer follows the draft.")
    return (
        "<!doctype html>\n"
        f'<html lang="{esc(request.language)}" dir="{direction}" data-version="{esc(request.version)}" '
        f'data-version-url="{esc(version_url)}" data-stopped="{esc(stopped)}">\n'
        '<head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(title)} · {esc(snapshot.title)}</title>"
        '<link rel="stylesheet" href="style.css"><script src="live.js" defer></script></head>\n'
        f"<body>{_header(snapshot, request, page)}<main>\n{body}\n</main>{_footer(request)}</body></html>\n"
    )


def message_page(snapshot: SiteSnapshot, request: Request, title: str, message: str, back: str = "") -> str:
    """A page that says one thing (a refusal, a thank-you), with a way back."""
    _ = request.words
    link = ""
    if back:
        label = _("Back")
        link = f'<p><a class="button" href="{back}">{esc(label)}</a></p>'
    return frame(snapshot, request, "", title, f"<h1>{esc(title)}</h1><p class='lead'>{message}</p>{link}")


def pgettext(context: str, message: str) -> tuple[str, str]:
    """Marks a message with its context for `make catalogs` (extracted as msgctxt); translated
    where a page is written, in the reader's language (Words.context)."""
    return context, message


# The menu: four short labels in one row on a phone 390 pixels wide, in every language; today's
# sessions and the whole agenda share "Agenda", and each of the two pages links to the other.
_MENU = (
    # Translators: the phones' menu (four short labels in one row): the draft road map
    ((ROADMAP,), pgettext("phones' menu", "Road map")),
    # Translators: the phones' menu: the agenda (today's sessions, now and next, and the whole agenda)
    ((TODAY, AGENDA), pgettext("phones' menu", "Agenda")),
    # Translators: the phones' menu: find your breakout group by typing your name
    ((GROUP,), pgettext("phones' menu", "My group")),
    # Translators: the phones' menu: what changed in the road map since the start of the day
    ((CHANGES,), pgettext("phones' menu", "Changes")),
)


def _header(snapshot: SiteSnapshot, request: Request, page: str) -> str:
    """The workshop's title, the menu (a label may take two lines within its place) and the
    language switch."""
    _ = request.words
    links = "".join(
        f'<a href="{request.link(names[0])}"' + (' aria-current="page"' if page in names else "")
        + f">{esc(_.context(*label))}</a>" for names, label in _MENU)
    # Translators: the label of the phones' menu, read out by screen readers
    menu = esc(_("Pages"))
    return (f'<header><p class="workshop" dir="auto">{esc(snapshot.title)}</p>'
            f'<nav class="menu" aria-label="{menu}">{links}</nav>{_languages(snapshot, request, page)}</header>')


def agenda_switch(request: Request, page: str) -> str:
    """Today's sessions or the whole agenda, the two pages of the menu's "Agenda"."""
    _ = request.words
    # Translators: on the phones, the two views of the agenda: today's sessions, and every day's
    views = ((TODAY, _("Today")), (AGENDA, _("The whole agenda")))
    links = "".join(f'<a href="{request.link(name)}"' + (' aria-current="page"' if name == page else "")
                    + f">{esc(label)}</a>" for name, label in views)
    # Translators: the label of the switch between today's sessions and the whole agenda, read out by screen readers
    label = esc(_("Agenda views"))
    return f'<nav class="views" aria-label="{label}">{links}</nav>'


def _languages(snapshot: SiteSnapshot, request: Request, page: str) -> str:
    """Links to the same page in the workshop's other working languages (each in its own words)."""
    offered = list(snapshot.languages)
    if request.language not in offered:
        offered.append(request.language)
    if len(offered) < 2:
        return ""
    params = {key: value for key, value in request.query.items() if key != "lang"}
    links = []
    for code in offered:
        values = urlencode({**params, "lang": code})
        current = ' aria-current="true"' if code == request.language else ""
        links.append(f'<a href="{esc(f"./{page}?{values}")}" lang="{code}" hreflang="{code}"{current}>'
                     f"{esc(LANGUAGES[code])}</a>")
    _ = request.words
    # Translators: the label of the phones' language switch, read out by screen readers
    label = esc(_("Language"))
    return f'<p class="languages" aria-label="{label}">{" ".join(links)}</p>'


def _footer(request: Request) -> str:
    _ = request.words
    # Translators: at the bottom of every page on the phones
    note = _("A read-only copy of the draft, shared from the facilitator's computer. It follows the draft as it "
             "changes.")
    return f'<footer><p>{esc(note)}</p></footer>'
