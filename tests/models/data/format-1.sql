-- The schema of format 1, as format-1 files hold it: the starting point of the upgrade tests.
CREATE TABLE workshop (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    country TEXT NOT NULL DEFAULT '',            -- ISO 3166-1 alpha-2
    venue TEXT NOT NULL DEFAULT '',
    start_date TEXT,                             -- YYYY-MM-DD
    end_date TEXT,
    languages TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(languages)),  -- JSON list of ISO 639-1 codes
    description TEXT NOT NULL DEFAULT '',
    objectives TEXT NOT NULL DEFAULT '',
    national_context TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

CREATE TABLE organization (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    acronym TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL DEFAULT 'other' CHECK (category IN ('government', 'workers', 'employers', 'un', 'regional', 'civil_society', 'academic', 'development_partner', 'other')),
    tripartite INTEGER NOT NULL DEFAULT 0 CHECK (tripartite IN (0, 1)),
    alliance_partner INTEGER NOT NULL DEFAULT 0 CHECK (alliance_partner IN (0, 1)),
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE stakeholder_assessment (
    id TEXT PRIMARY KEY,
    organization_id TEXT NOT NULL UNIQUE REFERENCES organization(id) ON DELETE CASCADE,
    influence INTEGER CHECK (influence BETWEEN 1 AND 5),
    interest INTEGER CHECK (interest BETWEEN 1 AND 5),
    notes TEXT NOT NULL DEFAULT ''
);

CREATE TABLE participant (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    sex TEXT NOT NULL DEFAULT 'not_stated' CHECK (sex IN ('female', 'male', 'other', 'not_stated')),
    title TEXT NOT NULL DEFAULT '',
    organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    language TEXT NOT NULL DEFAULT '',
    role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN ('participant', 'resource_person', 'facilitator', 'observer', 'organiser')),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX participant_organization ON participant(organization_id);

CREATE TABLE day (
    id TEXT PRIMARY KEY,
    position INTEGER NOT NULL,
    date TEXT,                                   -- YYYY-MM-DD
    title TEXT NOT NULL DEFAULT '',
    start_time TEXT NOT NULL DEFAULT '09:00',    -- HH:MM, the first session starts here
    planned_end TEXT NOT NULL DEFAULT '17:00'
);

CREATE TABLE attendance (
    id TEXT PRIMARY KEY,
    participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    day_id TEXT NOT NULL REFERENCES day(id) ON DELETE CASCADE,
    present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1)),
    checked_in_at TEXT,
    UNIQUE (participant_id, day_id)
);
CREATE INDEX attendance_day ON attendance(day_id);

-- Sessions of one day run slot after slot; sessions sharing a slot run in parallel tracks.
CREATE TABLE session (
    id TEXT PRIMARY KEY,
    day_id TEXT NOT NULL REFERENCES day(id) ON DELETE CASCADE,
    slot INTEGER NOT NULL,
    track TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    type TEXT NOT NULL DEFAULT 'plenary' CHECK (type IN ('opening', 'plenary', 'presentation', 'group_work', 'break', 'meal', 'closing')),
    duration INTEGER NOT NULL CHECK (duration > 0),   -- minutes
    planned_duration INTEGER CHECK (planned_duration IS NULL OR planned_duration > 0),  -- before live changes
    room TEXT NOT NULL DEFAULT '',
    capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),  -- places in the room
    facilitator_id TEXT REFERENCES participant(id) ON DELETE SET NULL,
    objectives TEXT NOT NULL DEFAULT '',
    expected_output TEXT NOT NULL DEFAULT '',
    materials TEXT NOT NULL DEFAULT '',
    facilitator_notes TEXT NOT NULL DEFAULT '',
    fixed_start TEXT,                            -- HH:MM for items that do not move (lunch, closing)
    actual_start TEXT,
    actual_end TEXT
);
CREATE INDEX session_day ON session(day_id, slot);

-- Speakers, rapporteurs and breakout-group members of a session.
CREATE TABLE session_person (
    id TEXT PRIMARY KEY,
    session_id TEXT NOT NULL REFERENCES session(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participant(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('speaker', 'rapporteur', 'member')),
    UNIQUE (session_id, participant_id, role)
);
CREATE INDEX session_person_participant ON session_person(participant_id);

-- The road map: goal -> outcomes -> outputs -> actions. Codes ("2.1.3") come from positions.
CREATE TABLE roadmap_node (
    id TEXT PRIMARY KEY,
    parent_id TEXT REFERENCES roadmap_node(id) ON DELETE CASCADE,
    level TEXT NOT NULL CHECK (level IN ('goal', 'outcome', 'output', 'action')),
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    lead_organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
    start TEXT CHECK (start IS NULL OR start GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
                      OR start GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),   -- "2026-Q1" or a date
    end TEXT CHECK (end IS NULL OR end GLOB '[0-9][0-9][0-9][0-9]-Q[1-4]'
                    OR end GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]-[0-3][0-9]'),
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'agreed', 'in_progress', 'done', 'dropped')),
    cost REAL CHECK (cost IS NULL OR cost >= 0),
    currency TEXT NOT NULL DEFAULT '',           -- ISO 4217
    funding_secured REAL CHECK (funding_secured IS NULL OR funding_secured >= 0),
    gender_marker INTEGER CHECK (gender_marker IS NULL
                                 OR (typeof(gender_marker) = 'integer' AND gender_marker BETWEEN 0 AND 3)),
    geographic_scope TEXT NOT NULL DEFAULT '',
    issue_tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(issue_tags)),  -- JSON lists of vocabulary keys
    pillar_tags TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(pillar_tags)),
    action_group TEXT CHECK (action_group IS NULL OR action_group IN ('migration', 'rule_of_law', 'conflicts', 'supply_chains')),
    sdgs TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(sdgs)),
    risks TEXT NOT NULL DEFAULT '',
    assumptions TEXT NOT NULL DEFAULT '',
    comments TEXT NOT NULL DEFAULT ''
);
CREATE INDEX roadmap_node_parent ON roadmap_node(parent_id, position);

CREATE TABLE action_partner (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES roadmap_node(id) ON DELETE CASCADE,
    organization_id TEXT NOT NULL REFERENCES organization(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('lead', 'support', 'consulted', 'informed', 'funder')),
    UNIQUE (node_id, organization_id)
);

CREATE TABLE indicator (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES roadmap_node(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    baseline_value TEXT NOT NULL DEFAULT '',
    baseline_year INTEGER,
    target_value TEXT NOT NULL DEFAULT '',
    target_year INTEGER,
    disaggregation TEXT NOT NULL DEFAULT '',
    means_of_verification TEXT NOT NULL DEFAULT '',
    collected_by TEXT NOT NULL DEFAULT '',
    frequency TEXT NOT NULL DEFAULT ''
);
CREATE INDEX indicator_node ON indicator(node_id);

-- A frozen copy of the road map (nodes, partners, indicators) as JSON, compared and restored later.
CREATE TABLE version (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL,
    validated INTEGER NOT NULL DEFAULT 0 CHECK (validated IN (0, 1)),
    note TEXT NOT NULL DEFAULT '',
    snapshot TEXT NOT NULL
);

CREATE TABLE plenary_comment (
    id TEXT PRIMARY KEY,
    node_id TEXT NOT NULL REFERENCES roadmap_node(id) ON DELETE CASCADE,
    participant_id TEXT REFERENCES participant(id) ON DELETE SET NULL,
    organization_id TEXT REFERENCES organization(id) ON DELETE SET NULL,
    text TEXT NOT NULL,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'addressed')),
    created_at TEXT NOT NULL
);
