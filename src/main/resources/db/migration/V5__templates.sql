-- Unknown-error templates (issue #8): the miner's groups of unmatched error lines, per service.

CREATE TABLE template (
    id             VARCHAR(40)   PRIMARY KEY,
    service        VARCHAR(255)  NOT NULL,
    text           VARCHAR(4000) NOT NULL,
    -- the earliest line by event time, and its revision: the template is new in that revision
    first_seen     BIGINT        NOT NULL,
    first_revision VARCHAR(255)  NOT NULL,
    last_seen      BIGINT        NOT NULL,
    count          BIGINT        NOT NULL,
    -- up to three distinct real messages, as a JSON array: the examples of a signature draft
    samples        VARCHAR(16000) NOT NULL
);
CREATE INDEX template_service ON template (service, first_seen);

CREATE TABLE template_revision (
    template_id VARCHAR(40)  NOT NULL REFERENCES template (id),
    revision    VARCHAR(255) NOT NULL,
    first_seen  BIGINT       NOT NULL,
    last_seen   BIGINT       NOT NULL,
    count       BIGINT       NOT NULL,
    PRIMARY KEY (template_id, revision)
);

-- An unknown error's template, and whether that template was new in the line's revision when it was stored.
ALTER TABLE log_match ADD COLUMN template_id VARCHAR(40);
ALTER TABLE log_match ADD COLUMN novel BOOLEAN DEFAULT FALSE NOT NULL;
