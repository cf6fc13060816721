-- Changes with every correlation of the service, by any process: a process that cached the service's recent
-- matches uses them only while the version is the one it wrote.
ALTER TABLE service ADD COLUMN version BIGINT DEFAULT 0 NOT NULL;
