"""The road map on a phone: outcomes, outputs and actions with their codes, leads, timing and
status, a search box, and the form that sends a comment on an outcome or an action."""

from workshop_app.models import vocabulary as v
from workshop_app.models.roadmap.phone_comments import LONGEST_NAME, LONGEST_TEXT
from workshop_app.models.stakeholders.attendance import search_key
from workshop_app.share.labels import item_label, timing_text, vocabulary_label
from workshop_app.share.pages import COMMENT, ROADMAP, Request, esc, fill, frame, isolated, message_page
from workshop_app.share.snapshot import Entry, SiteSnapshot

LONGEST_QUERY = 100
# A browser counts a field's maxlength in UTF-16 units, where an emoji takes two: a box limited to
# 1,000 would stop a comment of 600 characters with emoji. The boxes let in the most units their
# limit in characters could take, and the site, which counts characters, says what is too long.
_UNITS_A_CHARACTER = 2


def roadmap_page(snapshot: SiteSnapshot, request: Request) -> str:
    _ = request.words
    query = " ".join(request.query.get("q", "").split())[:LONGEST_QUERY]
    title = _("Road map")
    parts = [f"<h1>{esc(title)}</h1>"]
    for goal in snapshot.goals:
        parts.append(f'<p class="goal"><span class="label">{esc(item_label(_, "goal", ""))}</span> '
                     f'<span class="title" dir="auto">{esc(goal.title)}</span></p>')
    parts.append(_search_form(request, query))
    outcomes = [outcome for goal in snapshot.goals for outcome in goal.children]
    if not outcomes:
        empty = _("The road map is still empty.")
        parts.append(f'<p class="muted">{esc(empty)}</p>')
    elif query:
        parts.append(_found(outcomes, query, request))
    else:
        parts.append(_contents(outcomes, request))
        parts += [_outcome(outcome, request) for outcome in outcomes]
    parts.append(_share_code(request))
    return frame(snapshot, request, ROADMAP, title, "\n".join(parts))


def comment_page(snapshot: SiteSnapshot, request: Request, node_id: str, *, text: str = "", name: str = "",
                 organization: str = "", problem: str = "") -> str:
    """The form for a comment on one outcome or action; again with what was typed and the
    problem, when a comment was refused."""
    _ = request.words
    entry = snapshot.commented.get(node_id)
    if entry is None:
        return gone_page(snapshot, request)
    label = item_label(_, entry.level, entry.code)
    # Translators: the heading of the phones' comment form; {item} is "Action 2.1.3" or "Outcome 1"
    title = _("Comment on {item}", item=label)
    alert = f'<p class="problem" role="alert">{esc(problem)}</p>' if problem else ""
    # Translators: the label of the comment box on the phones; {most} is 1,000
    box = _("Your comment (at most {most} characters)", most=_.number(LONGEST_TEXT))
    # Translators: the label of a field of the phones' comment form that may be left empty
    your_name = _("Your name (optional)")
    your_organization = _("Your organization (optional)")
    # Translators: the button that sends a comment from a phone to the facilitator
    send = _("Send to the facilitator")
    # Translators: under the comment form on the phones
    note = _("Your comment goes to the facilitator, who reads it before it is added to the road map. "
             "Nothing you send changes the draft by itself.")
    body = (
        f"<h1>{esc(title)}</h1><p class='quoted' dir='auto'>{esc(entry.title)}</p>{alert}"
        f'<form method="post" action="{request.link(COMMENT)}" accept-charset="utf-8">'
        f'<input type="hidden" name="on" value="{esc(entry.id)}">'
        f'<input type="hidden" name="lang" value="{esc(request.language)}">'
        f'<label for="text">{esc(box)}</label>'
        f'<textarea id="text" name="text" rows="6" maxlength="{LONGEST_TEXT * _UNITS_A_CHARACTER}" required '
        f'dir="auto">{esc(text)}'
        f"</textarea>"
        f'<label for="name">{esc(your_name)}</label>'
        f'<input id="name" name="name" maxlength="{LONGEST_NAME * _UNITS_A_CHARACTER}" autocomplete="name" dir="auto" '
        f'value="{esc(name)}">'
        f'<label for="organization">{esc(your_organization)}</label>'
        f'<input id="organization" name="organization" maxlength="{LONGEST_NAME * _UNITS_A_CHARACTER}" '
        f'autocomplete="organization" '
        f'dir="auto" value="{esc(organization)}">'
        f'<button type="submit">{esc(send)}</button></form>'
        f"<p class='muted'>{esc(note)}</p>"
    )
    return frame(snapshot, request, "", title, body)


