-- Correlation state (DESIGN §5). Times are event times in epoch nanoseconds, exact on H2 and PostgreSQL alike.

CREATE TABLE service (
    name          VARCHAR(255) PRIMARY KEY,
    project       VARCHAR(255) NOT NULL,
    location      VARCHAR(255) NOT NULL,
    resource_type VARCHAR(64)  NOT NULL,
    first_seen    BIGINT       NOT NULL,
    last_seen     BIGINT       NOT NULL
);

CREATE TABLE revision (
    service      VARCHAR(255) NOT NULL REFERENCES service (name),
    name         VARCHAR(255) NOT NULL,
    first_seen   BIGINT       NOT NULL,
    last_seen    BIGINT       NOT NULL,
    state        VARCHAR(16)  NOT NULL,
    last_phase   VARCHAR(128),
    failed_phase VARCHAR(128),
    failed_after BIGINT,
    ready_at     BIGINT,
    -- the phases reached and completed, with times, as JSON: what the lifecycle compares revisions by
    progress     VARCHAR(8000),
    PRIMARY KEY (service, name)
);

-- Every signature match that takes part in correlation, and every unmatched ERROR line, once per
-- (event, signature): the set correlation is a function of. incident_id is where correlation put it.
CREATE TABLE log_match (
    entry_key    VARCHAR(32)   NOT NULL,
    signature_id VARCHAR(128)  NOT NULL,
    service      VARCHAR(255)  NOT NULL,
    revision     VARCHAR(255)  NOT NULL,
    instance     VARCHAR(255)  NOT NULL,
    time_nanos   BIGINT        NOT NULL,
    role         VARCHAR(16)   NOT NULL,
    insert_id    VARCHAR(255),
    message      VARCHAR(4000) NOT NULL,
    fields       VARCHAR(4000) NOT NULL,
    incident_id  VARCHAR(32),
    depth        INTEGER,
    PRIMARY KEY (entry_key, signature_id)
);
CREATE INDEX log_match_time ON log_match (service, time_nanos);
CREATE INDEX log_match_incident_revision ON log_match (incident_id, revision, depth, time_nanos);

CREATE TABLE incident (
    id               VARCHAR(32)   PRIMARY KEY,
    service          VARCHAR(255)  NOT NULL REFERENCES service (name),
    signature_id     VARCHAR(128)  NOT NULL,
    fingerprint      VARCHAR(512)  NOT NULL,
    title            VARCHAR(1000) NOT NULL,
    category         VARCHAR(64)   NOT NULL,
    severity         VARCHAR(16)   NOT NULL,
    status           VARCHAR(16)   NOT NULL,
    confidence       VARCHAR(8)    NOT NULL,
    summary          VARCHAR(4000) NOT NULL,
    remediation      VARCHAR(2000),
    first_seen       BIGINT        NOT NULL,
    last_seen        BIGINT        NOT NULL,
    revision         VARCHAR(255)  NOT NULL,
    explained_count  BIGINT        NOT NULL,
    resolved_by      VARCHAR(255),
    uncovered_by     VARCHAR(32),
    sort_key         VARCHAR(128)  NOT NULL
);
CREATE INDEX incident_service_sort ON incident (service, sort_key);
CREATE INDEX incident_sort ON incident (sort_key);

-- One row per signature in the incident's chain, ordered by depth (0: the root) and first time.
CREATE TABLE chain_step (
    incident_id  VARCHAR(32)   NOT NULL REFERENCES incident (id),
    signature_id VARCHAR(128)  NOT NULL,
    role         VARCHAR(16)   NOT NULL,
    depth        INTEGER       NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    count        BIGINT        NOT NULL,
    entry_key    VARCHAR(32)   NOT NULL,
    first_nanos  BIGINT        NOT NULL,
    -- the evidence line's place in event order (time, insertId, key) as one comparable string
    first_order  VARCHAR(400)  NOT NULL,
    PRIMARY KEY (incident_id, signature_id)
);

-- Per revision: how often the root occurred there (from root_first_seen) and what it explained. The startup
-- phase it hit follows from root_first_seen and the revision's progress.
CREATE TABLE incident_revision (
    incident_id     VARCHAR(32)  NOT NULL REFERENCES incident (id),
    revision        VARCHAR(255) NOT NULL,
    matches         BIGINT       NOT NULL,
    occurrences     BIGINT       NOT NULL,
    explained       BIGINT       NOT NULL,
    first_seen      BIGINT       NOT NULL,
    last_seen       BIGINT       NOT NULL,
    root_first_seen BIGINT,
    PRIMARY KEY (incident_id, revision)
);

CREATE TABLE incident_event (
    incident_id VARCHAR(32)  NOT NULL REFERENCES incident (id),
    kind        VARCHAR(16)  NOT NULL,
    revision    VARCHAR(255) NOT NULL,
    at_nanos    BIGINT       NOT NULL,
    related     VARCHAR(32),
    PRIMARY KEY (incident_id, kind, revision)
);

-- The root's own lines (bounded per incident when read), with the fields its signature extracted.
CREATE VIEW evidence AS
SELECT m.incident_id, m.entry_key, m.insert_id, m.time_nanos, m.revision, m.instance, m.message, m.fields
FROM log_match m JOIN incident i ON i.id = m.incident_id AND i.signature_id = m.signature_id;
