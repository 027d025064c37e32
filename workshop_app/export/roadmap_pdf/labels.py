"""The words of the road-map PDF in the languages it can be printed in (English and French), and
the way it writes numbers, sums of money, dates and quarters in each.

A label missing from a translation falls back to English; a language without a translation
prints in English. User text is never translated and never passes through here.
"""

import datetime as dt
import re

from workshop_app.models import vocabulary as v

ENGLISH = "en"

_EN = {
    "kind": "Road map",
    "report_title": "National road map towards SDG target 8.7",
    "eyebrow": "Alliance 8.7 · Pathfinder country",
    "page": "Page {page} of {pages}",
    "draft": "DRAFT",
    "contents": "Contents",
    "annex": "Annex {letter}",
    # cover
    "cover.dates": "Dates",
    "cover.venue": "Venue",
    "cover.version": "Version",
    "cover.printed": "Printed",
    "cover.goal": "Goal",
    "cover.target_label": "SDG target 8.7",
    "cover.target": ("“Take immediate and effective measures to eradicate forced labour, end modern slavery and human "
                     "trafficking and secure the prohibition and elimination of the worst forms of child labour, "
                     "including recruitment and use of child soldiers, and by 2025 end child labour in all its "
                     "forms.”"),
    "cover.current_draft": "Current draft (not frozen as a version)",
    "cover.validated": "{name} · validated",
    "cover.not_validated": "{name} · draft, not yet validated",
    "cover.frozen_on": "frozen on {date}",
    "footer.version": "Version: {name}",
    "footer.draft": "Draft",
    # sections
    "section.context": "Context",
    "section.workshop": "The workshop",
    "section.roadmap": "The road map",
    "section.timeline": "Timeline",
    "section.monitoring": "Monitoring and evaluation framework",
    "section.budget": "Budget summary",
    "section.responsibilities": "Responsibilities",
    "section.participants": "List of participants",
    "section.agenda": "Agenda",
    "section.comments": "Open plenary comments",
    # context
    "context.objectives": "Objectives of the workshop",
    "context.national": "National context",
    "context.global": "The global picture",
    "context.none": "Not recorded in the workshop file.",
    "global.slavery": "people in modern slavery: 25 million in forced labour and 15 million in forced marriage",
    "global.children": "children in child labour: 88 million boys and 64 million girls",
    "global.hazardous": "children in hazardous work",
    "global.pathfinders": "pathfinder countries committed to go further or faster",
    "global.million": "million",
    "global.text": ("Child labour declined by 38 per cent from 2000 to 2016, but the pace of progress has slowed, "
                    "and there is little evidence of a reduction in forced labour since 2005. At the current rate "
                    "the world will fall short of target 8.7. Alliance 8.7, launched in 2016, brings together over "
                    "150 partners; the ILO's IPEC+ programme is operational in 51 countries. Pathfinder countries "
                    "commit to go further or faster, and their national workshops result in joint plans of action "
                    "that serve as Alliance 8.7 road maps."),
    "global.source": ("Source: ILO, Update on the Alliance 8.7 of the 2030 Agenda for Sustainable Development, "
                      "Governing Body, 335th Session, GB.335/INS/INF/4 (Geneva, March 2019), paragraphs 1, 3, 14, "
                      "15, 16, 21 and 30."),
    # workshop
    "workshop.facts": "The workshop at a glance",
    "workshop.dates": "Dates",
    "workshop.venue": "Venue",
    "workshop.days": "Days",
    "workshop.participants": "Participants",
    "workshop.organizations": "Organizations",
    "workshop.women": "{count} women ({share})",
    "workshop.participation": "Participation by organization category and sex",
    "workshop.agenda": "The agenda in summary",
    "workshop.no_participants": "No participants recorded yet.",
    "workshop.no_agenda": "No agenda recorded yet.",
    "workshop.chart_note": "Participants by organization category; bars divided by sex.",
    "table.category": "Organization category",
    "table.total": "Total",
    "table.women_share": "Women",
    "table.all": "All participants",
    "table.no_organization": "No organization",
    "agenda.parallel": "{count} in parallel",
    "agenda.time": "Time",
    "agenda.session": "Session",
    "agenda.details": "Type · room",
    "agenda.people": "Facilitator and speakers",
    "agenda.facilitator": "Facilitator",
    "agenda.speakers": "Speakers",
    "agenda.day": "Day {number}",
    "agenda.no_sessions": "No sessions planned for this day.",
    # road map
    "roadmap.goal": "Goal",
    "roadmap.overview": "Outcomes at a glance",
    "roadmap.outcome": "Outcome {code}",
    "roadmap.output": "Output {code}",
    "roadmap.outputs": "Outputs",
    "roadmap.actions": "Actions",
    "roadmap.cost": "Estimated cost",
    "roadmap.gap": "Funding gap",
    "roadmap.none": "The road map has no outcomes yet.",
    "roadmap.no_actions": "No actions yet.",
    "count.output": "{n} output|{n} outputs",
    "count.action": "{n} action|{n} actions",
    "count.more": "+{n} more",
    "roadmap.intro": ("For each outcome, its outputs and the actions that deliver them: who leads, who takes part, "
                      "when, at what status, the estimated cost and what remains to be funded."),
    "col.code": "Code",
    "col.action": "Action",
    "col.lead": "Lead",
    "col.partners": "Partners",
    "col.timing": "Timing",
    "col.status": "Status",
    "col.cost": "Cost",
    "col.gap": "Funding gap",
    "col.outcome": "Outcome",
    "not_costed": "not costed",
    "no_dates": "no dates",
    # timeline
    "timeline.intro": "Actions by quarter; each bar runs from the action's start to its end, coloured by status.",
    "timeline.undated": "Actions without dates: {codes}.",
    "timeline.none": "No action has a start or an end yet.",
    "timeline.quarter": "Q{q}",
    # monitoring
    "me.intro": "How progress towards each outcome and output will be measured.",
    "me.indicator": "Indicator",
    "me.unit": "Unit",
    "me.baseline": "Baseline",
    "me.target": "Target",
    "me.disaggregation": "Disaggregation",
    "me.verification": "Means of verification",
    "me.collected_by": "Collected by",
    "me.frequency": "Frequency",
    "me.none": "No indicators have been defined yet.",
    # budget
    "budget.intro": ("Amounts are given in the currency each action was costed in; different currencies are "
                     "never added together. Dropped actions are not counted."),
    "budget.overall": "Totals per currency",
    "budget.per_outcome": "Per outcome",
    "budget.currency": "Currency",
    "budget.actions": "Actions",
    "budget.cost": "Estimated cost",
    "budget.secured": "Funding secured",
    "budget.gap": "Funding gap",
    "budget.funded": "Funded",
    "budget.uncosted": "Not costed",
    "budget.no_currency": "(no currency)",
    "budget.none": "No action has an estimated cost yet.",
    "budget.chart_note": "Share of the estimated cost secured (dark) and still to be funded (light), per currency.",
    # responsibilities
    "resp.intro": "Who leads and who takes part in which actions (action codes).",
    "resp.organization": "Organization",
    "resp.none": "No organization is named as lead or partner yet.",
    # annexes
    "people.no": "No.",
    "people.name": "Name",
    "people.title": "Title",
    "people.organization": "Organization",
    "people.email": "E-mail",
    "people.phone": "Phone",
    "people.count": "{count} participants, in alphabetical order.",
    "people.contacts_hidden": "Contact details are not included in this edition.",
    "comments.item": "Item",
    "comments.comment": "Comment",
    "comments.from": "From",
    "comments.date": "Date",
    "comments.intro": "Comments raised in plenary that are still open.",
}