def sent_page(snapshot: SiteSnapshot, request: Request, node_id: str) -> str:
    _ = request.words
    entry = snapshot.commented.get(node_id)
    # Translators: the heading of the phones' page after a comment was sent
    title = _("Thank you")
    if entry is None:
        message = esc(_("Your comment was received. The facilitator will read it."))
    else:
        # Translators: after a comment was sent from a phone; {item} is "Action 2.1.3" or "Outcome 1"
        message = esc(_("Your comment on {item} was received. The facilitator will read it.",
                        item=item_label(_, entry.level, entry.code)))
    back = request.link(ROADMAP) + (f"#n-{esc(entry.id)}" if entry else "")
    return message_page(snapshot, request, title, message, back)


def gone_page(snapshot: SiteSnapshot, request: Request) -> str:
    _ = request.words
    # Translators: on the phones, for a comment on an item that was removed from the road map meanwhile
    title = _("This item is no longer in the road map")
    return message_page(snapshot, request, title, esc(_("It may have been removed or merged with another item.")),
                        request.link(ROADMAP))


# ---------------------------------------------------------------------------------- internals

def _search_form(request: Request, query: str) -> str:
    _ = request.words
    # Translators: the label of the search box of the road map on the phones
    label = _("Search the road map (a code, a word, a lead)")
    # Translators: the button of a search box on the phones
    search = _("Search")
    return (f'<form class="search" method="get" action="./" role="search">'
            f'<label for="q">{esc(label)}</label><div class="row">'
            f'<input type="search" id="q" name="q" value="{esc(query)}" maxlength="{LONGEST_QUERY}" dir="auto">'
            f'<input type="hidden" name="lang" value="{esc(request.language)}">'
            f'<button type="submit">{esc(search)}</button></div></form>')


def _share_code(request: Request) -> str:
    """The site's QR code, for a neighbour whose phone has not found the page yet."""
    _ = request.words
    # Translators: under the road map on the phones, beside the QR code of the page's address
    text = _("Show this code to a neighbour: their phone opens the draft too.")
    # Translators: the description of the QR code image, read out by screen readers
    image = _("QR code of this page's address")
    return (f'<section class="share-code"><img src="qr.svg" alt="{esc(image)}" width="216" height="216">'
            f'<p class="muted">{esc(text)}</p></section>')


def _contents(outcomes: list[Entry], request: Request) -> str:
    """Links to each outcome, so that a long road map is one tap from any part."""
    _ = request.words
    links = "".join(f'<li><a href="#n-{esc(outcome.id)}" dir="auto"><span class="code">{esc(outcome.code)}</span> '
                    f"<span>{esc(outcome.title)}</span></a></li>" for outcome in outcomes)
    # Translators: the label of the list of outcomes at the top of the phones' road map
    label = _("Outcomes")
    return f'<nav class="contents" aria-label="{esc(label)}"><ol>{links}</ol></nav>'


def _outcome(outcome: Entry, request: Request, outputs: list | None = None) -> str:
    _ = request.words
    heading = item_label(_, "outcome", outcome.code)
    comment = _comment_link(outcome, request)
    parts = [f'<section class="outcome" id="n-{esc(outcome.id)}">'
             f'<h2><span class="label">{esc(heading)}</span> <span class="title" dir="auto">{esc(outcome.title)}</span>'
             f"</h2>"
             f"{comment}"]
    for output, actions in outputs if outputs is not None else ((o, o.children) for o in outcome.children):
        parts.append(f'<section class="output"><h3 dir="auto"><span class="code">{esc(output.code)}</span> '
                     f"<span>{esc(output.title)}</span></h3>")
        parts += [_action(action, request) for action in actions]
        parts.append("</section>")
    parts.append("</section>")
    return "".join(parts)


