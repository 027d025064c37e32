"""The workshop's own words: the fixed choices the brief names, stored as short keys.

Keys are what the file stores and the command line accepts; labels are English and are
translated by the user interface.
"""

ORGANIZATION_CATEGORIES = {
    "government": "Government",
    "workers": "Workers' organization",
    "employers": "Employers' / business membership organization",
    "un": "UN or international organization",
    "regional": "Regional organization",
    "civil_society": "Civil society",
    "academic": "Academic institution",
    "development_partner": "Development partner",
    "other": "Other",
}

SEXES = {
    "female": "Female",
    "male": "Male",
    "other": "Other",
    "not_stated": "Not stated",
}

PARTICIPANT_ROLES = {
    "participant": "Participant",
    "resource_person": "Resource person",
    "facilitator": "Facilitator",
    "observer": "Observer",
    "organiser": "Organiser",
}

SESSION_TYPES = {
    "opening": "Opening",
    "plenary": "Plenary",
    "presentation": "Presentation",
    "group_work": "Group work",
    "break": "Break",
    "meal": "Meal",
    "closing": "Closing",
}

NODE_LEVELS = ("goal", "outcome", "output", "action")
NODE_LEVEL_LABELS = {"goal": "Goal", "outcome": "Outcome", "output": "Output", "action": "Action"}

ACTION_STATUSES = {
    "proposed": "Proposed",
    "agreed": "Agreed",
    "in_progress": "In progress",
    "done": "Done",
    "dropped": "Dropped",
}

PARTNER_ROLES = {
    "lead": "Lead",
    "support": "Support",
    "consulted": "Consulted",
    "informed": "Informed",
    "funder": "Funder",
}

ISSUE_TAGS = {
    "forced_labour": "Forced labour",
    "child_labour": "Child labour",
    "trafficking": "Human trafficking",
    "modern_slavery": "Modern slavery",
    "child_soldiers": "Child soldiers",
}

PILLAR_TAGS = {
    "prevention": "Prevention",
    "protection": "Protection",
    "prosecution": "Prosecution",
    "partnership": "Partnership",
}

# The four Alliance 8.7 Action Groups (GB.335/INS/INF/4, paragraph 13).
ACTION_GROUPS = {
    "migration": "Migration",
    "rule_of_law": "Rule of Law and Governance",
    "conflicts": "Conflicts and Humanitarian Settings",
    "supply_chains": "Supply Chains",
}

# SDGs the brief links to target 8.7 (paragraphs 4-5 of the source document).
RELATED_SDGS = (1, 4, 5, 8, 10, 16, 17)

GENDER_MARKERS = {
    0: "0 - not expected to contribute to gender equality",
    1: "1 - limited contribution",
    2: "2 - significant contribution",
    3: "3 - gender equality is the principal objective",
}

COMMENT_STATUSES = {"open": "Open", "addressed": "Addressed"}

# Countries that asked to become Alliance 8.7 pathfinders (source document, paragraph 21).
PATHFINDER_COUNTRIES = ("AL", "CL", "FJ", "MG", "MW", "MR", "MX", "MA", "NP", "NG", "PE", "LK", "TN", "UG", "VN")