_FR = {
    "kind": "Feuille de route",
    "report_title": "Feuille de route nationale vers la cible 8.7 des ODD",
    "eyebrow": "Alliance 8.7 · Pays pionnier",
    "page": "Page {page} sur {pages}",
    "draft": "PROJET",
    "contents": "Table des matières",
    "annex": "Annexe {letter}",
    "cover.dates": "Dates",
    "cover.venue": "Lieu",
    "cover.version": "Version",
    "cover.printed": "Imprimé le",
    "cover.goal": "Objectif général",
    "cover.target_label": "Cible 8.7 des ODD",
    "cover.target": ("« Prendre des mesures immédiates et efficaces pour supprimer le travail forcé, mettre fin à "
                     "l'esclavage moderne et à la traite d'êtres humains, interdire et éliminer les pires formes de "
                     "travail des enfants, y compris le recrutement et l'utilisation d'enfants soldats, et, d'ici à "
                     "2025, mettre fin au travail des enfants sous toutes ses formes. »"),
    "cover.current_draft": "Projet en cours (non figé en version)",
    "cover.validated": "{name} · validée",
    "cover.not_validated": "{name} · projet, pas encore validé",
    "cover.frozen_on": "figée le {date}",
    "footer.version": "Version : {name}",
    "footer.draft": "Projet",
    "section.context": "Contexte",
    "section.workshop": "L'atelier",
    "section.roadmap": "La feuille de route",
    "section.timeline": "Calendrier",
    "section.monitoring": "Cadre de suivi et d'évaluation",
    "section.budget": "Synthèse budgétaire",
    "section.responsibilities": "Responsabilités",
    "section.participants": "Liste des participants",
    "section.agenda": "Programme",
    "section.comments": "Commentaires de la plénière en suspens",
    "context.objectives": "Objectifs de l'atelier",
    "context.national": "Contexte national",
    "context.global": "La situation mondiale",
    "context.none": "Non renseigné dans le fichier de l'atelier.",
    "global.slavery": "personnes en situation d'esclavage moderne : 25 millions en travail forcé et 15 millions "
                      "en mariage forcé",
    "global.children": "enfants astreints au travail : 88 millions de garçons et 64 millions de filles",
    "global.hazardous": "enfants effectuant des travaux dangereux",
    "global.pathfinders": "pays pionniers engagés à aller plus loin ou plus vite",
    "global.million": "millions",
    "global.text": ("Le travail des enfants a reculé de 38 pour cent entre 2000 et 2016, mais les progrès ont "
                    "ralenti, et rien n'indique une baisse du travail forcé depuis 2005. Au rythme actuel, la cible "
                    "8.7 ne sera pas atteinte. L'Alliance 8.7, lancée en 2016, réunit plus de 150 partenaires ; le "
                    "programme IPEC+ de l'OIT est actif dans 51 pays. Les pays pionniers s'engagent à aller plus "
                    "loin ou plus vite, et leurs ateliers nationaux aboutissent à des plans d'action conjoints qui "
                    "servent de feuilles de route de l'Alliance 8.7."),
    "global.source": ("Source : BIT, Le point sur l'Alliance 8.7 du Programme de développement durable à l'horizon "
                      "2030, Conseil d'administration, 335e session, GB.335/INS/INF/4 (Genève, mars 2019), "
                      "paragraphes 1, 3, 14, 15, 16, 21 et 30."),
    "workshop.facts": "L'atelier en bref",
    "workshop.dates": "Dates",
    "workshop.venue": "Lieu",
    "workshop.days": "Jours",
    "workshop.participants": "Participants",
    "workshop.organizations": "Organisations",
    "workshop.women": "{count} femmes ({share})",
    "workshop.participation": "Participation par catégorie d'organisation et par sexe",
    "workshop.agenda": "Le programme en résumé",
    "workshop.no_participants": "Aucun participant enregistré.",
    "workshop.no_agenda": "Aucun programme enregistré.",
    "workshop.chart_note": "Participants par catégorie d'organisation ; barres réparties par sexe.",
    "table.category": "Catégorie d'organisation",
    "table.total": "Total",
    "table.women_share": "Femmes",
    "table.all": "Ensemble des participants",
    "table.no_organization": "Sans organisation",
    "agenda.parallel": "{count} en parallèle",
    "agenda.time": "Horaire",
    "agenda.session": "Séance",
    "agenda.details": "Type · salle",
    "agenda.people": "Animation et intervenants",
    "agenda.facilitator": "Animation",
    "agenda.speakers": "Intervenants",
    "agenda.day": "Jour {number}",
    "agenda.no_sessions": "Aucune séance prévue ce jour.",
    "roadmap.goal": "Objectif général",
    "roadmap.overview": "Les résultats en bref",
    "roadmap.outcome": "Résultat {code}",
    "roadmap.output": "Produit {code}",
    "roadmap.outputs": "Produits",
    "roadmap.actions": "Actions",
    "roadmap.cost": "Coût estimé",
    "roadmap.gap": "Besoin de financement",
    "roadmap.none": "La feuille de route n'a pas encore de résultats.",
    "roadmap.no_actions": "Pas encore d'actions.",
    "count.output": "{n} produit|{n} produits",
    "count.action": "{n} action|{n} actions",
    "count.more": "+{n} autres",
    "roadmap.intro": ("Pour chaque résultat, ses produits et les actions qui les réalisent : qui pilote, qui y "
                      "participe, quand, à quel stade, le coût estimé et ce qui reste à financer."),
    "col.code": "Code",
    "col.action": "Action",
    "col.lead": "Chef de file",
    "col.partners": "Partenaires",
    "col.timing": "Période",
    "col.status": "Statut",
    "col.cost": "Coût",
    "col.gap": "Besoin de financement",
    "col.outcome": "Résultat",
    "not_costed": "non chiffré",
    "no_dates": "sans dates",
    "timeline.intro": ("Actions par trimestre ; chaque barre va du début à la fin de l'action, en couleur selon "
                       "son statut."),
    "timeline.undated": "Actions sans dates : {codes}.",
    "timeline.none": "Aucune action n'a encore de début ni de fin.",
    "timeline.quarter": "T{q}",
    "me.intro": "Comment les progrès vers chaque résultat et chaque produit seront mesurés.",
    "me.indicator": "Indicateur",
    "me.unit": "Unité",
    "me.baseline": "Situation de référence",
    "me.target": "Cible",
    "me.disaggregation": "Ventilation",
    "me.verification": "Moyens de vérification",
    "me.collected_by": "Collecte",
    "me.frequency": "Fréquence",
    "me.none": "Aucun indicateur n'a encore été défini.",
    "budget.intro": ("Les montants sont donnés dans la monnaie de chaque action ; des monnaies différentes ne "
                     "sont jamais additionnées. Les actions abandonnées ne sont pas comptées."),
    "budget.overall": "Totaux par monnaie",
    "budget.per_outcome": "Par résultat",
    "budget.currency": "Monnaie",
    "budget.actions": "Actions",
    "budget.cost": "Coût estimé",
    "budget.secured": "Financement acquis",
    "budget.gap": "Besoin de financement",
    "budget.funded": "Financé",
    "budget.uncosted": "Non chiffrées",
    "budget.no_currency": "(sans monnaie)",
    "budget.none": "Aucune action n'a encore de coût estimé.",
    "budget.chart_note": "Part du coût estimé déjà financée (foncé) et restant à financer (clair), par monnaie.",
    "resp.intro": "Qui pilote et qui participe à quelles actions (codes des actions).",
    "resp.organization": "Organisation",
    "resp.none": "Aucune organisation n'est encore nommée comme chef de file ou partenaire.",
    "people.no": "N°",
    "people.name": "Nom",
    "people.title": "Fonction",
    "people.organization": "Organisation",
    "people.email": "Courriel",
    "people.phone": "Téléphone",
    "people.count": "{count} participants, par ordre alphabétique.",
    "people.contacts_hidden": "Les coordonnées ne figurent pas dans cette édition.",
    "comments.item": "Élément",
    "comments.comment": "Commentaire",
    "comments.from": "Auteur",
    "comments.date": "Date",
    "comments.intro": "Commentaires formulés en plénière et encore en suspens.",
}

