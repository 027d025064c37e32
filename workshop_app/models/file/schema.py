"""Schema of the .workshop file.

One SQLite file is one workshop. Every row carries a UUID text id so that rows keep their
identity when a road map is re-imported from Excel or a breakout laptop's file is merged.
Derived facts (action codes, start times, funding gaps, women's share) are never stored.

Format 5 adds the workshop's own record of each handout it wrote: the group's part and digests
of what the handout was written with. A merge takes the part from there, never from the handout
file, which the group holds and could change by other means than the program. A new table only.

Format 4 adds breakout handouts: a handout file names its part of the road map and keeps the
rows as they were when it was handed out (the base of a three-way merge); a workshop file keeps
which handouts were merged back and which of its rows and fields each one changed. It also keeps
the comments participants send from their phones until the facilitator accepts or dismisses
them. New tables only, like format 3.

Format 3 adds what a national action plan prints beyond the road map: the texts only the country
can write (plan_text), the reference figures the context cites, acronyms the facilitator adds and
each action's funding sources. They are new tables only, so a format-2 file is upgraded by
creating them.

Format 2 makes the file enforce its types itself: every table is STRICT (a cost typed as
"45 000 000" is refused instead of being stored as text that sorts above every number), and
CHECK constraints hold dates, times, years, quarters and amounts in range. Format 1 files are
brought up to it by file.upgrades.
"""

import sqlite3

from workshop_app.models import vocabulary as v

# "PWS1" read as a big-endian integer: the bytes at offset 68 of every workshop file.
APPLICATION_ID = 0x50575331
SCHEMA_VERSION = 5

MINUTES_IN_A_DAY = 24 * 60
MOST_PLACES = 1_000_000
MOST_MONEY = 1e15  # validation.AMOUNT_LIMIT: more than any road map's budget in any currency


def _choices(values) -> str:
    return ", ".join(f"'{value}'" for value in values)


def _date(column: str) -> str:
    return f"{column} IS NULL OR ({_calendar(column)} AND {column} BETWEEN '1900' AND '2200')"


def _calendar(column: str) -> str:
    # date() alone accepts any day up to 31; a modifier makes it count days: "2027-02-30" comes
    # back as "2027-03-02", so only a real calendar date comes back as it was.
    return f"date({column}, '+0 days') IS {column}"


def _time(column: str) -> str:
    return f"{column} IS NULL OR {column} GLOB '[01][0-9]:[0-5][0-9]' OR {column} GLOB '2[0-3]:[0-5][0-9]'"


def _period(column: str) -> str:
    """A quarter ("2027-Q3") or a date."""
    return (f"{column} IS NULL OR ({column} GLOB '[12][0-9][0-9][0-9]-Q[1-4]' AND {column} BETWEEN '1900' AND '2200') "
            f"OR ({_calendar(column)} AND {column} BETWEEN '1900' AND '2200')")


def _year(column: str) -> str:
    return f"{column} BETWEEN 1900 AND 2199"


def _amount(column: str) -> str:
    return f"{column} >= 0 AND {column} < {MOST_MONEY:.0e}"


def _list(column: str) -> str:
    return f"json_valid({column}) AND json_type({column}) = 'array'"