# Headings with a code and a title take the title's direction (dir="auto" reads past the code's
# digits), so an English title in an Arabic page reads from the left; the title is a plain span,
# since dir="auto" skips what is isolated in a <bdi>.


def _action(action: Entry, request: Request) -> str:
    _ = request.words
    facts = []
    if action.lead:
        facts.append((_("Lead"), f"<bdi>{esc(action.lead)}</bdi>"))
    timing = timing_text(_, action.start, action.end)
    if timing:
        facts.append((_("Timing"), esc(timing)))
    facts.append((_("Status"), f'<span class="status {esc(action.status)}">'
                               f"{esc(vocabulary_label(_, v.ACTION_STATUSES, action.status))}</span>"))
    listed = "".join(f"<dt>{esc(name)}</dt><dd>{value}</dd>" for name, value in facts)
    more = ""
    if action.description or action.partners:
        inner = f'<p dir="auto">{esc(action.description)}</p>' if action.description else ""
        if action.partners:
            partners = _.listed(
                # Translators: a partner of an action on the phones: "ILO (support)"
                fill(_("{organization} ({role})"), organization=isolated(esc(name)),
                     role=esc(vocabulary_label(_, v.PARTNER_ROLES, role).lower()))
                for name, role in action.partners)
            label = fill(_("{label}:"), label=esc(_("Partners")))
            inner += f"<p><b>{label}</b> {partners}</p>"
        # Translators: opens an action's description and partners on the phones
        details = _("Details")
        more = f"<details><summary>{esc(details)}</summary>{inner}</details>"
    return (f'<article class="action" id="n-{esc(action.id)}">'
            f'<h4 dir="auto"><span class="code">{esc(action.code)}</span> <span>{esc(action.title)}</span></h4>'
            f'<dl class="facts">{listed}</dl>{more}{_comment_link(action, request)}</article>')


def _comment_link(entry: Entry, request: Request) -> str:
    _ = request.words
    # Translators: a link under each outcome and action on the phones; {item} is "Action 2.1.3" or "Outcome 1"
    text = _("Comment on {item}", item=item_label(_, entry.level, entry.code))
    return f'<p class="comment"><a href="{request.link(COMMENT, on=entry.id)}">{esc(text)}</a></p>'


def _found(outcomes: list[Entry], query: str, request: Request) -> str:
    """The items whose code, title, description or lead holds every word typed, with the outcome
    and output they belong to; all of an outcome or output when it matches itself."""
    _ = request.words
    words = search_key(query).split()

    def matches(entry: Entry) -> bool:
        return all(word in entry.search_key for word in words)

    parts, count = [], 0
    for outcome in outcomes:
        if matches(outcome):
            shown = [(output, output.children) for output in outcome.children]
        else:
            shown = []
            for output in outcome.children:
                actions = output.children if matches(output) else tuple(a for a in output.children if matches(a))
                if actions or matches(output):
                    shown.append((output, actions))
        if shown or matches(outcome):
            count += sum(len(actions) for _output, actions in shown)
            parts.append(_outcome(outcome, request, shown))
    # The query stays a placeholder until the sentence is escaped, then comes in set apart.
    found = _.n("{count} action matches “{query}”", "{count} actions match “{query}”", count, query="{query}")
    # Translators: a link under the search results on the phones
    whole = _("Show the whole road map")
    everything = f'<a href="{request.link(ROADMAP)}">{esc(whole)}</a>'
    summary = f'<p class="found" role="status">{fill(found, query=isolated(esc(query)))} ' \
              f"· {everything}</p>"
    return summary + "".join(parts)
