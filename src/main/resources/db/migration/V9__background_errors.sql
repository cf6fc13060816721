-- Background errors (docs/design-notes.md, "Every failure is an incident"): how many lines of a template were logged
-- by revisions that were ready and serving, and which stored unknown errors were background when they came.
ALTER TABLE template ADD COLUMN serving_count BIGINT DEFAULT 0 NOT NULL;
ALTER TABLE log_match ADD COLUMN background BOOLEAN DEFAULT FALSE NOT NULL;