SCHEMA = f"""
CREATE TABLE workshop (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',            -- ISO 3166-1 alpha-2
    venue TEXT NOT NULL DEFAULT '',
    start_date TEXT CHECK ({_date('start_date')}),
    end_date TEXT CHECK ({_date('end_date')}),
    languages TEXT NOT NULL DEFAULT '[]' CHECK ({_list('languages')}),  -- ISO 639-1 codes
    description TEXT NOT NULL DEFAULT '',
    objectives TEXT NOT NULL DEFAULT '',
    national_context TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    CHECK (end_date >= start_date)
) STRICT;

CREATE TABLE organization (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    acronym TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ({_choices(v.ORGANIZATION_CATEGORIES)})),
    tripartite INTEGER NOT NULL DEFAULT 0 CHECK (tripartite IN (0, 1)),
    alliance_partner INTEGER NOT NULL DEFAULT 0 CHECK (alliance_partner IN (0, 1)),
    notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE stakeholder_assessment (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL UNIQUE REFERENCES organization(id) ON DELETE CASCADE,
    influence INTEGER CHECK (influence BETWEEN 1 AND 5),
    interest INTEGER CHECK (interest BETWEEN 1 AND 5),
    notes TEXT NOT NULL DEFAULT ''
) STRICT;

CREATE TABLE participant (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sex TEXT NOT NULL DEFAULT 'not_stated' CHECK (sex IN ({_choices(v.SEXES)})),
    title TEXT NOT NULL DEFAULT '',
    organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN ({_choices(v.PARTICIPANT_ROLES)})),
    notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX participant_organization ON participant(organization_id);

CREATE TABLE day (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    date TEXT CHECK ({_date('date')}),
    title TEXT NOT NULL DEFAULT '',
    start_time TEXT NOT NULL DEFAULT '09:00' CHECK ({_time('start_time')}),  -- the first session starts here
    planned_end TEXT NOT NULL DEFAULT '17:00' CHECK ({_time('planned_end')})
) STRICT;

CREATE TABLE attendance (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    day_id TEXT NOT NULL REFERENCES day(id) ON DELETE CASCADE,
    present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    checked_in_at TEXT,
    UNIQUE (participant_id, day_id)
) STRICT;
CREATE INDEX attendance_day ON attendance(day_id);

-- Sessions of one day run slot after slot; sessions sharing a slot run in parallel tracks.
CREATE TABLE session (
    id TEXT PRIMARY KEY,
    day_id TEXT NOT NULL REFERENCES day(id) ON DELETE CASCADE,
    slot INTEGER NOT NULL,
    track TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'plenary' CHECK (type IN ({_choices(v.SESSION_TYPES)})),
    duration INTEGER NOT NULL CHECK (duration BETWEEN 1 AND {MINUTES_IN_A_DAY}),   -- minutes
    planned_duration INTEGER CHECK (planned_duration BETWEEN 1 AND {MINUTES_IN_A_DAY}),  -- before live changes
    room TEXT NOT NULL DEFAULT '',
    capacity INTEGER CHECK (capacity BETWEEN 1 AND {MOST_PLACES}),  -- places in the room
    facilitator_id TEXT REFERENCES participant(id) ON DELETE SET NULL,
    objectives TEXT NOT NULL DEFAULT '',
    expected_output TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '',
    facilitator_notes TEXT NOT NULL DEFAULT '',
    fixed_start TEXT CHECK ({_time('fixed_start')}),  -- items that do not move (lunch, closing)
    actual_start TEXT CHECK ({_time('actual_start')}),
    actual_end TEXT CHECK ({_time('actual_end')})
) STRICT;
CREATE INDEX session_day ON session(day_id, slot);

-- Speakers, rapporteurs and breakout-group members of a session.
CREATE TABLE session_person (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('speaker', 'rapporteur', 'member')),
    UNIQUE (session_id, participant_id, role)
) STRICT;
CREATE INDEX session_person_participant ON session_person(participant_id);

-- The road map: goal -> outcomes -> outputs -> actions. Codes ("2.1.3") come from positions.
CREATE TABLE roadmap_node (
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES roadmap_node(id) ON DELETE CASCADE,
    level TEXT NOT NULL CHECK (level IN ({_choices(v.NODE_LEVELS)})),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    lead_organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
    start TEXT CHECK ({_period('start')}),   -- "2026-Q1" or a date
    end TEXT CHECK ({_period('end')}),
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ({_choices(v.ACTION_STATUSES)})),
    cost REAL CHECK ({_amount('cost')}),
    currency TEXT NOT NULL DEFAULT '' CHECK (currency = '' OR currency GLOB '[A-Z][A-Z][A-Z]'),  -- ISO 4217
    funding_secured REAL CHECK ({_amount('funding_secured')}),
    gender_marker INTEGER CHECK (gender_marker BETWEEN 0 AND 3),
    geographic_scope TEXT NOT NULL DEFAULT '',
    issue_tags TEXT NOT NULL DEFAULT '[]' CHECK ({_list('issue_tags')}),  -- vocabulary keys
    pillar_tags TEXT NOT NULL DEFAULT '[]' CHECK ({_list('pillar_tags')}),
    action_group TEXT CHECK (action_group IS NULL OR action_group IN ({_choices(v.ACTION_GROUPS)})),
    sdgs TEXT NOT NULL DEFAULT '[]' CHECK ({_list('sdgs')}),
    risks TEXT NOT NULL DEFAULT '',
    assumptions TEXT NOT NULL DEFAULT '',
    comments TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX roadmap_node_parent ON roadmap_node(parent_id, position);

CREATE TABLE action_partner (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES roadmap_node(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ({_choices(v.PARTNER_ROLES)})),
    UNIQUE (node_id, organization_id)
) STRICT;

CREATE TABLE indicator (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES roadmap_node(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    baseline_value TEXT NOT NULL DEFAULT '',
    baseline_year INTEGER CHECK ({_year('baseline_year')}),
    target_value TEXT NOT NULL DEFAULT '',
    target_year INTEGER CHECK ({_year('target_year')}),
    disaggregation TEXT NOT NULL DEFAULT '',
    means_of_verification TEXT NOT NULL DEFAULT '',
    collected_by TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX indicator_node ON indicator(node_id);

-- A frozen copy of the road map (nodes, partners, indicators) as JSON, compared and restored later.
CREATE TABLE version (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    validated INTEGER NOT NULL DEFAULT 0 CHECK (validated IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL
) STRICT;

CREATE TABLE plenary_comment (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES roadmap_node(id) ON DELETE CASCADE,
    participant_id TEXT REFERENCES participant(id) ON DELETE SET NULL,
    organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ({_choices(v.COMMENT_STATUSES)})),
    created_at TEXT NOT NULL
) STRICT;

-- The national action plan's texts only the country can write (foreword, framework...), one row a section.
CREATE TABLE plan_text (
    id TEXT PRIMARY KEY,
    section TEXT NOT NULL UNIQUE CHECK (section IN ({_choices(v.PLAN_TEXTS)})),
    text TEXT NOT NULL DEFAULT ''
) STRICT;

-- Figures the plan's context cites ("50 million in modern slavery"), each with what it counts, its year
-- and its source: they belong to the facilitator, who brings them up to date.
CREATE TABLE reference_figure (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    value REAL NOT NULL CHECK (value >= 0 AND value < {MOST_MONEY:.0e}),
    counts TEXT NOT NULL,
    year INTEGER CHECK ({_year('year')}),
    source TEXT NOT NULL DEFAULT ''
) STRICT;

-- Acronyms the plan's list holds beyond the organizations' own ("NAP", "C182").
CREATE TABLE acronym (
    id TEXT PRIMARY KEY,
    acronym TEXT NOT NULL UNIQUE,
    meaning TEXT NOT NULL DEFAULT ''
) STRICT;

-- Where an action's money comes from: an organization of the workshop (the government, a partner) or
-- a source named in words, an amount in a currency, and the year it is spent.
CREATE TABLE funding_source (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES roadmap_node(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
    source TEXT NOT NULL DEFAULT '',
    amount REAL CHECK ({_amount('amount')}),
    currency TEXT NOT NULL DEFAULT '' CHECK (currency = '' OR currency GLOB '[A-Z][A-Z][A-Z]'),
    year INTEGER CHECK ({_year('year')})
) STRICT;
CREATE INDEX funding_source_node ON funding_source(node_id, position);

-- In a handout file, its one row: whose workshop, for whom, which outcomes are the group's, and
-- the merged tables' rows as they were when it was handed out (JSON: table -> rows).
CREATE TABLE handout (
    id TEXT PRIMARY KEY,
    workshop_id TEXT NOT NULL,
    label TEXT NOT NULL DEFAULT '',
    outcomes TEXT NOT NULL CHECK ({_list('outcomes')}),
    created_at TEXT NOT NULL,
    base TEXT NOT NULL CHECK (json_valid(base))
) STRICT;

-- In a workshop file, each handout merged back (its id is the handout's), with the merged
-- tables' rows as the handout held them (JSON): a handout handed in again merges only what
-- changed since ...
CREATE TABLE merged_handout (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    merged_at TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(state))
) STRICT;

-- ... and every row and field it changed ('' for a row added or deleted whole).
CREATE TABLE merged_change (
    id TEXT PRIMARY KEY,
    handout_id TEXT NOT NULL REFERENCES merged_handout(id) ON DELETE CASCADE,
    table_name TEXT NOT NULL,
    row_id TEXT NOT NULL,
    field TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX merged_change_row ON merged_change(row_id);

-- A comment a participant sent from a phone on the room's review site: pending until the
-- facilitator accepts it (it then becomes the plenary comment named here) or dismisses it.
-- Nothing a phone sends edits the road map. Its item is named without a reference: a comment
-- waits unseen while its item is deleted, and shows again when an undo brings the item back
-- (it arrived outside the undo history, so no undo step could carry it).
CREATE TABLE phone_comment (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL,
    name TEXT NOT NULL DEFAULT '',
    organization TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
    received_at TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'accepted', 'dismissed')),
    comment_id TEXT REFERENCES plenary_comment(id) ON DELETE SET NULL
) STRICT;

-- In a workshop file, each handout written from it (its id is the handout's): for whom, which
-- outcomes are the group's, the SHA-256 of the base the handout holds, and of each table a merge
-- does not bring back (JSON: table -> digest), to tell the facilitator what else the group changed.
CREATE TABLE issued_handout (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL DEFAULT '',
    outcomes TEXT NOT NULL CHECK ({_list('outcomes')}),
    created_at TEXT NOT NULL,
    base_digest TEXT NOT NULL,
    table_digests TEXT NOT NULL DEFAULT '{{}}' CHECK (json_valid(table_digests))
) STRICT;
"""

# The tables each format added, in the order SCHEMA creates them.
ADDED_IN = {3: ("plan_text", "reference_figure", "acronym", "funding_source"),
            4: ("handout", "merged_handout", "merged_change", "phone_comment"), 5: ("issued_handout",)}


def create_schema(conn: sqlite3.Connection) -> None:
    conn.executescript(SCHEMA)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
