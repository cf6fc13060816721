-- log_match keyed by event time first: (service, time_nanos, entry_key, signature_id). Its old key,
-- (entry_key, signature_id), is a hash, so a batch's rows landed on as many index pages as it had rows, and the
-- embedded database rewrote each of those pages at commit. In time order a batch's rows share a few pages, and the
-- (service, time_nanos) index this key replaces is its prefix. An entry key fixes its entry's time (DESIGN §2), so
-- the new key is unique where the old one was.
CREATE TABLE log_match_by_time (
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
    template_id  VARCHAR(40),
    novel        BOOLEAN       DEFAULT FALSE NOT NULL,
    CONSTRAINT log_match_key PRIMARY KEY (service, time_nanos, entry_key, signature_id)
);
INSERT INTO log_match_by_time (entry_key, signature_id, service, revision, instance, time_nanos, role, insert_id,
                               message, fields, incident_id, depth, template_id, novel)
SELECT entry_key, signature_id, service, revision, instance, time_nanos, role, insert_id, message, fields,
       incident_id, depth, template_id, novel
FROM log_match;

DROP VIEW evidence;
DROP TABLE log_match;
ALTER TABLE log_match_by_time RENAME TO log_match;
CREATE INDEX log_match_incident_revision ON log_match (incident_id, revision, depth, time_nanos);

CREATE VIEW evidence AS
SELECT m.incident_id, m.entry_key, m.insert_id, m.time_nanos, m.revision, m.instance, m.message, m.fields
FROM log_match m JOIN incident i ON i.id = m.incident_id AND i.signature_id = m.signature_id;