_VOCABULARY_FR = {
    "status": {"proposed": "Proposée", "agreed": "Convenue", "in_progress": "En cours", "done": "Réalisée",
               "dropped": "Abandonnée"},
    "category": {"government": "Gouvernement", "workers": "Organisation de travailleurs",
                 "employers": "Organisation d'employeurs / d'entreprises", "un": "ONU ou organisation internationale",
                 "regional": "Organisation régionale", "civil_society": "Société civile",
                 "academic": "Institution universitaire", "development_partner": "Partenaire de développement",
                 "other": "Autre"},
    "sex": {"female": "Femmes", "male": "Hommes", "other": "Autre", "not_stated": "Non précisé"},
    "partner_role": {"lead": "Chef de file", "support": "Appui", "consulted": "Consulté", "informed": "Informé",
                     "funder": "Bailleur"},
    "session_type": {"opening": "Ouverture", "plenary": "Plénière", "presentation": "Présentation",
                     "group_work": "Travail de groupe", "break": "Pause", "meal": "Repas", "closing": "Clôture"},
}
_VOCABULARY_EN = {
    "status": v.ACTION_STATUSES,
    "category": v.ORGANIZATION_CATEGORIES,
    # Plural on the PDF: the columns count people.
    "sex": {"female": "Women", "male": "Men", "other": "Other", "not_stated": "Not stated"},
    "partner_role": v.PARTNER_ROLES,
    "session_type": v.SESSION_TYPES,
}
# Shorter category names where a chart has little room for them.
_SHORT_CATEGORY = {
    "en": {"employers": "Employers' / business org.", "un": "UN / international org.",
           "workers": "Workers' organization", "development_partner": "Development partner"},
    "fr": {"employers": "Employeurs / entreprises", "un": "ONU / org. internationale",
           "workers": "Org. de travailleurs", "development_partner": "Partenaire de dével."},
}

