"""The workshop's own words: the fixed choices the brief names, stored as short keys.

Keys are what the file stores and the command line accepts; labels are English, marked for the
catalogs with N_(), and translated with _() where they are shown.
"""

from workshop_app.i18n.catalogs import N_

ORGANIZATION_CATEGORIES = {
    "government": N_("Government"),
    "workers": N_("Workers' organization"),
    "employers": N_("Employers' / business membership organization"),
    "un": N_("UN or international organization"),
    "regional": N_("Regional organization"),
    "civil_society": N_("Civil society"),
    "academic": N_("Academic institution"),
    "development_partner": N_("Development partner"),
    # Translators: an organization category (also a participant's sex: both use this one word)
    "other": N_("Other"),
}

SEXES = {
    "female": N_("Female"),
    "male": N_("Male"),
    "other": N_("Other"),
    "not_stated": N_("Not stated"),
}

PARTICIPANT_ROLES = {
    "participant": N_("Participant"),
    "resource_person": N_("Resource person"),
    "facilitator": N_("Facilitator"),
    "observer": N_("Observer"),
    "organiser": N_("Organiser"),
}

SESSION_TYPES = {
    # Translators: a type of agenda session (the workshop's opening session)
    "opening": N_("Opening"),
    "plenary": N_("Plenary"),
    "presentation": N_("Presentation"),
    "group_work": N_("Group work"),
    # Translators: a type of agenda session (a coffee break)
    "break": N_("Break"),
    "meal": N_("Meal"),
    # Translators: a type of agenda session (the workshop's closing session)
    "closing": N_("Closing"),
}

NODE_LEVELS = ("goal", "outcome", "output", "action")
# Translators: the four levels of the road map: Goal > Outcome > Output > Action
NODE_LEVEL_LABELS = {"goal": N_("Goal"), "outcome": N_("Outcome"), "output": N_("Output"), "action": N_("Action")}

ACTION_STATUSES = {
    # Translators: the status of a road-map action (also Agreed, In progress, Done, Dropped)
    "proposed": N_("Proposed"),
    "agreed": N_("Agreed"),
    "in_progress": N_("In progress"),
    "done": N_("Done"),
    "dropped": N_("Dropped"),
}

PARTNER_ROLES = {
    # Translators: the role of a partner organization in a road-map action: it leads the action
    "lead": N_("Lead"),
    # Translators: the role of a partner organization in a road-map action: it supports the action
    "support": N_("Support"),
    "consulted": N_("Consulted"),
    "informed": N_("Informed"),
    "funder": N_("Funder"),
}

ISSUE_TAGS = {
    "forced_labour": N_("Forced labour"),
    "child_labour": N_("Child labour"),
    "trafficking": N_("Human trafficking"),
    "modern_slavery": N_("Modern slavery"),
    "child_soldiers": N_("Child soldiers"),
}

PILLAR_TAGS = {
    "prevention": N_("Prevention"),
    "protection": N_("Protection"),
    "prosecution": N_("Prosecution"),
    "partnership": N_("Partnership"),
}

# The four Alliance 8.7 Action Groups (GB.335/INS/INF/4, paragraph 13).
ACTION_GROUPS = {
    "migration": N_("Migration"),
    "rule_of_law": N_("Rule of Law and Governance"),
    "conflicts": N_("Conflicts and Humanitarian Settings"),
    "supply_chains": N_("Supply Chains"),
}

# SDGs the brief links to target 8.7 (paragraphs 4-5 of the source document).
RELATED_SDGS = (1, 4, 5, 8, 10, 16, 17)

GENDER_MARKERS = {
    0: N_("0 - not expected to contribute to gender equality"),
    1: N_("1 - limited contribution"),
    2: N_("2 - significant contribution"),
    3: N_("3 - gender equality is the principal objective"),
}

# Translators: the status of a plenary comment: still open (not yet addressed), or addressed
COMMENT_STATUSES = {"open": N_("Open"), "addressed": N_("Addressed")}

# Countries that asked to become Alliance 8.7 pathfinders (source document, paragraph 21).
PATHFINDER_COUNTRIES = ("AL", "CL", "FJ", "MG", "MW", "MR", "MX", "MA", "NP", "NG", "PE", "LK", "TN", "UG", "VN")

# The national action plan's texts only the country can write: section -> (its name, what goes there).
PLAN_TEXTS = {
    "foreword": (N_("Foreword"), N_("A word from the minister or the chair of the steering committee: why the "
                                    "country commits to this plan.")),
    "summary": (N_("Executive summary"), N_("What the plan sets out to change, in a few paragraphs. The first year's "
                                            "priorities are listed after it from the road map.")),
    "definitions": (N_("Definitions in national law"), N_("The national laws that define child labour, forced labour "
                                                          "and trafficking in persons, and where they differ from the "
                                                          "international standards the plan quotes.")),
    "framework": (N_("Legal and institutional framework"), N_("The conventions and protocols ratified and when, the "
                                                              "laws and policies in force, and the bodies that "
                                                              "already act.")),
    "arrangements": (N_("Implementation and coordination"), N_("Who steers the plan (steering committee, chair, "
                                                               "secretariat), the focal points in each institution "
                                                               "and how they report.")),
    "monitoring": (N_("Monitoring and evaluation"), N_("Who collects the indicators, the reporting calendar, and "
                                                       "when the mid-term and final reviews take place.")),
    "acknowledgements": (N_("Acknowledgements"), N_("The institutions and people the country thanks for the plan.")),
    "endorsement": (N_("Endorsement"), N_("Who validated the plan, on what date and by which decision: "
                                          "“Validated by the National Steering Committee on 12 March 2027, "
                                          "decision No. 4/2027”.")),
    "signatories": (N_("Signatories"), N_("One line per signature block: name, title, institution.")),
}
