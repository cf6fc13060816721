-- The incident index without depth: (incident_id, revision, time_nanos). With depth in it, a batch's rows of one
-- incident went to one place in the index per depth of its chain (a crash loop's chain is six deep), and each of
-- those index pages was rewritten at commit; in time order they go to one. The queries for an incident's roots
-- (depth 0) read its revision in time order and skip the rest.
DROP INDEX log_match_incident_revision;
CREATE INDEX log_match_incident_revision ON log_match (incident_id, revision, time_nanos);
