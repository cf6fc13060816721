-- An incident's steps, counts per revision and timeline, and a template's counts per revision, go with it: the
-- foreign keys cascade, so deleting the parent row is the whole delete. The keys were unnamed, and their
-- generated names differ between H2 and PostgreSQL, so each table is rebuilt with named ones (as V6 did).

CREATE TABLE chain_step_v10 (
    incident_id  VARCHAR(32)   NOT NULL,
    signature_id VARCHAR(128)  NOT NULL,
    role         VARCHAR(16)   NOT NULL,
    depth        INTEGER       NOT NULL,
    title        VARCHAR(1000) NOT NULL,
    count        BIGINT        NOT NULL,
    entry_key    VARCHAR(32)   NOT NULL,
    first_nanos  BIGINT        NOT NULL,
    first_order  VARCHAR(400)  NOT NULL,
    CONSTRAINT chain_step_key PRIMARY KEY (incident_id, signature_id),
    CONSTRAINT chain_step_incident FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
);
INSERT INTO chain_step_v10 (incident_id, signature_id, role, depth, title, count, entry_key, first_nanos, first_order)
SELECT incident_id, signature_id, role, depth, title, count, entry_key, first_nanos, first_order FROM chain_step;
DROP TABLE chain_step;
ALTER TABLE chain_step_v10 RENAME TO chain_step;

CREATE TABLE incident_revision_v10 (
    incident_id     VARCHAR(32)  NOT NULL,
    revision        VARCHAR(255) NOT NULL,
    matches         BIGINT       NOT NULL,
    occurrences     BIGINT       NOT NULL,
    explained       BIGINT       NOT NULL,
    first_seen      BIGINT       NOT NULL,
    last_seen       BIGINT       NOT NULL,
    root_first_seen BIGINT,
    CONSTRAINT incident_revision_key PRIMARY KEY (incident_id, revision),
    CONSTRAINT incident_revision_incident FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
);
INSERT INTO incident_revision_v10 (incident_id, revision, matches, occurrences, explained, first_seen, last_seen,
                                   root_first_seen)
SELECT incident_id, revision, matches, occurrences, explained, first_seen, last_seen, root_first_seen
FROM incident_revision;
DROP TABLE incident_revision;
ALTER TABLE incident_revision_v10 RENAME TO incident_revision;

CREATE TABLE incident_event_v10 (
    incident_id VARCHAR(32)  NOT NULL,
    kind        VARCHAR(16)  NOT NULL,
    revision    VARCHAR(255) NOT NULL,
    at_nanos    BIGINT       NOT NULL,
    related     VARCHAR(32),
    CONSTRAINT incident_event_key PRIMARY KEY (incident_id, kind, revision),
    CONSTRAINT incident_event_incident FOREIGN KEY (incident_id) REFERENCES incident (id) ON DELETE CASCADE
);
INSERT INTO incident_event_v10 (incident_id, kind, revision, at_nanos, related)
SELECT incident_id, kind, revision, at_nanos, related FROM incident_event;
DROP TABLE incident_event;
ALTER TABLE incident_event_v10 RENAME TO incident_event;

CREATE TABLE template_revision_v10 (
    template_id VARCHAR(40)  NOT NULL,
    revision    VARCHAR(255) NOT NULL,
    first_seen  BIGINT       NOT NULL,
    last_seen   BIGINT       NOT NULL,
    count       BIGINT       NOT NULL,
    CONSTRAINT template_revision_key PRIMARY KEY (template_id, revision),
    CONSTRAINT template_revision_template FOREIGN KEY (template_id) REFERENCES template (id) ON DELETE CASCADE
);
INSERT INTO template_revision_v10 (template_id, revision, first_seen, last_seen, count)
SELECT template_id, revision, first_seen, last_seen, count FROM template_revision;
DROP TABLE template_revision;
ALTER TABLE template_revision_v10 RENAME TO template_revision;
