-- Which replica polls each pull source: one at a time, until its lease runs out without being renewed.
CREATE TABLE source_lease (
    source     VARCHAR(255) PRIMARY KEY,
    holder     VARCHAR(64)  NOT NULL,
    -- epoch milliseconds
    expires_at BIGINT       NOT NULL
);