_MONTHS = {
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
    "fr": ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
           "novembre", "décembre"),
}
_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_TRANSLATIONS = {"en": (_EN, _VOCABULARY_EN), "fr": (_FR, _VOCABULARY_FR)}
LANGUAGES = tuple(_TRANSLATIONS)

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_THIN_SPACE = "\u202f"  # French groups digits with a narrow no-break space


class Labels:
    """The words and formats of one language (English when `lang` has no translation)."""

    def __init__(self, lang: str | None):
        code = (lang or ENGLISH).strip().lower().replace("_", "-").split("-")[0]
        self.lang = code if code in _TRANSLATIONS else ENGLISH
        words, vocabulary = _TRANSLATIONS[self.lang]
        self._words = {**_EN, **words}
        self._vocabulary = {kind: {**_VOCABULARY_EN[kind], **vocabulary.get(kind, {})} for kind in _VOCABULARY_EN}

    def __getitem__(self, key: str) -> str:
        return self._words[key]

    def get(self, key: str, **values) -> str:
        return self._words[key].format(**values)

    @property
    def colon(self) -> str:
        """': ' in English; French sets a no-break space before the colon."""
        return "\u00a0: " if self.lang == "fr" else ": "

    def count(self, key: str, n: int) -> str:
        """'1 output', '3 outputs' (French counts 0 and 1 as singular)."""
        singular, plural = self._words[f"count.{key}"].split("|")
        one = n in (0, 1) if self.lang == "fr" else n == 1
        return (singular if one else plural).format(n=self.number(n))

    # ------------------------------------------------------------------ vocabulary

    def word(self, kind: str, key: str | None) -> str:
        """The label of a vocabulary key ("status", "category", "sex", "partner_role", "session_type")."""
        if key is None:
            return ""
        return self._vocabulary[kind].get(key, key)

    def short_category(self, key: str) -> str:
        return _SHORT_CATEGORY.get(self.lang, {}).get(key) or self.word("category", key)

    # ------------------------------------------------------------------ numbers

    def number(self, value: float | int) -> str:
        """1234567 -> '1,234,567' (en) or '1 234 567' (fr); decimals only when there are cents."""
        whole = abs(value - round(value)) < 0.005
        text = f"{round(value):,}" if whole else f"{value:,.2f}"
        if self.lang == "fr":
            text = text.replace(",", _THIN_SPACE).replace(".", ",")
        return text

    def money(self, amount: float | None, currency: str) -> str:
        if amount is None:
            return ""
        number = self.number(amount)
        if not currency:
            return number
        return f"{number} {currency}" if self.lang == "fr" else f"{currency} {number}"

    def percent(self, share: float | None) -> str:
        if share is None:
            return "–"
        value = f"{share * 100:.0f}"
        return f"{value}{_THIN_SPACE}%" if self.lang == "fr" else f"{value}%"

    # ------------------------------------------------------------------ dates

    def long_date(self, value: str | None, *, weekday: bool = True) -> str:
        """'2027-03-09' -> 'Tuesday 9 March 2027' / 'mardi 9 mars 2027'."""
        if not value:
            return ""
        day = dt.date.fromisoformat(value)
        text = f"{day.day} {_MONTHS[self.lang][day.month - 1]} {day.year}"
        if self.lang == "fr" and day.day == 1:
            text = "1er" + text[1:]
        return f"{_WEEKDAYS[self.lang][day.weekday()]} {text}" if weekday else text

    def date_range(self, start: str | None, end: str | None) -> str:
        """'9–11 March 2027', '30 March – 2 April 2027', or one long date."""
        if not start:
            return ""
        if not end or end == start:
            return self.long_date(start)
        first, last = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        last_text = self.long_date(end, weekday=False)
        if (first.year, first.month) == (last.year, last.month):
            return f"{self.long_date(start, weekday=False).split(' ')[0]}–{last_text}"
        first_text = self.long_date(start, weekday=False)
        if first.year == last.year:
            first_text = first_text.rsplit(" ", 1)[0]
        return f"{first_text} – {last_text}"

    def quarter(self, value: str | None) -> str:
        """'2027-Q2' -> 'Q2 2027' (T2 2027 in French); a date -> '9 Mar 2027'."""
        if not value:
            return ""
        found = _QUARTER.match(value)
        if found:
            return f"{self.get('timeline.quarter', q=found.group(2))} {found.group(1)}"
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        return f"{day.day} {_MONTHS[self.lang][day.month - 1][:3]} {day.year}"

    def timing(self, start: str | None, end: str | None) -> str:
        """'Q2 2027 – Q4 2028': a narrow column breaks it after the dash, never inside a quarter."""
        first, last = self.quarter(start).replace(" ", "\u00a0"), self.quarter(end).replace(" ", "\u00a0")
        if first and last:
            return first if first == last else f"{first} – {last}"
        return first or last or self["no_dates"]
