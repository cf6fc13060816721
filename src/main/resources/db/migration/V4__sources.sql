-- Where each pull source got to: the last entry stored, in the API's order (timestamp, then insertId).
CREATE TABLE source_checkpoint (
    source       VARCHAR(128) PRIMARY KEY,
    time_nanos   BIGINT       NOT NULL,
    insert_id    VARCHAR(255) NOT NULL,
    updated_at   BIGINT       NOT NULL
);
